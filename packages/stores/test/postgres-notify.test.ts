// LISTEN/NOTIFY on PostgreSQL: enqueues and commits that make an instance due now wake listeners
// of other stores on the same schema (not of other schemas), and the LISTEN connection comes back
// after its backend is killed.
import { triggers } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { LEASE, T0, W1, makeState, timer } from '../src/conformance/harness.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

/** Resolves with the number of wakes once `n` arrived, or rejects after `ms`. */
function wakes(subscribe: (l: () => void) => () => void, n = 1, ms = 5_000): { done: Promise<number>; count: () => number; stop: () => void } {
  let count = 0;
  let resolve!: (n: number) => void;
  const done = new Promise<number>((r, reject) => {
    resolve = r;
    setTimeout(() => reject(new Error(`only ${count} of ${n} wakes in ${ms} ms`)), ms).unref();
  });
  const stop = subscribe(() => {
    count += 1;
    if (count >= n) resolve(count);
  });
  return { done, count: () => count, stop };
}

/** Waits until `n` LISTEN connections on this database are idle (subscribing connects asynchronously). */
async function listening(n: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const res = await db.admin(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'idle' AND query LIKE 'LISTEN%'`, [db.name()]);
    if ((res.rows[0] as { n: number }).n >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`fewer than ${n} LISTEN connections`);
}

describe('PostgreSQL wake notifications', () => {
  it('wakes listeners of other stores on create, enqueue and commits that leave work due now', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    const other = await db.open({ schema: db.newSchema() });
    const w = wakes((l) => b.onWake(l));
    const elsewhere = wakes((l) => other.onWake(l));
    await listening(2);
    await a.create(makeState('n1'), {}, triggers.start({}), T0);
    await w.done;
    expect(w.count()).toBe(1);

    // A commit that leaves the instance waiting for a future timer wakes nobody...
    const [c] = await a.claimDue(W1, T0, LEASE, 1);
    await a.commit(makeState('n1', { timers: { t: timer(T0 + 60_000) } }), [], { worker: W1, now: T0, consumed: c!.inbox.map((e) => e.id) });
    await new Promise((r) => setTimeout(r, 200));
    expect(w.count()).toBe(1);
    // ...an enqueue does.
    const next = wakes((l) => b.onWake(l));
    expect(await a.enqueue('n1', triggers.cancel('test'), T0 + 1)).toBe(true);
    await next.done;
    // ...and so does a commit that leaves a trigger in the inbox (due again now).
    const claimed = await a.claim('n1', W1, T0 + 2, LEASE);
    expect(claimed!.inbox).toHaveLength(1);
    const due = wakes((l) => b.onWake(l));
    await a.commit(makeState('n1'), [], { worker: W1, now: T0 + 2 });
    await due.done;
    expect(await a.nextWakeAt()).toBe(T0 + 2);
    expect(elsewhere.count()).toBe(0);
    w.stop();
    next.stop();
    due.stop();
    elsewhere.stop();
  });

  it('reconnects after its connection is killed and wakes once on reconnect', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema, listenBackoffMs: 20 });
    const errors: unknown[] = [];
    const b = await db.open({ schema, listenBackoffMs: 20, onConnectionError: (e) => errors.push(e) });
    const w = wakes((l) => b.onWake(l), 1);
    await listening(1);
    await db.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'`, [db.name()]);
    await w.done; // the wake that follows a reconnect
    expect(errors.length).toBeGreaterThan(0);
    const after = wakes((l) => b.onWake(l));
    await a.create(makeState('n2'), {}, triggers.start({}), T0);
    await after.done;
    w.stop();
    after.stop();
  });
});
