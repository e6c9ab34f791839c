/** Restart recovery: calls in flight when a process died are issued again; finished subflows report to a waiting parent. */
import { describe, expect, it } from 'vitest';
import { loadWorkflowFromText } from '../load/load-workflow.js';
import { createConfig } from '../load/create-config.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import type { Invoker } from '../ports/invoker.js';
import { MemoryInstanceStore } from '../testing/memory-instance-store.js';
import { SequentialIds, SimulatedClock } from '../testing/simulated-clock.js';
import { MemoryCatalog } from './catalog.js';
import { Runtime } from './runtime.js';

const reader = { read: async () => undefined };
async function def(text: object): Promise<WorkflowDef> {
  const r = await loadWorkflowFromText({ file: 'wf.sw.json', text: JSON.stringify(text), reader });
  if (!r.value) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const PARENT = {
  id: 'parent',
  specVersion: '0.8',
  start: 'Call',
  functions: [{ name: 'svc', type: 'custom', operation: 'rest:post:/x' }],
  states: [
    { name: 'Call', type: 'operation', actions: [{ functionRef: { refName: 'svc', arguments: { n: '.n' } }, actionDataFilter: { toStateData: '.svc' } }], transition: 'Child' },
    { name: 'Child', type: 'operation', actions: [{ subFlowRef: 'child', actionDataFilter: { toStateData: '.child' } }], end: true },
  ],
};
const CHILD = { id: 'child', specVersion: '0.8', start: 'Done', states: [{ name: 'Done', type: 'inject', data: { fromChild: true }, end: true }] };

function runtime(store: MemoryInstanceStore, catalog: MemoryCatalog, invoker: Invoker, prefix = 'r'): Runtime {
  return new Runtime({ store, clock: new SimulatedClock(), ids: new SequentialIds(prefix), catalog, invokers: [invoker], log: { log: () => undefined } });
}

describe('Runtime.recover', () => {
  it('issues again a call that was in flight when the process died, and the run completes', async () => {
    const catalog = new MemoryCatalog().add({ def: await def(PARENT), config: createConfig({ properties: {}, env: {} }) }).add({ def: await def(CHILD), config: createConfig({ properties: {}, env: {} }) });
    const store = new MemoryInstanceStore();
    const seen: Json[] = [];
    const dying = runtime(store, catalog, { key: 'custom:rest', invoke: (req) => (seen.push(req.args), new Promise(() => undefined)) });
    const id = await dying.start('parent', { n: 7 });
    expect((await store.get(id))!.status).toBe('running');

    const fresh = runtime(store, catalog, { key: 'custom:rest', invoke: async (req) => (seen.push(req.args), { body: { ok: true } }) }, 'after-restart-');
    expect(await fresh.recover()).toBe(1);
    await fresh.idle();
    const end = (await store.get(id))!;
    expect(end.status, JSON.stringify(end.error)).toBe('completed');
    expect(end.output).toEqual({ n: 7, svc: { ok: true }, child: { n: 7, svc: { ok: true }, fromChild: true } });
    expect(seen).toEqual([{ n: 7 }, { n: 7 }]);
    expect((await store.history(id)).some((h) => h.type === 'action.retrying' && (h.data as { reason?: string }).reason === 'recovered after a restart')).toBe(true);
  });

  it('tells a waiting parent about a subflow that ended while nobody listened', async () => {
    const catalog = new MemoryCatalog().add({ def: await def(PARENT), config: createConfig({ properties: {}, env: {} }) }).add({ def: await def(CHILD), config: createConfig({ properties: {}, env: {} }) });
    const store = new MemoryInstanceStore();
    const rt = runtime(store, catalog, { key: 'custom:rest', invoke: async () => ({ body: {} }) });
    const id = await rt.start('parent', { n: 1 });
    await rt.idle();
    expect((await store.get(id))!.status).toBe('completed');
    // Rewind the parent to "waiting for the child" as if the notification was lost in a crash.
    const history = await store.history(id);
    const childCall = history.find((h) => h.type === 'action.called' && (h.data as { subflow?: string }).subflow === 'child')!;
    const callId = (childCall.data as { callId: string }).callId;
    const waiting = (await store.list()).find((s) => s.id === id)!;
    waiting.status = 'running';
    delete waiting.output;
    delete waiting.endedAt;
    waiting.threads = { main: { id: 'main', data: { n: 1, svc: {} }, state: 'Child', stage: { kind: 'actions' }, acts: { index: 0, phase: 'call', attempt: 1, call: callId } } };
    waiting.calls = { [callId]: { thread: 'main', kind: 'subflow', name: 'child', attempt: 1, startedAt: 0 } };
    await store.save(waiting, []);

    const fresh = runtime(store, catalog, { key: 'custom:rest', invoke: async () => ({ body: {} }) }, 'after-restart-');
    await fresh.recover();
    await fresh.idle();
    const end = (await store.get(id))!;
    expect(end.status).toBe('completed');
    expect(end.output).toMatchObject({ child: { fromChild: true } });
    expect((await store.list({ workflowId: 'child' })).length).toBe(1);
  });
});
