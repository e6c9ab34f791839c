/** The step function's contract: pure, deterministic, stale triggers ignored, secrets masked in history. */
import { describe, expect, it } from 'vitest';
import { loadInline } from '../testing/load-inline.js';
import type { WorkflowDef } from '../model/definition.js';
import { triggers } from './commands.js';
import { SEMANTICS_VERSION } from './instance-state.js';
import { newInstance, step } from './step.js';

const env = { secret: { token: 's3cr3t', api: { url: 'https://x' } }, secrets: {} };
const T0 = Date.UTC(2026, 0, 1);

const def = (text: object): Promise<WorkflowDef> => loadInline(text);

const CALLER = {
  id: 'caller',
  specVersion: '0.8',
  start: 'Call',
  functions: [{ name: 'svc', type: 'custom', operation: 'rest:post:/x' }],
  states: [
    {
      name: 'Call',
      type: 'operation',
      actions: [{ functionRef: { refName: 'svc', arguments: { token: '$SECRET.token', url: '$SECRET.api.url', who: '.name' } }, sleep: { before: 'PT1M' } }],
      end: true,
    },
  ],
};

describe('step', () => {
  it('does not modify the state it is given and gives the same result for the same inputs', async () => {
    const d = await def(CALLER);
    const s0 = newInstance({ id: 'i1', def: d, now: T0 });
    const frozen = JSON.stringify(s0);
    const a = step(d, s0, triggers.start({ name: 'Ada' }), { now: T0, env });
    const b = step(d, s0, triggers.start({ name: 'Ada' }), { now: T0, env });
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(a).toEqual(b);
    expect(a.commands).toEqual([{ type: 'timer.start', timerId: 'timer-1', dueAt: T0 + 60_000, purpose: 'sleep' }]);
  });

  it('evaluates $SECRET for the call but masks it in the history', async () => {
    const d = await def(CALLER);
    const started = step(d, newInstance({ id: 'i1', def: d, now: T0 }), triggers.start({ name: 'Ada' }), { now: T0, env });
    const fired = step(d, started.state, triggers.timerFired('timer-1'), { now: T0 + 60_000, env });
    const invoke = fired.commands.find((c) => c.type === 'invoke');
    expect(invoke).toMatchObject({ fn: 'svc', args: { token: 's3cr3t', url: 'https://x', who: 'Ada' } });
    const called = fired.history.find((h) => h.type === 'action.called');
    expect(called?.data).toMatchObject({ args: { token: '***', url: '***', who: 'Ada' } });
    expect(JSON.stringify([...started.history, ...fired.history])).not.toContain('s3cr3t');
    expect(JSON.stringify(fired.state)).not.toContain('s3cr3t');
  });

  it('ignores triggers for timers and calls it no longer waits for', async () => {
    const d = await def(CALLER);
    const started = step(d, newInstance({ id: 'i1', def: d, now: T0 }), triggers.start({}), { now: T0, env });
    const stale = step(d, started.state, triggers.timerFired('timer-99'), { now: T0, env });
    expect(stale.commands).toEqual([]);
    expect(stale.state.timers).toEqual(started.state.timers);
    const wrongCall = step(d, started.state, triggers.callOk('call-42', { body: {} }), { now: T0, env });
    expect(wrongCall.commands).toEqual([]);
  });

  it('refuses a state written by a newer engine', async () => {
    const d = await def(CALLER);
    const s = { ...newInstance({ id: 'i1', def: d, now: T0 }), v: SEMANTICS_VERSION + 1 };
    expect(() => step(d, s, triggers.start({}), { now: T0, env })).toThrow(/DETERMINISM|semantics v2/);
  });

  it('records the semantics version on new instances and ends with instance.ended', async () => {
    const d = await def({ id: 'x', specVersion: '0.8', start: 'A', states: [{ name: 'A', type: 'inject', data: { a: 1 }, end: true }] });
    const r = step(d, newInstance({ id: 'i1', def: d, now: T0 }), triggers.start({ b: 2 }), { now: T0, env });
    expect(r.state).toMatchObject({ v: SEMANTICS_VERSION, status: 'completed', output: { a: 1, b: 2 }, endedAt: T0 });
    expect(r.commands).toEqual([{ type: 'instance.ended', status: 'completed' }]);
    expect(r.history.map((h) => h.type)).toEqual(['instance.started', 'state.entered', 'state.exited', 'instance.completed']);
  });

  it('exposes the start request headers and the last call status in $WORKFLOW', async () => {
    const d = await def({
      id: 'w',
      specVersion: '0.8',
      start: 'Call',
      functions: [
        { name: 'svc', type: 'custom', operation: 'rest:get:/x' },
        { name: 'look', type: 'expression', operation: '{ ua: $WORKFLOW.headers["user-agent"], status: $WORKFLOW.statusCode, etag: $WORKFLOW.responseHeaders.etag }' },
      ],
      states: [{ name: 'Call', type: 'operation', actions: [{ functionRef: 'svc' }, { functionRef: 'look' }], end: true }],
    });
    const a = step(d, newInstance({ id: 'i', def: d, now: T0 }), triggers.start({}, undefined, { 'user-agent': 'curl/8' }), { now: T0, env });
    const call = a.commands.find((c) => c.type === 'invoke')!;
    const b = step(d, a.state, triggers.callOk((call as { callId: string }).callId, { body: null, status: 204, headers: { etag: 'x1' } }), { now: T0, env });
    expect(b.state.output).toEqual({ ua: 'curl/8', status: 204, etag: 'x1' });
  });
});
