/** Conformance cases: the durable inbox, including events that arrive before the instance waits. */
import { triggers } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, W2, cloudEvent, makeState, park, timer, type DefineCase } from './harness.js';

/** Registers the inbox cases. */
export function inboxCases(define: DefineCase): void {
  define('events enqueued before the instance waits are kept and handed over in order', async ({ a }) => {
    await a.create(makeState('in-early'), {}, triggers.start({}), T0);
    expect(await a.enqueue('in-early', triggers.event(cloudEvent('e1')), T0 + 1)).toBe(true);
    expect(await a.enqueue('in-early', triggers.event(cloudEvent('e2')), T0 + 2)).toBe(true);
    const c = await a.claim('in-early', W1, T0 + 3, LEASE);
    expect(c?.inbox.map((e) => e.trigger)).toEqual([triggers.start({}), triggers.event(cloudEvent('e1')), triggers.event(cloudEvent('e2'))]);
    const ids = c!.inbox.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(3);
  });

  define('events enqueued while the instance is leased wait for the holder, then make it due', async ({ a, b }) => {
    await park(a, makeState('in-busy', { status: 'waiting' }));
    expect(await a.nextWakeAt()).toBeUndefined();
    const held = await a.claim('in-busy', W1, T0 + 1, LEASE);
    expect(held?.inbox).toEqual([]);
    expect(await b.enqueue('in-busy', triggers.event(cloudEvent('e1')), T0 + 2)).toBe(true);
    expect(await b.claimDue(W2, T0 + 3, LEASE, 10)).toEqual([]);
    await a.commit(makeState('in-busy', { status: 'waiting' }), [], { worker: W1, now: T0 + 4, consumed: [] });
    expect(await a.nextWakeAt()).toBe(T0 + 4);
    const [c] = await b.claimDue(W2, T0 + 5, LEASE, 10);
    expect(c?.state.id).toBe('in-busy');
    expect(c?.inbox.map((e) => e.trigger)).toEqual([triggers.event(cloudEvent('e1'))]);
    await b.commit(makeState('in-busy', { status: 'waiting' }), [], { worker: W2, now: T0 + 6, consumed: c!.inbox.map((e) => e.id) });
    expect(await a.nextWakeAt()).toBeUndefined();
    expect((await a.claim('in-busy', W1, T0 + 7, LEASE))?.inbox).toEqual([]);
  });

  define('enqueue to an unknown instance returns false and creates nothing', async ({ a }) => {
    expect(await a.enqueue('in-ghost', triggers.event(cloudEvent('e1')), T0)).toBe(false);
    expect(await a.get('in-ghost')).toBeUndefined();
    expect(await a.nextWakeAt()).toBeUndefined();
    expect((await a.query({})).items).toEqual([]);
  });

  define('enqueue makes an instance due at the enqueue time, never later than it already was', async ({ a }) => {
    await park(a, makeState('in-timer', { status: 'waiting', timers: { t1: timer(T0 + 10) } }));
    await park(a, makeState('in-event', { status: 'waiting' }));
    expect(await a.nextWakeAt()).toBe(T0 + 10);
    expect(await a.enqueue('in-timer', triggers.event(cloudEvent('e1')), T0 + 50)).toBe(true);
    expect(await a.nextWakeAt()).toBe(T0 + 10);
    expect(await a.enqueue('in-event', triggers.event(cloudEvent('e2')), T0 + 40)).toBe(true);
    const due = await a.claimDue(W1, T0 + 50, LEASE, 10);
    expect(due.map((c) => c.state.id)).toEqual(['in-timer', 'in-event']);
    expect(due[0]?.dueTimers).toEqual(['t1']);
    expect(due[1]?.inbox.map((e) => e.trigger)).toEqual([triggers.event(cloudEvent('e2'))]);
  });
}
