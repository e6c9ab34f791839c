// The engine's whole workflow corpus (every feature case, the spec examples and the seed workflow's
// paths) on SQLite: a fresh in-memory database per case.
import { defineCorpus } from '../../engine/test/corpus-suite.js';
import { openSqliteStore } from '../src/sqlite/open-sqlite-store.js';

defineCorpus({
  label: 'sqlite',
  makeStore: async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    return { store, close: async () => store.close() };
  },
});
