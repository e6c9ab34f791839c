/** Opens the store a `--store` option names: `memory`, `sqlite:<file>` (or a `.db` path) or `postgres://…`. */
import { MemoryInstanceStore, type InstanceStore } from '@sluice/engine';
import { openPostgresStore } from '@sluice/stores/postgres';
import { openSqliteStore } from '@sluice/stores/sqlite';

/** A store and how to close it. */
export interface OpenedStore {
  store: InstanceStore;
  close(): Promise<void>;
  describe: string;
  /** PostgreSQL only: called when another process makes work due (LISTEN/NOTIFY); polling stays the source of truth. */
  onWake?: (listener: () => void) => () => void;
}

/** Opens (and migrates) the store. */
export async function openStore(spec: string): Promise<OpenedStore> {
  if (spec === 'memory') return { store: new MemoryInstanceStore(), close: async () => undefined, describe: 'memory' };
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const pg = await openPostgresStore({ connectionString: spec });
    return { store: pg, close: () => pg.close(), describe: spec.replace(/:[^:@/]*@/, ':***@'), onWake: (l) => pg.onWake(l) };
  }
  const file = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : spec;
  const lite = await openSqliteStore({ file });
  return { store: lite, close: async () => lite.close(), describe: `sqlite:${file}` };
}
