/** Runtime operations the server exposes: retrigger, suspend/resume, abort cascade, query, history, purge. */
import { describe, expect, it } from 'vitest';
import { loadInline } from '../testing/load-inline.js';
import { createConfig } from '../load/create-config.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import { MemoryInstanceStore } from '../testing/memory-instance-store.js';
import { SequentialIds, SimulatedClock } from '../testing/simulated-clock.js';
import { MemoryCatalog } from './catalog.js';
import { Runtime } from './runtime.js';

const def = (text: object): Promise<WorkflowDef> => loadInline(text);

const FLAKY = {
  id: 'flaky',
  specVersion: '0.8',
  start: 'Prepare',
  functions: [{ name: 'svc', type: 'custom', operation: 'rest:post:/x' }],
  states: [
    { name: 'Prepare', type: 'inject', data: { prepared: true }, transition: 'Call' },
    { name: 'Call', type: 'operation', actions: [{ functionRef: { refName: 'svc', arguments: { key: '.key' } }, actionDataFilter: { toStateData: '.svc' } }], end: true },
  ],
};
const SLEEPER = {
  id: 'sleeper',
  specVersion: '0.8',
  start: 'Nap',
  events: [{ name: 'poke', source: '/t', type: 'poke' }],
  states: [
    { name: 'Nap', type: 'sleep', duration: 'PT10M', transition: 'Wait' },
    { name: 'Wait', type: 'event', onEvents: [{ eventRefs: ['poke'], eventDataFilter: { toStateData: '.poke' } }], end: true },
  ],
};
const PARENT = { id: 'parent', specVersion: '0.8', start: 'Run', states: [{ name: 'Run', type: 'operation', actions: [{ subFlowRef: 'sleeper' }], end: true }] };

async function setup(answers: ((args: Json) => Json)[] = []) {
  const config = createConfig({ properties: {}, env: {} });
  const catalog = new MemoryCatalog();
  for (const d of [FLAKY, SLEEPER, PARENT]) catalog.add({ def: await def(d), config });
  const store = new MemoryInstanceStore();
  const clock = new SimulatedClock();
  const calls: Json[] = [];
  const rt = new Runtime({
    store,
    clock,
    ids: new SequentialIds('i'),
    catalog,
    worker: 'w',
    log: { log: () => undefined },
    invokers: [
      {
        key: 'custom:rest',
        invoke: async (req) => {
          calls.push(req.args);
          const answer = answers.shift();
          if (!answer) throw Object.assign(new Error('service down'), { code: '503' });
          return { body: answer(req.args) };
        },
      },
    ],
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      await rt.tick();
      await rt.idle();
    }
  };
  return { store, clock, rt, calls, settle };
}

describe('retrigger', () => {
  it('resumes a faulted run at the failed action, with patched data, and records the attempt', async () => {
    const answers: ((args: Json) => Json)[] = [];
    const { rt, calls, settle } = await setup(answers);
    const id = await rt.start('flaky', { key: 'a' });
    await settle();
    expect(await rt.summary(id)).toMatchObject({ status: 'faulted', errorCode: '503', lastState: 'Call' });
    await expect(rt.resume(id)).rejects.toMatchObject({ code: 'INSTANCE_CONFLICT' });
    answers.push(() => ({ ok: true }));
    await rt.retrigger(id, { key: 'b' });
    await settle();
    const s = (await rt.get(id))!;
    expect(s.status).toBe('completed');
    expect(s.output).toEqual({ key: 'b', prepared: true, svc: { ok: true } });
    expect(calls).toEqual([{ key: 'a' }, { key: 'b' }]);
    const history = await rt.history(id);
    const types = history.map((h) => h.type);
    expect(types.filter((t) => t === 'instance.retriggered')).toHaveLength(1);
    expect(history.filter((h) => h.type === 'state.entered').map((h) => h.state)).toEqual(['Prepare', 'Call']);
    await expect(rt.retrigger(id)).rejects.toMatchObject({ code: 'INSTANCE_CONFLICT' });
  });
});

describe('suspend and resume', () => {
  it('holds timers and events while suspended and replays them on resume', async () => {
    const { rt, clock, settle } = await setup();
    const id = await rt.start('sleeper', {});
    await settle();
    await rt.suspend(id, 'maintenance');
    await settle();
    expect((await rt.get(id))!.status).toBe('suspended');
    clock.advance(11 * 60_000);
    await settle();
    await rt.send(id, { type: 'event', event: { specversion: '1.0', id: 'e1', source: '/t', type: 'poke', data: { n: 1 } } });
    await settle();
    const held = (await rt.get(id))!;
    expect(held.status).toBe('suspended');
    expect(held.lastState).toBe('Nap');
    await rt.resume(id);
    await settle();
    const s = (await rt.get(id))!;
    expect(s.status).toBe('completed');
    expect(s.output).toEqual({ poke: { n: 1 } });
    expect((await rt.history(id)).map((h) => h.type)).toEqual(expect.arrayContaining(['instance.suspended', 'instance.resumed']));
  });
});

describe('abort', () => {
  it('cascades to the subflow the parent waits for', async () => {
    const { rt, store, settle } = await setup();
    const id = await rt.start('parent', {}, { businessKey: 'order-7', initiator: 'user:default/ana' });
    await settle();
    const [child] = (await store.query({ parentId: id })).items;
    expect(child).toMatchObject({ workflowId: 'sleeper', status: 'waiting' });
    await rt.cancel(id, 'no longer needed');
    await settle();
    expect((await rt.summary(id))!.status).toBe('cancelled');
    expect((await rt.summary(child!.id))!.status).toBe('cancelled');
    await expect(rt.cancel(id)).rejects.toMatchObject({ code: 'INSTANCE_CONFLICT' });
    await expect(rt.cancel('nope')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });
});

describe('query, history and purge', () => {
  it('filters by business key and initiator, pages with a cursor, reads history after a cursor and purges old runs', async () => {
    const { rt, clock, settle } = await setup([() => ({}), () => ({}), () => ({})]);
    const ids: string[] = [];
    for (const who of ['ana', 'bo', 'ana']) {
      ids.push(await rt.start('flaky', { key: who }, { initiator: `user:default/${who}`, businessKey: `bk-${who}` }));
      clock.advance(1000);
    }
    await settle();
    const ana = await rt.query({ initiator: 'user:default/ana', order: 'asc' });
    expect(ana.items.map((s) => s.id)).toEqual([ids[0], ids[2]]);
    const page1 = await rt.query({ limit: 2, order: 'desc' });
    const page2 = await rt.query({ limit: 2, order: 'desc', cursor: page1.next! });
    expect([...page1.items, ...page2.items].map((s) => s.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(page2.next).toBeUndefined();
    const all = await rt.history(ids[0]!);
    const tail = await rt.history(ids[0]!, all[2]!.seq);
    expect(tail).toEqual(all.slice(3));
    clock.advance(10 * 86_400_000);
    expect(await rt.purge(86_400_000)).toBe(3);
    expect(await rt.get(ids[0]!)).toBeUndefined();
  });
});

describe('process variables', () => {
  it('keeps the variables a run was started with beside its data, through steps and a retrigger', async () => {
    const answers: ((args: Json) => Json)[] = [];
    const { rt, settle } = await setup(answers);
    const variables = { initiatorEntity: 'user:default/ana', targetEntity: 'component:default/web' };
    const id = await rt.start('flaky', { key: 'a' }, { variables });
    await settle();
    expect((await rt.get(id))!).toMatchObject({ status: 'faulted', variables });
    answers.push(() => ({ ok: true }));
    await rt.retrigger(id);
    await settle();
    const s = (await rt.get(id))!;
    expect(s.status).toBe('completed');
    expect(s.variables).toEqual(variables);
    expect(s.output).not.toHaveProperty('initiatorEntity');
    const plain = await rt.start('flaky', { key: 'b' });
    expect((await rt.get(plain))!).not.toHaveProperty('variables');
  });
});
