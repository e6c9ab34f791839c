// Group commit on PostgreSQL: concurrent commits share transactions, each caller gets its own
// outcome, history stays gap-free; prints the commit rate of a quick batch run (not asserted).
import { triggers, type InstanceState } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { LEASE, T0, W1, W2, entry, makeState, timer } from '../src/conformance/harness.js';
import type { PostgresInstanceStore } from '../src/postgres/postgres-instance-store.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

async function createClaimed(store: PostgresInstanceStore, n: number, prefix: string, worker = W1): Promise<Map<string, number[]>> {
  const inbox = new Map<string, number[]>();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = `${prefix}-${String(i).padStart(4, '0')}`;
      await store.create(makeState(id), {}, triggers.start({ i }), T0);
    }),
  );
  for (let left = n; left > 0; ) {
    const claimed = await store.claimDue(worker, T0, LEASE, 500);
    for (const c of claimed) inbox.set(c.state.id, c.inbox.map((e) => e.id));
    left -= claimed.length;
    if (claimed.length === 0) throw new Error('nothing left to claim');
  }
  return inbox;
}

describe('PostgreSQL group commit', () => {
  it('lands 200 concurrent commits with gap-free history', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await createClaimed(store, 200, 'g');
    const steps = 3;
    await Promise.all(
      [...inbox].map(async ([id, consumed]) => {
        for (let s = 1; s <= steps; s += 1) {
          const state: InstanceState = makeState(id, { seq: s, lastState: `S${s}` });
          const history = [entry('state.entered', T0 + s, { state: `S${s}` }), entry('state.exited', T0 + s, { state: `S${s}` })];
          await store.commit(state, history, { worker: W1, now: T0 + s, consumed: s === 1 ? consumed : [], keepLeaseMs: s < steps ? LEASE : undefined });
        }
      }),
    );
    for (const id of [...inbox.keys()].slice(0, 20)) {
      const h = await store.history(id);
      expect(h.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.get(id))!.seq).toBe(steps);
    }
    const page = await store.query({ limit: 500 });
    expect(page.items).toHaveLength(200);
    expect(page.items.every((s) => s.lastState === `S${steps}`)).toBe(true);
    expect(await store.nextWakeAt()).toBeUndefined();
  });

  it('fails only the caller whose lease was lost, in a batch with others', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    const inbox = await createClaimed(a, 20, 'l');
    const stolen = 'l-0007';
    // W2 takes over one instance after its lease expired.
    expect(await b.claim(stolen, W2, T0 + LEASE + 1, LEASE)).toMatchObject({ takenOver: true });
    const results = await Promise.allSettled(
      [...inbox].map(([id, consumed]) =>
        a.commit(makeState(id, { timers: { t1: timer(T0 + 5_000) } }), [entry('state.entered', T0 + 1)], { worker: W1, now: T0 + 1, consumed }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[[...inbox.keys()][i], r.reason as { code: string }] as const] : []));
    expect(failed.map(([id, e]) => [id, e.code])).toEqual([[stolen, 'LEASE_LOST']]);
    expect(await a.history(stolen)).toEqual([]);
    expect(await a.history('l-0006')).toHaveLength(1);
    expect((await a.summary(stolen))!).toMatchObject({ status: 'running' });
    // The stolen instance still has its start trigger for W2; the others wait for their timer.
    expect((await b.claim(stolen, W2, T0 + LEASE + 2, LEASE))!.inbox).toHaveLength(1);
    expect(await a.nextWakeAt()).toBe(T0);
    expect(await a.claimDue(W1, T0 + 4_999, LEASE, 100)).toEqual([]);
    expect(await a.claimDue(W1, T0 + 5_000, LEASE, 100)).toHaveLength(19);
  });

  it('prints the commit rate of a quick batch run', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const n = 400;
    const steps = 6;
    const inbox = await createClaimed(store, n, 'p');
    const started = performance.now();
    await Promise.all(
      [...inbox].map(async ([id, consumed]) => {
        for (let s = 1; s <= steps; s += 1) {
          const history = [entry('state.entered', T0 + s, { state: `S${s}` }), entry('action.called', T0 + s, { action: 'a' })];
          await store.commit(makeState(id, { seq: s }), history, { worker: W1, now: T0 + s, consumed: s === 1 ? consumed : [], keepLeaseMs: LEASE });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`group commit: ${n * steps} commits in ${seconds.toFixed(2)} s = ${Math.round((n * steps) / seconds)} commits/s (${n} instances in flight)`);
    expect(await store.history('p-0000')).toHaveLength(steps * 2);
  });
});
