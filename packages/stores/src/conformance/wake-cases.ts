/** Conformance cases: when an instance next needs a worker (`wakeAt`), and what `claimDue` returns. */
import { triggers, type PendingTimer } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, W2, cloudEvent, ended, inFlight, makeState, park, timer, type DefineCase } from './harness.js';

/** Registers the wake-time and due-ness cases. */
export function wakeCases(define: DefineCase): void {
  define('wake time: triggers still queued after a commit make the instance due at the commit time', async ({ a }) => {
    await a.create(makeState('wk-queued'), {}, triggers.start({}), T0);
    await a.enqueue('wk-queued', triggers.event(cloudEvent('e1')), T0 + 1);
    const c = (await a.claim('wk-queued', W1, T0 + 2, LEASE))!;
    await a.commit(makeState('wk-queued', { status: 'waiting', timers: { t1: timer(T0 + 1_000) } }), [], {
      worker: W1,
      now: T0 + 3,
      consumed: [c.inbox[0]!.id],
    });
    expect(await a.nextWakeAt()).toBe(T0 + 3);
    const [due] = await a.claimDue(W2, T0 + 3, LEASE, 10);
    expect(due?.inbox.map((e) => e.trigger)).toEqual([triggers.event(cloudEvent('e1'))]);
    expect(due?.dueTimers).toEqual([]);
  });

  define('wake time: the earliest timer', async ({ a }) => {
    await park(a, makeState('wk-timer', { status: 'waiting', timers: { late: timer(T0 + 500), early: timer(T0 + 200) } }));
    expect(await a.nextWakeAt()).toBe(T0 + 200);
    expect(await a.claimDue(W1, T0 + 199, LEASE, 10)).toEqual([]);
    const [due] = await a.claimDue(W1, T0 + 200, LEASE, 10);
    expect(due?.dueTimers).toEqual(['early']);
  });

  define('wake time: with keepLeaseMs, the end of the lease or an earlier timer', async ({ a, b }) => {
    for (const id of ['wk-lease', 'wk-lease-timer']) await a.create(makeState(id), {}, triggers.start({}), T0);
    for (const c of await a.claimDue(W1, T0, LEASE, 10)) {
      const timers: Record<string, PendingTimer> = c.state.id === 'wk-lease-timer' ? { t1: timer(T0 + 500) } : {};
      await a.commit(inFlight(c.state.id, { timers }), [], { worker: W1, now: T0 + 10, consumed: c.inbox.map((e) => e.id), keepLeaseMs: 1_000 });
    }
    expect(await a.nextWakeAt()).toBe(T0 + 500);
    expect(await b.claim('wk-lease', W2, T0 + 600, LEASE)).toBeUndefined();
    expect(await b.claimDue(W2, T0 + 600, LEASE, 10)).toEqual([]);
    const own = await a.claimDue(W1, T0 + 600, LEASE, 10);
    expect(own.map((c) => [c.state.id, c.dueTimers])).toEqual([['wk-lease-timer', ['t1']]]);
    const [late] = await b.claimDue(W2, T0 + 1_011, LEASE, 10);
    expect(late?.state.id).toBe('wk-lease');
    expect(late?.takenOver).toBe(true);
  });

  define('wake time: a finished instance never wakes, and keepLeaseMs does not keep its lease', async ({ a, b }) => {
    await a.create(makeState('wk-end'), {}, triggers.start({}), T0);
    const c = (await a.claim('wk-end', W1, T0, LEASE))!;
    const done = ended('wk-end', 'completed', T0 + 10, { timers: { leftover: timer(T0 + 20) } });
    await a.commit(done, [], { worker: W1, now: T0 + 10, consumed: [c.inbox[0]!.id], keepLeaseMs: 1_000 });
    expect(await a.nextWakeAt()).toBeUndefined();
    expect(await b.claimDue(W2, T0 + 100_000, LEASE, 10)).toEqual([]);
    expect((await b.claim('wk-end', W2, T0 + 11, LEASE))?.takenOver).toBe(false);
  });

  define('an instance waiting only for an event never wakes', async ({ a }) => {
    await park(a, makeState('wk-idle', { status: 'waiting' }));
    expect(await a.nextWakeAt()).toBeUndefined();
    expect(await a.claimDue(W1, T0 + 10 ** 10, LEASE, 10)).toEqual([]);
  });

  define('claimDue returns only due instances, earliest first, up to the limit', async ({ a, b }) => {
    const at = { 'due-a': 30, 'due-b': 10, 'due-c': 20, 'due-d': 100 };
    for (const [id, ms] of Object.entries(at)) await park(a, makeState(id, { status: 'waiting', timers: { [`t-${id}`]: timer(T0 + ms) } }));
    await park(a, makeState('due-e', { status: 'waiting' }));
    expect(await a.nextWakeAt()).toBe(T0 + 10);
    const first = await b.claimDue(W2, T0 + 50, LEASE, 2);
    expect(first.map((c) => c.state.id)).toEqual(['due-b', 'due-c']);
    expect(first.map((c) => c.dueTimers)).toEqual([['t-due-b'], ['t-due-c']]);
    const rest = await a.claimDue(W1, T0 + 50, LEASE, 10);
    expect(rest.map((c) => c.state.id)).toEqual(['due-a']);
    expect(await a.claimDue(W1, T0 + 50, LEASE, 0)).toEqual([]);
  });
}
