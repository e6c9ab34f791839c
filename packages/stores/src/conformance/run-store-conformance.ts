/**
 * The store conformance suite (STYLE §10.4): one set of cases for the InstanceStore port that every
 * adapter's test runs, listing the cases it skips and why.
 */
import type { InstanceStore } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { commitCases } from './commit-cases.js';
import type { DefineCase } from './harness.js';
import { historyCases } from './history-cases.js';
import { inboxCases } from './inbox-cases.js';
import { leaseCases } from './lease-cases.js';
import { lifecycleCases } from './lifecycle-cases.js';
import { outboxPurgeCases } from './outbox-purge-cases.js';
import { queryCases } from './query-cases.js';
import { wakeCases } from './wake-cases.js';

/** A fresh, empty store for one case, and how to dispose of it. */
export interface StoreHandle {
  readonly store: InstanceStore;
  /**
   * A second store on the same database through another connection (or pool), used as the second
   * worker in race and takeover cases. Default: `store` itself.
   */
  readonly other?: InstanceStore;
  close(): Promise<void>;
}

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /** Shown in the suite's name: `InstanceStore conformance: <name>`. */
  readonly name: string;
  /** Called once per case; every case starts from an empty database. */
  readonly makeStore: () => Promise<StoreHandle>;
  /** Case name → the reason it is skipped for this adapter. A name that matches no case fails the suite. */
  readonly skip?: Readonly<Record<string, string>>;
}

const GROUPS: [string, (define: DefineCase) => void][] = [
  ['lifecycle', lifecycleCases],
  ['inbox', inboxCases],
  ['leases', leaseCases],
  ['commit', commitCases],
  ['wake time and due-ness', wakeCases],
  ['history', historyCases],
  ['query', queryCases],
  ['outbox and purge', outboxPurgeCases],
];

/**
 * Registers the conformance suite with vitest (call it at the top level of a test file). Each case
 * gets a fresh store from `makeStore` and closes it afterwards. Cases pass `now` explicitly and
 * never read the wall clock.
 *
 * @example
 * runStoreConformance({
 *   name: 'SQLite in memory',
 *   makeStore: async () => {
 *     const store = await openSqliteStore({ file: ':memory:' });
 *     return { store, close: () => store.close() };
 *   },
 *   skip: { 'a malformed cursor fails with INPUT_INVALID': 'reason' },
 * });
 */
export function runStoreConformance(opts: StoreConformanceOptions): void {
  describe(`InstanceStore conformance: ${opts.name}`, () => {
    const names = new Set<string>();
    const define: DefineCase = (name, fn) => {
      if (names.has(name)) throw new Error(`duplicate conformance case: ${name}`);
      names.add(name);
      const reason = opts.skip?.[name];
      if (reason !== undefined) {
        it.skip(`${name} (skipped: ${reason})`, () => undefined);
        return;
      }
      it(name, async () => {
        const h = await opts.makeStore();
        try {
          await fn({ a: h.store, b: h.other ?? h.store });
        } finally {
          await h.close();
        }
      });
    };
    for (const [group, cases] of GROUPS) describe(group, () => cases(define));
    it('every skip names a case', () => {
      expect(Object.keys(opts.skip ?? {}).filter((k) => !names.has(k))).toEqual([]);
    });
  });
}
