/**
 * The InstanceStore port on SQLite (better-sqlite3): the embedded default. Every write runs in one
 * IMMEDIATE transaction, so several connections (processes) on one database file stay consistent.
 */
import {
  WorkflowError,
  wakeAt,
  type ClaimedInstance,
  type CommitOptions,
  type HistoryEntry,
  type InstanceMeta,
  type InstancePage,
  type InstanceQuery,
  type InstanceState,
  type InstanceStore,
  type InstanceSummary,
  type OutboxEntry,
  type StoredHistoryEntry,
  type Trigger,
} from '@sluice/engine';
import { claimDueRows, claimOne } from './claim.js';
import { commitStep } from './commit-step.js';
import { sqliteError } from './errors.js';
import type { SqliteDb } from './prepared.js';
import { metaColumns, stateColumns, toSummary } from './rows.js';
import { selectHistory } from './sql/history.js';
import { hasInbox, insertInbox } from './sql/inbox.js';
import { insertInstance, instanceExists, selectState, selectSummary } from './sql/instances.js';
import { selectLease, selectNextWakeAt, setLease, wakeNow } from './sql/leases.js';
import { markOutboxPublished, selectOutbox } from './sql/outbox.js';
import { purgeInstances } from './sql/purge-instances.js';
import { queryInstances } from './sql/query-instances.js';
import { replaceTimers } from './sql/timers.js';

/** Options of {@link SqliteInstanceStore}. */
export interface SqliteInstanceStoreOptions {
  /** An open connection whose schema is migrated (see {@link openSqliteStore}, which does both). */
  readonly db: SqliteDb;
  /** Clock for the times the port does not pass in (`published_at` of outbox rows). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * SQLite implementation of the engine's InstanceStore, with the memory store's semantics (it passes
 * the same conformance suite). The state is stored as JSON text, so `get` returns exactly what was
 * committed after a JSON round trip. Methods are async for the port, but each one finishes its
 * SQL synchronously: within one process two calls never interleave.
 *
 * @example
 * const store = await openSqliteStore({ file: 'data/sluice.db' });
 * const claimed = await store.claimDue('worker-1', Date.now(), 30_000, 10);
 */
export class SqliteInstanceStore implements InstanceStore {
  private readonly db: SqliteDb;
  private readonly now: () => number;

  constructor(opts: SqliteInstanceStoreOptions) {
    this.db = opts.db;
    this.now = opts.now ?? Date.now;
  }

  async create(state: InstanceState, meta: InstanceMeta, trigger: Trigger, now: number): Promise<void> {
    this.write('create', () => {
      if (instanceExists(this.db, state.id)) {
        throw new WorkflowError({ code: 'INSTANCE_CONFLICT', message: `instance ${state.id} already exists`, retryable: false });
      }
      insertInstance(this.db, { ...stateColumns(state), ...metaColumns(meta), id: state.id, updated_at: now, wake_at: now });
      replaceTimers(this.db, state.id, state.timers);
      insertInbox(this.db, state.id, trigger, now);
    });
  }

  async get(id: string): Promise<InstanceState | undefined> {
    return this.read('get', () => {
      const json = selectState(this.db, id);
      return json === undefined ? undefined : (JSON.parse(json) as InstanceState);
    });
  }

  async summary(id: string): Promise<InstanceSummary | undefined> {
    return this.read('summary', () => {
      const row = selectSummary(this.db, id);
      return row ? toSummary(row) : undefined;
    });
  }

  async claim(id: string, worker: string, now: number, leaseMs: number): Promise<ClaimedInstance | undefined> {
    return this.write('claim', () => claimOne(this.db, id, worker, now, leaseMs));
  }

  async claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<ClaimedInstance[]> {
    return this.write('claimDue', () => claimDueRows(this.db, worker, now, leaseMs, limit));
  }

  async commit(state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): Promise<void> {
    this.write('commit', () => commitStep(this.db, state, history, opts));
  }

  async release(id: string, worker: string): Promise<void> {
    this.write('release', () => {
      const row = selectLease(this.db, id);
      if (!row || row.locked_by !== worker) return;
      const wake = wakeAt(JSON.parse(row.state) as InstanceState, hasInbox(this.db, id), row.updated_at, undefined);
      setLease(this.db, { id, locked_by: null, locked_until: null, wake_at: wake ?? null });
    });
  }

  async heartbeat(worker: string, ids: readonly string[], until: number): Promise<string[]> {
    return this.write('heartbeat', () => {
      const lost: string[] = [];
      for (const id of ids) {
        const row = selectLease(this.db, id);
        if (!row || row.locked_by !== worker) {
          lost.push(id);
          continue;
        }
        const wake = wakeAt(JSON.parse(row.state) as InstanceState, hasInbox(this.db, id), row.updated_at, until);
        setLease(this.db, { id, locked_by: worker, locked_until: until, wake_at: wake ?? null });
      }
      return lost;
    });
  }

  async enqueue(instanceId: string, trigger: Trigger, now: number): Promise<boolean> {
    return this.write('enqueue', () => {
      if (wakeNow(this.db, instanceId, now) === 0) return false;
      insertInbox(this.db, instanceId, trigger, now);
      return true;
    });
  }

  async nextWakeAt(): Promise<number | undefined> {
    return this.read('nextWakeAt', () => selectNextWakeAt(this.db));
  }

  async history(id: string, after = 0, limit = 10_000): Promise<StoredHistoryEntry[]> {
    return this.read('history', () => selectHistory(this.db, id, after, limit));
  }

  async query(q: InstanceQuery): Promise<InstancePage> {
    return this.read('query', () => queryInstances(this.db, q));
  }

  async takeOutbox(limit: number): Promise<OutboxEntry[]> {
    return this.read('takeOutbox', () => selectOutbox(this.db, limit));
  }

  async markPublished(ids: readonly number[]): Promise<void> {
    this.write('markPublished', () => markOutboxPublished(this.db, ids, this.now()));
  }

  async purge(before: number): Promise<number> {
    return this.write('purge', () => purgeInstances(this.db, before));
  }

  /** Closes the connection; the store is unusable afterwards. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one IMMEDIATE transaction (rolled back when it throws), wrapping driver errors. */
  private write<T>(operation: string, fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      throw sqliteError(operation, err);
    }
  }

  private read<T>(operation: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw sqliteError(operation, err);
    }
  }
}
