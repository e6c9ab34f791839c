/**
 * The run-progress mapping of the graph (components/graph/graph-status.ts), fed with runs of a small
 * workflow on the real engine: a completed run, an active run, a faulted run, a retriggered run,
 * an aborted run, a switch whose untaken branch is skipped, and the node-instance fallback.
 */
import { describe, expect, it } from 'vitest';
import { runProgress, type RunProgress } from '../src/components/graph/graph-status';
import { runOnEngine, type EngineRun } from './engine-runs';

const PROVISION = {
  id: 'provision',
  name: 'Provision a namespace',
  specVersion: '0.8',
  start: 'Check',
  functions: [
    { name: 'createNamespace', type: 'custom', operation: 'rest:post:/namespaces' },
    { name: 'notify', type: 'custom', operation: 'rest:post:/notify' },
  ],
  errors: [{ name: 'conflict', code: '409' }],
  states: [
    { name: 'Check', type: 'switch', dataConditions: [{ name: 'wanted', condition: '.create == true', transition: 'Create' }], defaultCondition: { transition: 'Skip' } },
    { name: 'Skip', type: 'inject', data: { skipped: true }, end: true },
    {
      name: 'Create',
      type: 'operation',
      actions: [{ name: 'createNs', functionRef: { refName: 'createNamespace', arguments: { name: '.name' } } }],
      onErrors: [{ errorRef: 'conflict', transition: 'AlreadyThere' }],
      transition: 'Notify',
    },
    { name: 'AlreadyThere', type: 'inject', data: { existed: true }, transition: 'Notify' },
    { name: 'Notify', type: 'operation', actions: [{ functionRef: 'notify' }], end: true },
    { name: 'Wait', type: 'sleep', duration: 'PT1H', end: true },
  ],
};

const WAITING = {
  ...PROVISION,
  id: 'waiting',
  states: PROVISION.states.map((s) => (s.name === 'Notify' ? { ...s, actions: undefined, type: 'sleep', duration: 'PT1H' } : s)),
};

const unavailable = { fail: '503', message: 'namespace service unavailable' };

function progressOf(run: EngineRun, use: 'history' | 'nodes' = 'history'): RunProgress {
  return runProgress({ graph: run.graph, runStatus: run.status, ...(use === 'history' ? { history: run.history } : { nodes: run.nodes }), ...(run.error ? { error: run.error } : {}) });
}

function taken(run: EngineRun, p: RunProgress): string[] {
  return run.graph.edges.filter((e) => p.takenEdges.has(e.id)).map((e) => `${e.source}->${e.target}:${e.kind}`);
}

describe('runProgress', () => {
  it('a completed run: visited states done, the untaken switch branch and unused states skipped, start and end done', async () => {
    const run = await runOnEngine({ definition: PROVISION, input: { create: true, name: 'team-a' } });
    expect(run.status).toBe('COMPLETED');
    const p = progressOf(run);
    expect(p.nodes).toEqual({ __start: 'done', Check: 'done', Skip: 'skipped', Create: 'done', AlreadyThere: 'skipped', Notify: 'done', Wait: 'skipped', __end: 'done' });
    expect(taken(run, p)).toEqual(['__start->Check:start', 'Check->Create:condition', 'Create->Notify:transition', 'Notify->__end:end']);
  });

  it('a switch that takes its default: the condition branch is skipped and the default edge is the one taken', async () => {
    const run = await runOnEngine({ definition: PROVISION, input: { create: false } });
    const p = progressOf(run);
    expect(p.nodes).toMatchObject({ Check: 'done', Skip: 'done', Create: 'skipped', Notify: 'skipped', __end: 'done' });
    expect(taken(run, p)).toEqual(['__start->Check:start', 'Check->Skip:default', 'Skip->__end:end']);
  });

  it('an active run: the state it waits in is active, states not reached yet are pending, the end is pending', async () => {
    const run = await runOnEngine({ definition: WAITING, input: { create: true, name: 'team-a' } });
    expect(run.status).toBe('ACTIVE');
    const p = progressOf(run);
    expect(p.nodes).toEqual({ __start: 'done', Check: 'done', Skip: 'pending', Create: 'done', AlreadyThere: 'pending', Notify: 'active', Wait: 'pending', __end: 'pending' });
    expect(taken(run, p)).toContain('Create->Notify:transition');
  });

  it('a faulted run: the state it failed in is failed, the rest skipped, nothing after it taken', async () => {
    const run = await runOnEngine({ definition: PROVISION, input: { create: true, name: 'team-a' }, answers: { createNamespace: [unavailable] } });
    expect(run.status).toBe('ERROR');
    expect(run.error?.nodeDefinitionId).toBe('Create');
    const p = progressOf(run);
    expect(p.nodes).toMatchObject({ __start: 'done', Check: 'done', Create: 'failed', Notify: 'skipped', Skip: 'skipped', __end: 'skipped' });
    expect(taken(run, p)).toEqual(['__start->Check:start', 'Check->Create:condition']);
  });

  it('an error handled by onErrors: the state is done and the error edge is the one taken', async () => {
    const run = await runOnEngine({ definition: PROVISION, input: { create: true, name: 'team-a' }, answers: { createNamespace: [{ fail: '409', message: 'exists' }] } });
    expect(run.status).toBe('COMPLETED');
    const p = progressOf(run);
    expect(p.nodes).toMatchObject({ Create: 'done', AlreadyThere: 'done', Notify: 'done' });
    expect(taken(run, p)).toEqual(['__start->Check:start', 'Check->Create:condition', 'Create->AlreadyThere:error', 'AlreadyThere->Notify:transition', 'Notify->__end:end']);
  });

  it('a retriggered run: the failed state goes on and the run completes as if it never failed', async () => {
    const run = await runOnEngine({
      definition: PROVISION,
      input: { create: true, name: 'team-a' },
      answers: { createNamespace: [unavailable] },
      then: async (rt, id) => rt.retrigger(id),
    });
    expect(run.status).toBe('COMPLETED');
    expect(run.history.some((h) => h.type === 'instance.retriggered')).toBe(true);
    const p = progressOf(run);
    expect(p.nodes).toMatchObject({ Create: 'done', Notify: 'done', __end: 'done', Skip: 'skipped' });
    expect(taken(run, p)).toEqual(['__start->Check:start', 'Check->Create:condition', 'Create->Notify:transition', 'Notify->__end:end']);
  });

  it('an aborted run: the state it was stopped in shows as failed (the run status says aborted), the rest skipped', async () => {
    const run = await runOnEngine({ definition: WAITING, input: { create: true, name: 'team-a' }, then: async (rt, id) => rt.cancel(id, 'aborted') });
    expect(run.status).toBe('ABORTED');
    expect(progressOf(run).nodes).toMatchObject({ Create: 'done', Notify: 'failed', __end: 'skipped', Skip: 'skipped' });
  });

  it('without history, reads the Orchestrator node instances the same way', async () => {
    const failed = await runOnEngine({ definition: PROVISION, input: { create: true, name: 'team-a' }, answers: { createNamespace: [unavailable] } });
    expect(progressOf(failed, 'nodes').nodes).toEqual(progressOf(failed).nodes);
    const done = await runOnEngine({ definition: PROVISION, input: { create: true, name: 'team-a' } });
    const p = progressOf(done, 'nodes');
    expect(p.nodes).toEqual(progressOf(done).nodes);
    expect(taken(done, p)).toEqual(taken(done, progressOf(done)));
  });

  it('a run not started yet: everything pending', async () => {
    const { graph } = await runOnEngine({ definition: PROVISION, input: { create: false } });
    const p = runProgress({ graph, runStatus: 'PENDING', history: [] });
    expect(new Set(Object.values(p.nodes))).toEqual(new Set(['pending']));
    expect(p.takenEdges.size).toBe(0);
  });
});
