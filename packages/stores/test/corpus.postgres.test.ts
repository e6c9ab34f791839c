// The engine's whole workflow corpus on PostgreSQL: one database for this file, a fresh schema per case.
import { defineCorpus } from '../../engine/test/corpus-suite.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

defineCorpus({
  label: 'postgres',
  makeStore: async () => {
    const store = await db.open({ schema: db.newSchema(), poolSize: 2 });
    return { store, close: () => store.close() };
  },
});
