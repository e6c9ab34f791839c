/**
 * The PostgreSQL InstanceStore: several processes share one database, claim due instances with
 * `FOR UPDATE SKIP LOCKED`, commit steps in group-committed batches, and wake one another with
 * LISTEN/NOTIFY. Semantics are MemoryInstanceStore's; each method is one file under `sql/`.
 */
import type {
  ClaimedInstance,
  HistoryEntry,
  InstanceMeta,
  InstancePage,
  InstanceQuery,
  InstanceState,
  InstanceStore,
  InstanceSummary,
  OutboxEntry,
  StoredHistoryEntry,
  Trigger,
  CommitOptions,
} from '@sluice/engine';
import type { Pool } from 'pg';
import { GroupCommitter, type GroupCommitOptions } from './group-commit.js';
import { toStoreError } from './pg-errors.js';
import { claimDueInstances } from './sql/claim-due.js';
import { claimInstance } from './sql/claim-one.js';
import { createInstance } from './sql/create-instance.js';
import { enqueueTriggers } from './sql/enqueue-triggers.js';
import { heartbeatLeases, releaseLease } from './sql/leases.js';
import { markPublished, takeOutbox } from './sql/outbox.js';
import { purgeFinished } from './sql/purge-finished.js';
import { queryInstances } from './sql/query-instances.js';
import { readHistory, readNextWakeAt, readState, readSummary } from './sql/read-instance.js';
import { inTransaction } from './sql/transaction.js';
import type { WakeListener } from './wake-listener.js';
import { WakeNotifier } from './wake-notifier.js';

/** What the store is built from; use openPostgresStore rather than the constructor. @internal */
export interface PostgresStoreParts {
  readonly pool: Pool;
  /** End the pool on close (the store created it). */
  readonly ownsPool: boolean;
  /** The schema the pool's connections use (current_schema()). */
  readonly schema: string;
  readonly groupCommit: GroupCommitOptions;
  readonly wake: WakeListener;
  /** Told when a wake notification could not be sent. */
  readonly onNotifyError?: (err: unknown) => void;
}

/**
 * InstanceStore on PostgreSQL. Errors: LEASE_LOST, INSTANCE_CONFLICT and INSTANCE_NOT_FOUND as in
 * the memory store; driver failures as StoreError (code STORE_FAILED, `transient`, `cause`).
 *
 * @example
 * const store = await openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1/sluice' });
 * const stop = store.onWake(() => worker.poll());
 * // ... later
 * stop();
 * await store.close();
 */
export class PostgresInstanceStore implements InstanceStore {
  private readonly pool: Pool;
  private readonly committer: GroupCommitter;
  private readonly notifier: WakeNotifier;
  private closed = false;

  constructor(private readonly parts: PostgresStoreParts) {
    this.pool = parts.pool;
    this.notifier = new WakeNotifier(parts.pool, parts.onNotifyError);
    this.committer = new GroupCommitter(parts.pool, parts.groupCommit, () => this.notifier.wake());
  }

  /** The schema holding the tables. */
  get schema(): string {
    return this.parts.schema;
  }

  async create(state: InstanceState, meta: InstanceMeta, trigger: Trigger, now: number): Promise<void> {
    await this.run('create', () => createInstance(this.pool, { state, meta, trigger, now }), `instance ${state.id} already exists`);
    this.notifier.wake();
  }

  get(id: string): Promise<InstanceState | undefined> {
    return this.run('get', () => readState(this.pool, id));
  }

  summary(id: string): Promise<InstanceSummary | undefined> {
    return this.run('summary', () => readSummary(this.pool, id));
  }

  claim(id: string, worker: string, now: number, leaseMs: number): Promise<ClaimedInstance | undefined> {
    return this.run('claim', () => claimInstance(this.pool, { id, worker, now, leaseMs }));
  }

  claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<ClaimedInstance[]> {
    return this.run('claimDue', () => claimDueInstances(this.pool, { worker, now, leaseMs, limit }));
  }

  /** Queues the commit for the next batch; settles once that batch's transaction committed. */
  commit(state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): Promise<void> {
    return this.run('commit', () => this.committer.commit({ state, history, opts }));
  }

  release(id: string, worker: string): Promise<void> {
    return this.run('release', () => inTransaction(this.pool, (c) => releaseLease(c, worker, id)));
  }

  heartbeat(worker: string, ids: readonly string[], until: number): Promise<string[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run('heartbeat', () => inTransaction(this.pool, (c) => heartbeatLeases(c, worker, ids, until)));
  }

  async enqueue(instanceId: string, trigger: Trigger, now: number): Promise<boolean> {
    const hit = await this.run('enqueue', () => enqueueTriggers(this.pool, [{ n: 1, instance_id: instanceId, trigger, now }]));
    if (!hit.has(instanceId)) return false;
    this.notifier.wake();
    return true;
  }

  nextWakeAt(): Promise<number | undefined> {
    return this.run('nextWakeAt', () => readNextWakeAt(this.pool));
  }

  history(id: string, after = 0, limit = 10_000): Promise<StoredHistoryEntry[]> {
    return this.run('history', () => readHistory(this.pool, id, after, limit));
  }

  query(q: InstanceQuery): Promise<InstancePage> {
    return this.run('query', () => queryInstances(this.pool, q));
  }

  takeOutbox(limit: number): Promise<OutboxEntry[]> {
    return this.run('takeOutbox', () => takeOutbox(this.pool, limit));
  }

  markPublished(ids: readonly number[]): Promise<void> {
    return this.run('markPublished', () => markPublished(this.pool, ids));
  }

  purge(before: number): Promise<number> {
    return this.run('purge', () => purgeFinished(this.pool, before));
  }

  /**
   * Calls `listener` when another store (any process) enqueued a trigger or committed an
   * instance that is due now, and after the listening connection reconnects. Only a hint to poll
   * now: polling `claimDue` remains the source of truth. Returns the unsubscribe function; the
   * LISTEN connection closes with the last listener.
   *
   * @example
   * const stop = store.onWake(() => loop.pollSoon());
   */
  onWake(listener: () => void): () => void {
    return this.parts.wake.add(listener);
  }

  /** Waits for queued commits, closes the LISTEN connection and, if the store created it, the pool. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.close();
    await this.notifier.flush();
    await this.parts.wake.close();
    if (this.parts.ownsPool) await this.pool.end();
  }

  private async run<T>(operation: string, fn: () => Promise<T>, conflictMessage?: string): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toStoreError(operation, err, conflictMessage);
    }
  }
}
