// The SQLite store against the conformance suite: in memory, and on a file with two connections
// (the second plays the other worker in races and takeovers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runStoreConformance } from '../src/conformance/index.js';
import { openSqliteStore } from '../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

runStoreConformance({
  name: 'SQLite in memory',
  makeStore: async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    return { store, close: () => store.close() };
  },
});

runStoreConformance({
  name: 'SQLite file, two connections',
  makeStore: async () => {
    const file = join(dir, `store-${++files}.db`);
    const store = await openSqliteStore({ file });
    const other = await openSqliteStore({ file });
    return {
      store,
      other,
      close: async () => {
        await other.close();
        await store.close();
      },
    };
  },
});
