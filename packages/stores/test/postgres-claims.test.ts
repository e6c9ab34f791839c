// Claims on PostgreSQL between two workers (two stores, two pools): SKIP LOCKED races never hand
// one instance to both, expired leases are taken over, and a held lease is never stolen.
import { triggers } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { LEASE, T0, W1, W2, makeState } from '../src/conformance/harness.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

describe('PostgreSQL claims', () => {
  it('two workers racing claimDue on 50 due instances never overlap', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    await Promise.all(Array.from({ length: 50 }, (_, i) => a.create(makeState(`r-${i}`), {}, triggers.start({ i }), T0 + (i % 7))));
    const got: Record<string, string[]> = { [W1]: [], [W2]: [], w3: [], w4: [] };
    // Two workers per store with small limits, so the claims interleave on the same rows; each
    // claimed instance is committed (consuming its start trigger), after which it is not due.
    const loop = async (store: typeof a, worker: string): Promise<void> => {
      for (let round = 0; round < 100; round += 1) {
        const claimed = await store.claimDue(worker, T0 + 10, LEASE, 3);
        if (claimed.length === 0 && (await store.nextWakeAt()) === undefined) return;
        for (const c of claimed) {
          got[worker]!.push(c.state.id);
          await store.commit(c.state, [], { worker, now: T0 + 10, consumed: c.inbox.map((e) => e.id) });
        }
      }
    };
    await Promise.all([loop(a, W1), loop(a, 'w3'), loop(b, W2), loop(b, 'w4')]);
    const all = Object.values(got).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(50);
    expect(got[W1]!.length + got.w3!.length).toBeGreaterThan(0);
    expect(got[W2]!.length + got.w4!.length).toBeGreaterThan(0);
  });

  it('hands each instance to exactly one of many concurrent claim(id) calls', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    await a.create(makeState('one'), {}, triggers.start({}), T0);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim('one', `w${i}`, T0, LEASE)),
    );
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('takes over an expired lease (takenOver) but never a live one', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    await a.create(makeState('x'), {}, triggers.start({}), T0);
    const first = await a.claimDue(W1, T0, LEASE, 10);
    expect(first.map((c) => [c.state.id, c.takenOver, c.inbox.length])).toEqual([['x', false, 1]]);
    expect(await b.claimDue(W2, T0 + LEASE, LEASE, 10)).toEqual([]);
    expect(await b.claim('x', W2, T0 + LEASE, LEASE)).toBeUndefined();
    // The same worker may claim again (no takeover).
    expect(await a.claim('x', W1, T0 + 1, LEASE)).toMatchObject({ takenOver: false });
    const taken = await b.claimDue(W2, T0 + 1 + LEASE + 1, LEASE, 10);
    expect(taken.map((c) => [c.state.id, c.takenOver])).toEqual([['x', true]]);
    await expect(a.commit(makeState('x'), [], { worker: W1, now: T0 + 2 })).rejects.toMatchObject({ code: 'LEASE_LOST' });
    expect(await a.heartbeat(W1, ['x'], T0 + LEASE * 3)).toEqual(['x']);
    expect(await b.heartbeat(W2, ['x'], T0 + LEASE * 3)).toEqual([]);
  });
});
