/** Conformance cases: instance queries — filters, summaries, order, and cursor paging. */
import { summarize, type InstanceQuery, type InstanceStore } from '@sluice/engine';
import { expect } from 'vitest';
import { T0, ended, expectCode, makeState, park, type DefineCase } from './harness.js';

/** Every page of `q` with page size `limit`, in order. */
async function allPages(store: InstanceStore, q: InstanceQuery, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({ ...q, limit, ...(cursor !== undefined ? { cursor } : {}) });
    pages.push(page.items.map((s) => s.id));
    cursor = page.next;
    if (pages.length > 100) throw new Error('paging does not end');
  } while (cursor !== undefined);
  return pages;
}

const ids = (items: readonly { id: string }[]): string[] => items.map((s) => s.id);

/** Registers the query cases. */
export function queryCases(define: DefineCase): void {
  define('query filters by workflow, status, initiator, business key, parent and start time', async ({ a }) => {
    const at = (n: number): number => T0 + n * 10;
    await park(a, makeState('q-1', { workflowId: 'wf-a', startedAt: at(1) }), { meta: { initiator: 'alice', businessKey: 'k-1' } });
    await park(a, ended('q-2', 'completed', at(9), { workflowId: 'wf-a', startedAt: at(2) }), { meta: { initiator: 'bob' } });
    await park(a, ended('q-3', 'faulted', at(9), { workflowId: 'wf-b', startedAt: at(3) }), { meta: { businessKey: 'k-3' } });
    await park(a, makeState('q-4', { workflowId: 'wf-b', status: 'waiting', startedAt: at(4), parent: { instanceId: 'q-1', callId: 'c1' } }), { meta: { initiator: 'alice' } });
    await park(a, ended('q-5', 'cancelled', at(9), { workflowId: 'wf-c', startedAt: at(5), parent: { instanceId: 'q-1', callId: 'c2' } }));
    const find = async (q: InstanceQuery): Promise<string[]> => ids((await a.query({ ...q, order: 'asc' })).items);
    expect(await find({})).toEqual(['q-1', 'q-2', 'q-3', 'q-4', 'q-5']);
    expect(await find({ workflowId: 'wf-a' })).toEqual(['q-1', 'q-2']);
    expect(await find({ status: ['completed', 'faulted'] })).toEqual(['q-2', 'q-3']);
    expect(await find({ status: ['waiting'] })).toEqual(['q-4']);
    expect(await find({ status: [] })).toEqual([]);
    expect(await find({ initiator: 'alice' })).toEqual(['q-1', 'q-4']);
    expect(await find({ businessKey: 'k-3' })).toEqual(['q-3']);
    expect(await find({ parentId: 'q-1' })).toEqual(['q-4', 'q-5']);
    expect(await find({ startedFrom: at(2), startedTo: at(4) })).toEqual(['q-2', 'q-3']);
    expect(await find({ startedFrom: at(5) })).toEqual(['q-5']);
    expect(await find({ startedTo: at(1) })).toEqual([]);
    expect(await find({ workflowId: 'wf-b', initiator: 'alice', status: ['waiting', 'running'] })).toEqual(['q-4']);
    expect(await find({ workflowId: 'wf-none' })).toEqual([]);
  });

  define('query items and summary() are the summaries the port describes', async ({ a }) => {
    const failed = ended('q-sum', 'faulted', T0 + 50, {
      error: { code: '503', name: 'Unavailable', message: 'svc: 503', state: 'Call' },
      lastState: 'Call',
      parent: { instanceId: 'q-up', callId: 'c9' },
    });
    const meta = { businessKey: 'bk', initiator: 'carol' };
    await park(a, failed, { meta, now: T0 + 50 });
    const expected = summarize(failed, meta, T0 + 50);
    expect(await a.summary('q-sum')).toStrictEqual(expected);
    expect((await a.query({})).items).toStrictEqual([expected]);
  });

  define('query orders by start time then id, and pages without duplicates or gaps', async ({ a }) => {
    const made = Array.from({ length: 12 }, (_, i) => ({ id: `pg-${String((i * 7) % 12).padStart(2, '0')}`, startedAt: T0 + Math.floor(i / 3) * 10 }));
    for (const m of made) await park(a, makeState(m.id, { startedAt: m.startedAt }));
    const asc = [...made].sort((x, y) => x.startedAt - y.startedAt || (x.id < y.id ? -1 : 1)).map((m) => m.id);
    expect(ids((await a.query({ order: 'asc', limit: 100 })).items)).toEqual(asc);
    expect(ids((await a.query({ order: 'desc', limit: 100 })).items)).toEqual([...asc].reverse());
    for (const [order, expected] of [['asc', asc], ['desc', [...asc].reverse()]] as const) {
      const pages = await allPages(a, { order }, 5);
      expect(pages.map((p) => p.length), order).toEqual([5, 5, 2]);
      expect(pages.flat(), order).toEqual(expected);
    }
    const exact = await allPages(a, { order: 'asc' }, 4);
    expect(exact.flat()).toEqual(asc);
    expect((await a.query({ order: 'asc', limit: 12 })).next).toBeUndefined();
    const filtered = await allPages(a, { order: 'desc', startedFrom: T0 + 10, startedTo: T0 + 30 }, 2);
    expect(filtered.flat()).toEqual([...asc].reverse().filter((id) => made.find((m) => m.id === id)!.startedAt >= T0 + 10 && made.find((m) => m.id === id)!.startedAt < T0 + 30));
  });

  define('paging is exact for ids that differ in case and punctuation', async ({ a }) => {
    const names = ['B', 'a', 'a-1', 'A', 'b', '_x', 'Z~', 'a.b', 'é'];
    for (const id of names) await park(a, makeState(id, { startedAt: T0 }));
    for (const order of ['asc', 'desc'] as const) {
      const whole = ids((await a.query({ order, limit: 100 })).items);
      expect([...whole].sort()).toEqual([...names].sort());
      const paged = (await allPages(a, { order }, 2)).flat();
      expect(paged, order).toEqual(whole);
    }
  });

  define('a malformed cursor fails with INPUT_INVALID', async ({ a }) => {
    await expectCode(a.query({ cursor: 'not a cursor' }), 'INPUT_INVALID');
  });
}
