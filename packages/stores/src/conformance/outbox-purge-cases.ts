/** Conformance cases: the outbox (take, mark published) and retention (purge). */
import { triggers } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, cloudEvent, ended, entry, makeState, park, type DefineCase } from './harness.js';

/** Registers the outbox and purge cases. */
export function outboxPurgeCases(define: DefineCase): void {
  define('takeOutbox lists unpublished events oldest first; markPublished takes them out', async ({ a, b }) => {
    for (const [id, events] of [['ob-1', ['e1', 'e2']], ['ob-2', ['e3']]] as const) {
      await a.create(makeState(id), {}, triggers.start({}), T0);
      const c = (await a.claim(id, W1, T0, LEASE))!;
      await a.commit(makeState(id, { status: 'waiting' }), [], { worker: W1, now: T0 + 1, consumed: c.inbox.map((e) => e.id), outbox: events.map((e) => cloudEvent(e, { from: id })) });
    }
    const all = await b.takeOutbox(10);
    expect(all.map((o) => o.event)).toEqual([cloudEvent('e1', { from: 'ob-1' }), cloudEvent('e2', { from: 'ob-1' }), cloudEvent('e3', { from: 'ob-2' })]);
    const outboxIds = all.map((o) => o.id);
    expect(outboxIds).toEqual([...outboxIds].sort((x, y) => x - y));
    expect(new Set(outboxIds).size).toBe(3);
    expect(await b.takeOutbox(2)).toEqual(all.slice(0, 2));
    expect(await b.takeOutbox(10)).toEqual(all);
    await b.markPublished([outboxIds[0]!, outboxIds[2]!]);
    expect(await a.takeOutbox(10)).toEqual([all[1]]);
    await b.markPublished([]);
    await b.markPublished([outboxIds[1]!, 987_654]);
    expect(await a.takeOutbox(10)).toEqual([]);
  });

  define('purge deletes finished instances that ended before the cutoff, with their history and inbox', async ({ a }) => {
    const h = [entry('instance.started', T0)];
    await park(a, ended('pu-completed', 'completed', T0 + 10), { history: h });
    await park(a, ended('pu-faulted', 'faulted', T0 + 20), { history: h });
    await park(a, ended('pu-cancelled', 'cancelled', T0 + 30), { history: h });
    await park(a, ended('pu-recent', 'completed', T0 + 1_000), { history: h });
    await park(a, makeState('pu-waiting', { status: 'waiting' }), { history: h });
    await a.create(makeState('pu-new'), {}, triggers.start({}), T0);
    expect(await a.purge(T0 + 500)).toBe(3);
    for (const id of ['pu-completed', 'pu-faulted', 'pu-cancelled']) {
      expect(await a.get(id), id).toBeUndefined();
      expect(await a.summary(id), id).toBeUndefined();
      expect(await a.history(id), id).toEqual([]);
      expect(await a.enqueue(id, triggers.cancel('late'), T0 + 600), id).toBe(false);
    }
    for (const id of ['pu-recent', 'pu-waiting', 'pu-new']) expect(await a.get(id), id).toBeDefined();
    expect(await a.history('pu-recent')).toHaveLength(1);
    expect((await a.query({ order: 'asc' })).items.map((s) => s.id).sort()).toEqual(['pu-new', 'pu-recent', 'pu-waiting']);
    expect(await a.purge(T0 + 500)).toBe(0);
    expect(await a.purge(T0 + 1_000)).toBe(0);
    expect(await a.purge(T0 + 1_001)).toBe(1);
    expect(await a.get('pu-recent')).toBeUndefined();
  });
}
