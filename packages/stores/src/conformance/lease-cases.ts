/** Conformance cases: leases — claims, races between two workers, expiry, heartbeat and release. */
import { triggers, type ClaimedInstance } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, W2, entry, expectCode, inFlight, makeState, park, roundTrip, type DefineCase } from './harness.js';

/** Registers the lease cases. */
export function leaseCases(define: DefineCase): void {
  define('a claimed instance is refused to other workers and can be claimed again by its holder', async ({ a, b }) => {
    await a.create(makeState('lease-1'), {}, triggers.start({}), T0);
    expect((await a.claim('lease-1', W1, T0, LEASE))?.takenOver).toBe(false);
    expect(await b.claim('lease-1', W2, T0 + 1, LEASE)).toBeUndefined();
    expect(await b.claimDue(W2, T0 + 1, LEASE, 10)).toEqual([]);
    const again = await a.claim('lease-1', W1, T0 + 2, LEASE);
    expect(again?.takenOver).toBe(false);
    expect(again?.inbox.map((e) => e.trigger)).toEqual([triggers.start({})]);
  });

  define('two workers racing for the same instances each win a different half, never both', async ({ a, b }) => {
    const ids = Array.from({ length: 20 }, (_, i) => `race-${i}`);
    for (const id of ids) await a.create(makeState(id), {}, triggers.start({}), T0);
    const results = await Promise.all(ids.flatMap((id) => [a.claim(id, W1, T0 + 1, LEASE), b.claim(id, W2, T0 + 1, LEASE)]));
    for (let i = 0; i < ids.length; i += 1) {
      const won = [results[2 * i], results[2 * i + 1]].filter((c) => c !== undefined);
      expect(won.length, ids[i]).toBe(1);
    }
  });

  define('claimDue from concurrent workers never hands one instance to two of them', async ({ a, b }) => {
    const ids = Array.from({ length: 30 }, (_, i) => `due-race-${String(i).padStart(2, '0')}`);
    for (const id of ids) await a.create(makeState(id), {}, triggers.start({}), T0);
    const workers = ['w-a', 'w-b', 'w-c', 'w-d'];
    const got = await Promise.all(workers.map((w, i) => (i % 2 === 0 ? a : b).claimDue(w, T0 + 1, LEASE, 10)));
    const all = got.flat().map((c: ClaimedInstance) => c.state.id);
    for (const g of got) expect(g.length).toBeLessThanOrEqual(10);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(ids);
    expect(await a.claimDue('w-e', T0 + 2, LEASE, 100)).toEqual([]);
  });

  define('an expired lease is taken over, and the old holder can no longer commit (LEASE_LOST)', async ({ a, b }) => {
    const s = makeState('lease-exp');
    await a.create(s, {}, triggers.start({}), T0);
    await a.claim('lease-exp', W1, T0, 1_000);
    expect(await b.claim('lease-exp', W2, T0 + 1_000, LEASE)).toBeUndefined();
    const taken = await b.claim('lease-exp', W2, T0 + 1_001, LEASE);
    expect(taken?.takenOver).toBe(true);
    expect(taken?.inbox.map((e) => e.trigger)).toEqual([triggers.start({})]);
    const stale = makeState('lease-exp', { status: 'waiting', lastState: 'Stale' });
    await expectCode(a.commit(stale, [entry('state.entered', T0 + 1_002)], { worker: W1, now: T0 + 1_002, consumed: [taken!.inbox[0]!.id] }), 'LEASE_LOST');
    expect(await a.get('lease-exp')).toStrictEqual(roundTrip(s));
    expect(await a.history('lease-exp')).toEqual([]);
    await b.commit(makeState('lease-exp', { status: 'waiting' }), [], { worker: W2, now: T0 + 1_003, consumed: [taken!.inbox[0]!.id] });
    expect((await a.get('lease-exp'))?.status).toBe('waiting');
  });

  define('a worker that lost its lease and claimed the instance back cannot commit a step computed before (revision)', async ({ a, b }) => {
    await a.create(makeState('lease-aba'), {}, triggers.start({}), T0);
    const first = (await a.claim('lease-aba', W1, T0, 1_000))!;
    expect(first.revision).toBe(1);
    // W1 stalls; W2 takes over, commits a step and keeps the lease for a call in flight.
    const taken = (await b.claim('lease-aba', W2, T0 + 1_001, LEASE))!;
    expect(taken.revision).toBe(1);
    const byW2 = inFlight('lease-aba');
    await b.commit(byW2, [entry('state.entered', T0 + 1_002)], { worker: W2, now: T0 + 1_002, consumed: [taken.inbox[0]!.id], keepLeaseMs: 1_000, revision: 1 });
    // W2 stalls too; W1 claims it back (same worker name as its stale step).
    const back = (await a.claim('lease-aba', W1, T0 + 2_003, LEASE))!;
    expect(back.takenOver).toBe(true);
    expect(back.revision).toBe(2);
    // W1's step from its first claim must not land; a step from the new claim does.
    await expectCode(a.commit(makeState('lease-aba', { status: 'waiting', lastState: 'Stale' }), [entry('state.entered', T0 + 2_004)], { worker: W1, now: T0 + 2_004, revision: first.revision }), 'LEASE_LOST');
    expect(await a.get('lease-aba')).toStrictEqual(roundTrip(byW2));
    expect((await a.history('lease-aba')).length).toBe(1);
    await a.commit(makeState('lease-aba', { status: 'waiting' }), [], { worker: W1, now: T0 + 2_005, revision: back.revision });
    expect((await a.claim('lease-aba', W1, T0 + 2_006, LEASE))?.revision).toBe(3);
  });

  define('claimDue takes over an instance whose holder died with calls in flight', async ({ a, b }) => {
    await a.create(makeState('lease-dead'), {}, triggers.start({}), T0);
    const c = (await a.claim('lease-dead', W1, T0, LEASE))!;
    await a.commit(inFlight('lease-dead'), [], { worker: W1, now: T0 + 10, consumed: [c.inbox[0]!.id], keepLeaseMs: 1_000 });
    expect(await a.nextWakeAt()).toBe(T0 + 1_010);
    expect(await b.claimDue(W2, T0 + 1_010, LEASE, 10)).toEqual([]);
    const [taken] = await b.claimDue(W2, T0 + 1_011, LEASE, 10);
    expect(taken?.state.id).toBe('lease-dead');
    expect(taken?.takenOver).toBe(true);
    expect(taken?.inbox).toEqual([]);
    expect(await a.heartbeat(W1, ['lease-dead'], T0 + 5_000)).toEqual(['lease-dead']);
  });

  define('heartbeat extends the leases a worker holds and lists those it lost', async ({ a, b }) => {
    for (const id of ['hb-x', 'hb-y']) await a.create(makeState(id), {}, triggers.start({}), T0);
    await a.claim('hb-x', W1, T0, 1_000);
    await a.claim('hb-y', W1, T0, 1_000);
    expect((await b.claim('hb-y', W2, T0 + 1_001, LEASE))?.takenOver).toBe(true);
    expect(await a.heartbeat(W1, ['hb-x', 'hb-y', 'hb-none'], T0 + 5_000)).toEqual(['hb-y', 'hb-none']);
    expect(await b.claim('hb-x', W2, T0 + 2_000, LEASE)).toBeUndefined();
    expect(await b.claim('hb-x', W2, T0 + 5_000, LEASE)).toBeUndefined();
    expect((await b.claim('hb-x', W2, T0 + 5_001, LEASE))?.takenOver).toBe(true);
  });

  define('a heartbeat moves the wake time to the new end of the lease', async ({ a }) => {
    await park(a, makeState('hb-wake', { status: 'waiting' }));
    await a.claim('hb-wake', W1, T0 + 10, 1_000);
    expect(await a.heartbeat(W1, ['hb-wake'], T0 + 3_000)).toEqual([]);
    expect(await a.nextWakeAt()).toBe(T0 + 3_000);
  });

  define('release frees the lease without a step; only the holder can release', async ({ a, b }) => {
    await a.create(makeState('rel-1'), {}, triggers.start({}), T0);
    await a.claim('rel-1', W1, T0, LEASE);
    await b.release('rel-1', W2);
    expect(await b.claim('rel-1', W2, T0 + 1, LEASE)).toBeUndefined();
    await a.release('rel-1', W1);
    await a.release('rel-none', W1);
    const [c] = await b.claimDue(W2, T0 + 2, LEASE, 10);
    expect(c?.state.id).toBe('rel-1');
    expect(c?.takenOver).toBe(false);
    expect(c?.inbox.map((e) => e.trigger)).toEqual([triggers.start({})]);
  });

  define('commit without the lease fails with LEASE_LOST and writes nothing', async ({ a }) => {
    const s = makeState('lost-1');
    await a.create(s, {}, triggers.start({}), T0);
    await expectCode(a.commit(makeState('lost-1', { status: 'waiting' }), [entry('state.entered', T0)], { worker: W1, now: T0 }), 'LEASE_LOST');
    expect(await a.get('lost-1')).toStrictEqual(roundTrip(s));
    const c = (await a.claim('lost-1', W1, T0 + 1, LEASE))!;
    const committed = makeState('lost-1', { status: 'waiting' });
    await a.commit(committed, [], { worker: W1, now: T0 + 2, consumed: [c.inbox[0]!.id] });
    await expectCode(a.commit(makeState('lost-1', { status: 'running' }), [entry('state.entered', T0 + 3)], { worker: W1, now: T0 + 3 }), 'LEASE_LOST');
    expect(await a.get('lost-1')).toStrictEqual(roundTrip(committed));
    expect(await a.history('lost-1')).toEqual([]);
    await expectCode(a.commit(makeState('lost-ghost'), [], { worker: W1, now: T0 }), 'LEASE_LOST');
  });
}
