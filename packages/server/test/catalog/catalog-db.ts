/** A migrated SQLite database in a temporary folder, with the server tables open on it (no server). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@sluice/stores/sqlite';
import { openServerDb, type ServerDb } from '../../src/db/server-db.js';

export interface CatalogDb {
  readonly db: ServerDb;
  /** A scratch folder (for catalog files). */
  readonly dir: string;
  close(): Promise<void>;
}

export async function openCatalogDb(): Promise<CatalogDb> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-catalog-'));
  const file = join(dir, 'sluice.db');
  const store = await openSqliteStore({ file });
  const db = openServerDb(`sqlite:${file}`);
  return {
    db,
    dir,
    close: async () => {
      await db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
