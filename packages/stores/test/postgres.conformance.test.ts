// The PostgreSQL store against the conformance suite: every case on a fresh schema of this file's
// database, with a second store (its own pool) as the other worker.
import { runStoreConformance } from '../src/conformance/index.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

runStoreConformance({
  name: 'PostgreSQL',
  makeStore: async () => {
    const schema = db.newSchema();
    const store = await db.open({ schema, poolSize: 4 });
    const other = await db.open({ schema, poolSize: 4 });
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
