/** Conformance cases: the append-only history read after a cursor (what live views poll). */
import { triggers, type HistoryEntry } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, entry, makeState, roundTrip, type DefineCase } from './harness.js';

/** Registers the history cases. */
export function historyCases(define: DefineCase): void {
  define('history reads entries after a cursor, oldest first, at most limit', async ({ a, b }) => {
    await a.create(makeState('hist-1'), {}, triggers.start({}), T0);
    const all: HistoryEntry[] = [];
    for (let stepNo = 0; stepNo < 3; stepNo += 1) {
      const c = (await a.claim('hist-1', W1, T0 + stepNo, LEASE))!;
      const h = [entry('state.entered', T0 + stepNo, { state: `S${stepNo}`, data: { n: stepNo } }), entry('state.exited', T0 + stepNo, { state: `S${stepNo}` })];
      all.push(...h);
      await a.commit(makeState('hist-1', { status: 'waiting' }), h, { worker: W1, now: T0 + stepNo, consumed: c.inbox.map((e) => e.id) });
      if (stepNo < 2) await a.enqueue('hist-1', triggers.event({ id: `e${stepNo}`, source: 's', type: 't', specversion: '1.0' }), T0 + stepNo);
    }
    const stored = all.map((h, i) => ({ ...roundTrip(h), seq: i + 1 }));
    expect(await b.history('hist-1')).toEqual(stored);
    expect(await b.history('hist-1', 0)).toEqual(stored);
    expect(await b.history('hist-1', 2)).toEqual(stored.slice(2));
    expect(await b.history('hist-1', 1, 2)).toEqual(stored.slice(1, 3));
    expect(await b.history('hist-1', 6)).toEqual([]);
    expect(await b.history('hist-1', 99)).toEqual([]);
    expect(await b.history('hist-1', 0, 0)).toEqual([]);
  });

  define('a step with no history entries leaves the log as it was', async ({ a }) => {
    await a.create(makeState('hist-empty'), {}, triggers.start({}), T0);
    const c = (await a.claim('hist-empty', W1, T0, LEASE))!;
    await a.commit(makeState('hist-empty', { status: 'waiting' }), [entry('instance.started', T0)], { worker: W1, now: T0, consumed: c.inbox.map((e) => e.id) });
    await a.claim('hist-empty', W1, T0 + 1, LEASE);
    await a.commit(makeState('hist-empty', { status: 'waiting' }), [], { worker: W1, now: T0 + 1 });
    await a.claim('hist-empty', W1, T0 + 2, LEASE);
    await a.commit(makeState('hist-empty', { status: 'waiting' }), [entry('state.entered', T0 + 2)], { worker: W1, now: T0 + 2 });
    expect((await a.history('hist-empty')).map((h) => [h.seq, h.type])).toEqual([
      [1, 'instance.started'],
      [2, 'state.entered'],
    ]);
  });
}
