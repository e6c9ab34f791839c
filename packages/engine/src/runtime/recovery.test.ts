/**
 * Two workers sharing a store: when one dies with a call in flight, another takes the instance over
 * after the lease, issues the call again (recorded as a retry) and finishes the run exactly once.
 */
import { describe, expect, it } from 'vitest';
import { loadInline } from '../testing/load-inline.js';
import { createConfig } from '../load/create-config.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import type { Invoker } from '../ports/invoker.js';
import { MemoryInstanceStore } from '../testing/memory-instance-store.js';
import { SequentialIds, SimulatedClock } from '../testing/simulated-clock.js';
import { MemoryCatalog } from './catalog.js';
import { Runtime } from './runtime.js';

const def = (text: object): Promise<WorkflowDef> => loadInline(text);

const PARENT = {
  id: 'parent',
  specVersion: '0.8',
  start: 'Call',
  functions: [{ name: 'svc', type: 'custom', operation: 'rest:post:/x' }],
  states: [
    { name: 'Call', type: 'operation', actions: [{ functionRef: { refName: 'svc', arguments: { n: '.n' } }, actionDataFilter: { toStateData: '.svc' } }], transition: 'Child' },
    { name: 'Child', type: 'operation', actions: [{ subFlowRef: 'child', actionDataFilter: { toStateData: '.child', results: '{fromChild}' } }], end: true },
  ],
};
const CHILD = { id: 'child', specVersion: '0.8', start: 'Done', states: [{ name: 'Done', type: 'inject', data: { fromChild: true }, end: true }] };

async function setup() {
  const config = createConfig({ properties: {}, env: {} });
  const catalog = new MemoryCatalog().add({ def: await def(PARENT), config }).add({ def: await def(CHILD), config });
  const store = new MemoryInstanceStore();
  const clock = new SimulatedClock();
  const worker = (name: string, invoker: Invoker) =>
    new Runtime({ store, clock, ids: new SequentialIds(`${name}-`), catalog, invokers: [invoker], log: { log: () => undefined }, worker: name, leaseMs: 30_000 });
  return { store, clock, worker };
}

describe('taking over from a dead worker', () => {
  it('issues the call again after the lease expires and completes once', async () => {
    const { store, clock, worker } = await setup();
    const seen: Json[] = [];
    const a = worker('a', { key: 'custom:rest', invoke: (req) => (seen.push(req.args), new Promise(() => undefined)) });
    const b = worker('b', { key: 'custom:rest', invoke: async (req) => (seen.push(req.args), { body: { ok: true } }) });
    const id = await a.start('parent', { n: 7 });
    await new Promise((r) => setImmediate(r));
    expect((await store.get(id))!.status).toBe('running');

    expect(await b.tick()).toBe(0);
    clock.advance(29_000);
    expect(await b.tick()).toBe(0);
    clock.advance(2_000);
    expect(await b.tick()).toBe(1);
    await b.idle();
    const end = (await store.get(id))!;
    expect(end.status, JSON.stringify(end.error)).toBe('completed');
    expect(end.output).toEqual({ n: 7, svc: { ok: true }, child: { fromChild: true } });
    expect(seen).toEqual([{ n: 7 }, { n: 7 }]);
    const history = await store.history(id);
    expect(history.filter((h) => h.type === 'action.retrying')).toHaveLength(1);
    expect(history.filter((h) => h.type === 'instance.completed')).toHaveLength(1);
  });

  it('drops the result of a worker that lost its lease', async () => {
    const { store, clock, worker } = await setup();
    let release: (v: { body: Json }) => void = () => undefined;
    const a = worker('a', { key: 'custom:rest', invoke: () => new Promise((r) => (release = r)) });
    const b = worker('b', { key: 'custom:rest', invoke: async () => ({ body: { from: 'b' } }) });
    const id = await a.start('parent', { n: 1 });
    await new Promise((r) => setImmediate(r));
    clock.advance(31_000);
    await b.tick();
    await b.idle();
    release({ body: { from: 'a' } });
    await a.idle();
    const end = (await store.get(id))!;
    expect(end.status).toBe('completed');
    expect(end.output).toMatchObject({ svc: { from: 'b' } });
    expect((await store.history(id)).filter((h) => h.type === 'instance.completed')).toHaveLength(1);
  });
});
