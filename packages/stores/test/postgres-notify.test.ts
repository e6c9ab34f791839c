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

async function listening(url: string, schema: string): Promise<void> {
  // LISTEN is issued asynchronously after the first subscription; wait until the server has it.
  void url;
  void schema;
  await new Promise((r) => setTimeout(r, 200));
}

describe('PostgreSQL wake notifications', () => {
  it('wakes a listener of another store on enqueue, create and due commits only', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema });
    const b = await db.open({ schema });
    const other = await db.open({ schema: db.newSchema() });
    const w = wakes((l) => b.onWake(l));
    const elsewhere = wakes((l) => other.onWake(l));
    await listening(db.url(), schema);
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
    expect(elsewhere.count()).toBe(0);
    w.stop();
    next.stop();
    elsewhere.stop();
  });

  it('reconnects after its connection is killed and wakes once on reconnect', async () => {
    const schema = db.newSchema();
    const a = await db.open({ schema, listenBackoffMs: 20 });
    const errors: unknown[] = [];
    const b = await db.open({ schema, listenBackoffMs: 20, onListenError: (e) => errors.push(e) });
    const w = wakes((l) => b.onWake(l), 1);
    await listening(db.url(), schema);
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
