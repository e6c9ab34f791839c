// Per-caller outcomes inside PostgreSQL commit batches: bad data, missing enqueue targets and
// same-instance ordering affect only their own commit; reports to a parent in the same batch wake
// it; close() drains; a killed connection is a transient error the store recovers from.
import { triggers } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { LEASE, T0, W1, entry, makeState } from '../src/conformance/harness.js';
import type { PostgresInstanceStore } from '../src/postgres/postgres-instance-store.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

async function started(store: PostgresInstanceStore, ids: string[]): Promise<Map<string, number[]>> {
  for (const id of ids) await store.create(makeState(id), {}, triggers.start({}), T0);
  const claimed = await store.claimDue(W1, T0, LEASE, ids.length);
  return new Map(claimed.map((c) => [c.state.id, c.inbox.map((e) => e.id)]));
}

describe('PostgreSQL commit batches', () => {
  it('a commit with data PostgreSQL rejects fails alone; the rest of its batch lands', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await started(store, ['d1', 'd2', 'd3']);
    const results = await Promise.allSettled(
      ['d1', 'd2', 'd3'].map((id) =>
        // JSONB cannot hold U+0000.
        store.commit(makeState(id, { input: id === 'd2' ? { bad: 'nul\u0000' } : {} }), [entry('state.entered', T0)], {
          worker: W1,
          now: T0,
          consumed: inbox.get(id)!,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_FAILED', transient: false });
    expect(await store.history('d1')).toHaveLength(1);
    expect(await store.history('d2')).toEqual([]);
  });

  it('an enqueue for a missing instance fails only its commit, which writes nothing', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await started(store, ['e1', 'e2']);
    const results = await Promise.allSettled([
      store.commit(makeState('e1'), [entry('state.entered', T0)], { worker: W1, now: T0, consumed: inbox.get('e1')!, enqueue: [{ instanceId: 'nope', trigger: triggers.cancel('x') }] }),
      store.commit(makeState('e2'), [entry('state.entered', T0)], { worker: W1, now: T0, consumed: inbox.get('e2')! }),
    ]);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    expect(results[1]!.status).toBe('fulfilled');
    expect(await store.history('e1')).toEqual([]);
    expect((await store.claim('e1', W1, T0 + 1, LEASE))!.inbox).toHaveLength(1);
  });

  it('a child reporting to its parent in the same batch leaves the parent due with the trigger', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await started(store, ['parent', 'child']);
    const result = triggers.callOk('call-1', { data: { ok: true } } as never);
    await Promise.all([
      store.commit(makeState('parent'), [], { worker: W1, now: T0 + 5, consumed: inbox.get('parent')! }),
      store.commit(makeState('child', { status: 'completed', endedAt: T0 + 5 }), [], {
        worker: W1,
        now: T0 + 5,
        consumed: inbox.get('child')!,
        enqueue: [{ instanceId: 'parent', trigger: result }],
      }),
    ]);
    expect(await store.nextWakeAt()).toBe(T0 + 5);
    const [claimed] = await store.claimDue(W1, T0 + 5, LEASE, 10);
    expect(claimed!.state.id).toBe('parent');
    expect(claimed!.inbox.map((e) => e.trigger)).toEqual([result]);
  });

  it('commits of one instance issued without waiting land in call order', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await started(store, ['o1']);
    await Promise.all(
      [1, 2, 3, 4, 5].map((s) =>
        store.commit(makeState('o1', { seq: s }), [entry('state.entered', T0 + s, { state: `S${s}` })], {
          worker: W1,
          now: T0 + s,
          consumed: s === 1 ? inbox.get('o1')! : [],
          keepLeaseMs: LEASE,
        }),
      ),
    );
    expect((await store.history('o1')).map((h) => [h.seq, h.state])).toEqual([1, 2, 3, 4, 5].map((s) => [s, `S${s}`]));
    expect((await store.get('o1'))!.seq).toBe(5);
  });

  it('close() waits for queued commits, and later calls fail with STORE_FAILED', async () => {
    const store = await db.open({ schema: db.newSchema() });
    const inbox = await started(store, ['c1']);
    const pending = store.commit(makeState('c1', { seq: 9 }), [], { worker: W1, now: T0, consumed: inbox.get('c1')! });
    await store.close();
    await pending;
    await expect(store.commit(makeState('c1'), [], { worker: W1, now: T0 })).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await expect(store.get('c1')).rejects.toMatchObject({ code: 'STORE_FAILED' });
    const again = await db.open({ schema: store.schema });
    expect((await again.get('c1'))!.seq).toBe(9);
  });

  it('one of two concurrent creates of an id wins, the other gets INSTANCE_CONFLICT', async () => {
    const schema = db.newSchema();
    const [a, b] = await Promise.all([db.open({ schema }), db.open({ schema })]);
    const results = await Promise.allSettled([a, b, a, b].map((s) => s.create(makeState('dup'), {}, triggers.start({}), T0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'INSTANCE_CONFLICT' });
  });

  it('reports a killed connection as transient and recovers on the next call', async () => {
    const store = await db.open({ schema: db.newSchema() });
    await store.create(makeState('k1'), {}, triggers.start({}), T0);
    await db.admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name()]);
    const first = await store.get('k1').then(
      (s) => ({ ok: s?.id }),
      (e: unknown) => ({ error: e }),
    );
    if ('error' in first) expect(first.error).toMatchObject({ code: 'STORE_FAILED', transient: true });
    else expect(first.ok).toBe('k1');
    expect((await store.get('k1'))!.id).toBe('k1');
  });
});
