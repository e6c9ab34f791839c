/**
 * Group commit: commits that arrive while a batch is being written wait and are written together
 * in one transaction (one fsync), up to `maxBatch` at a time. Each caller's promise settles on its
 * own outcome once that transaction has committed.
 */
import type { Pool, PoolClient } from 'pg';
import { planCommit, type CommitPlan, type PendingCommit } from './commit-plan.js';
import { isConnectionError, isRetryableConflict, toStoreError } from './pg-errors.js';
import { writeCommitBatch, type BatchOutcome } from './sql/write-commit-batch.js';
import { StoreError } from '../store-error.js';

/** Tuning of group commit. @internal */
export interface GroupCommitOptions {
  /** Most commits in one transaction. */
  readonly maxBatch: number;
  /** Batches written at the same time (each on its own connection). */
  readonly writers: number;
  /** False adds `SET LOCAL synchronous_commit TO off` (a crash may lose the last commits). */
  readonly synchronousCommit: boolean;
  /** How often a batch that hit a deadlock or serialization failure is written again. */
  readonly conflictRetries: number;
}

interface Waiter {
  readonly plan: CommitPlan;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

// Measured on the 2-core dev machine (see test/postgres-group-commit.test.ts): one connection does
// about 1,100 fsync'd transactions/s, so one transaction per commit caps a worker there. Batches
// of up to 64 with 2 writers keep a batch filling while the other waits for its fsync. A batch
// never holds two commits of one instance, and an instance in a batch being written waits for it,
// so one instance's commits land in call order.

/** Queues commits and writes them in batches. @internal */
export class GroupCommitter {
  private queue: Waiter[] = [];
  private readonly writing = new Set<string>();
  private active = 0;
  private scheduled = false;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly opts: GroupCommitOptions,
    /** Called after a batch that made an instance due now has committed. */
    private readonly onWake: () => void,
  ) {}

  /** Queues one commit; resolves once it is durable, rejects with its own error. */
  commit(c: PendingCommit): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError({ message: 'store is closed', transient: false }));
    const plan = planCommit(c);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ plan, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Refuses new commits and resolves when every queued one has settled. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.active === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.active < this.opts.writers) {
      const batch = this.takeBatch();
      if (batch.length === 0) break;
      this.active += 1;
      for (const w of batch) this.writing.add(w.plan.id);
      void this.run(batch).finally(() => {
        this.active -= 1;
        for (const w of batch) this.writing.delete(w.plan.id);
        this.pump();
      });
    }
    if (this.active === 0 && this.queue.length === 0) for (const done of this.idle.splice(0)) done();
  }

  /** The oldest commits, at most one per instance and none of an instance being written. */
  private takeBatch(): Waiter[] {
    const batch: Waiter[] = [];
    const rest: Waiter[] = [];
    const ids = new Set<string>();
    for (const w of this.queue) {
      if (batch.length < this.opts.maxBatch && !this.writing.has(w.plan.id) && !ids.has(w.plan.id)) {
        ids.add(w.plan.id);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: readonly Waiter[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const outcome = await this.write(batch.map((w) => w.plan));
        if (outcome.wake) this.onWake();
        batch.forEach((w, i) => (outcome.errors[i] ? w.reject(outcome.errors[i]) : w.resolve()));
        return;
      } catch (err) {
        if (isRetryableConflict(err) && attempt < this.opts.conflictRetries) continue;
        if (batch.length > 1 && !isConnectionError(err)) {
          // Something in one commit's data failed the shared statements: write them one by one.
          for (const w of batch) await this.run([w]);
          return;
        }
        // A lost connection during COMMIT leaves the outcome unknown: report it, never rewrite.
        const wrapped = toStoreError('commit', err);
        for (const w of batch) w.reject(wrapped);
        return;
      }
    }
  }

  private async write(plans: readonly CommitPlan[]): Promise<BatchOutcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(this.opts.synchronousCommit ? 'BEGIN' : 'BEGIN; SET LOCAL synchronous_commit TO off');
      let outcome: BatchOutcome;
      try {
        outcome = await writeCommitBatch(client, plans);
      } catch (err) {
        broken = await rollback(client, err);
        throw err;
      }
      await client.query('COMMIT');
      return outcome;
    } catch (err) {
      if (!broken && isConnectionError(err)) broken = asError(err);
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** Rolls back after `err`; returns an error when the client must be discarded instead. */
async function rollback(client: PoolClient, err: unknown): Promise<Error | undefined> {
  if (isConnectionError(err)) return asError(err);
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (rollbackErr) {
    return asError(rollbackErr);
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
