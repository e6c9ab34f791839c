/** Conformance cases: create, get, summary, the start trigger, and a real engine state's round trip. */
import { loadWorkflowFromText, newInstance, step, summarize, triggers, type InstanceState } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, expectCode, makeState, roundTrip, type DefineCase } from './harness.js';

const NAP = {
  id: 'nap',
  version: '1.0',
  specVersion: '0.8',
  start: 'Nap',
  states: [
    { name: 'Nap', type: 'sleep', duration: 'PT1M', transition: 'Done' },
    { name: 'Done', type: 'inject', data: { done: true }, end: true },
  ],
};

/** Registers the lifecycle cases. */
export function lifecycleCases(define: DefineCase): void {
  define('create saves the instance; get returns its JSON round trip and summary describes it', async ({ a }) => {
    const s = makeState('life-1', {
      input: { text: 'grüße ✓ \u2028 "quoted"', n: 1.5, big: 2 ** 53 - 1, nested: [null, { a: [], b: {} }], t: true },
      headers: { 'x-request-id': 'r-1' },
      output: undefined,
      correlation: { orderId: '7' },
    });
    const meta = { businessKey: 'order-7', initiator: 'alice' };
    await a.create(s, meta, triggers.start(s.input), T0 + 5);
    expect(await a.get('life-1')).toStrictEqual(roundTrip(s));
    expect(await a.summary('life-1')).toStrictEqual(summarize(s, meta, T0 + 5));
  });

  define('create with an existing id fails with INSTANCE_CONFLICT and keeps the first', async ({ a }) => {
    const first = makeState('life-dup');
    await a.create(first, { businessKey: 'k1' }, triggers.start({ n: 1 }), T0);
    await expectCode(a.create(makeState('life-dup', { workflowId: 'other' }), { businessKey: 'k2' }, triggers.start({ n: 2 }), T0 + 1), 'INSTANCE_CONFLICT');
    expect(await a.get('life-dup')).toStrictEqual(roundTrip(first));
    expect((await a.summary('life-dup'))?.businessKey).toBe('k1');
    const claimed = await a.claim('life-dup', W1, T0 + 2, LEASE);
    expect(claimed?.inbox.map((e) => e.trigger)).toEqual([triggers.start({ n: 1 })]);
  });

  define('unknown ids: get, summary and claim give undefined, history is empty', async ({ a }) => {
    expect(await a.get('nope')).toBeUndefined();
    expect(await a.summary('nope')).toBeUndefined();
    expect(await a.claim('nope', W1, T0, LEASE)).toBeUndefined();
    expect(await a.history('nope')).toEqual([]);
    expect(await a.nextWakeAt()).toBeUndefined();
    expect(await a.claimDue(W1, T0 + 1e9, LEASE, 10)).toEqual([]);
  });

  define('a new instance is due at once, with its start trigger queued', async ({ a }) => {
    const s = makeState('life-new');
    await a.create(s, {}, triggers.start({ go: 1 }), T0 + 10);
    expect(await a.nextWakeAt()).toBe(T0 + 10);
    expect(await a.claimDue(W1, T0 + 9, LEASE, 10)).toEqual([]);
    const [c, ...rest] = await a.claimDue(W1, T0 + 10, LEASE, 10);
    expect(rest).toEqual([]);
    expect(c?.state).toStrictEqual(roundTrip(s));
    expect(c?.inbox.map((e) => e.trigger)).toEqual([triggers.start({ go: 1 })]);
    expect(c?.dueTimers).toEqual([]);
    expect(c?.takenOver).toBe(false);
  });

  define('a state the engine produced round-trips, and its sleep timer comes due', async ({ a }) => {
    const loaded = await loadWorkflowFromText({ file: 'nap.sw.json', text: JSON.stringify(NAP), reader: { read: async () => undefined } });
    const def = loaded.value!;
    expect(def, JSON.stringify(loaded.issues)).toBeDefined();
    const env = { secret: {}, secrets: {} };
    await a.create(newInstance({ id: 'life-nap', def, now: T0 }), { initiator: 'bob' }, triggers.start({ x: 1 }), T0);
    const c1 = (await a.claim('life-nap', W1, T0, LEASE))!;
    const r1 = step(def, c1.state, c1.inbox[0]!.trigger, { now: T0, env });
    await a.commit(r1.state, r1.history, { worker: W1, now: T0, consumed: [c1.inbox[0]!.id] });
    expect(await a.get('life-nap')).toStrictEqual(roundTrip(r1.state));
    const [timerId, t] = Object.entries(r1.state.timers)[0]!;
    expect(await a.nextWakeAt()).toBe(t.dueAt);
    expect(await a.claimDue(W1, t.dueAt - 1, LEASE, 10)).toEqual([]);
    const [c2] = await a.claimDue(W1, t.dueAt, LEASE, 10);
    expect(c2?.dueTimers).toEqual([timerId]);
    const r2 = step(def, c2!.state, triggers.timerFired(timerId), { now: t.dueAt, env });
    await a.commit(r2.state, r2.history, { worker: W1, now: t.dueAt });
    const end = (await a.get('life-nap')) as InstanceState;
    expect(end.status).toBe('completed');
    expect(end.output).toEqual({ x: 1, done: true });
    const history = await a.history('life-nap');
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.map(({ seq: _seq, ...h }) => h)).toEqual(roundTrip([...r1.history, ...r2.history]));
    expect(await a.nextWakeAt()).toBeUndefined();
  });
}
