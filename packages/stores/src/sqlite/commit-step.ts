/**
 * A step's commit on SQLite: everything the port's `commit` promises, as synchronous statements
 * that the caller runs in one IMMEDIATE transaction (a throw rolls all of it back).
 */
import { WorkflowError, isFinished, wakeAt, type CommitOptions, type HistoryEntry, type InstanceState } from '@sluice/engine';
import type { SqliteDb } from './prepared.js';
import { stateColumns } from './rows.js';
import { appendHistory } from './sql/history.js';
import { deleteInbox, hasInbox, insertInbox } from './sql/inbox.js';
import { instanceExists, writeStep } from './sql/instances.js';
import { selectLease, wakeNow } from './sql/leases.js';
import { insertOutbox } from './sql/outbox.js';
import { replaceTimers } from './sql/timers.js';

/**
 * @internal Commits one step: checks the lease (LEASE_LOST) and the enqueue targets
 * (INSTANCE_NOT_FOUND) before writing; then history, timers, consumed inbox, outbox, triggers for
 * other instances, and last the instance row with its lease and wake time (`wakeAt`).
 */
export function commitStep(db: SqliteDb, state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): void {
  const id = state.id;
  const lease = selectLease(db, id);
  if (!lease || lease.locked_by !== opts.worker) throw leaseLost(opts.worker, id);
  // Another commit came in between (this worker lost the lease and got it back): a stale step.
  if (opts.revision !== undefined && lease.revision !== opts.revision) throw leaseLost(opts.worker, id);
  for (const e of opts.enqueue ?? []) {
    if (!instanceExists(db, e.instanceId)) throw new WorkflowError({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${e.instanceId}` });
  }
  appendHistory(db, id, history);
  replaceTimers(db, id, state.timers);
  if (opts.consumed && opts.consumed.length > 0) deleteInbox(db, id, opts.consumed);
  if (opts.outbox && opts.outbox.length > 0) insertOutbox(db, id, opts.outbox, opts.now);
  for (const e of opts.enqueue ?? []) {
    insertInbox(db, e.instanceId, e.trigger, opts.now);
    wakeNow(db, e.instanceId, opts.now);
  }
  const keep = opts.keepLeaseMs !== undefined && !isFinished(state);
  const lockedUntil = keep ? opts.now + opts.keepLeaseMs! : undefined;
  const changed = writeStep(db, {
    ...stateColumns(state),
    id,
    worker: opts.worker,
    updated_at: opts.now,
    locked_by: keep ? opts.worker : null,
    locked_until: lockedUntil ?? null,
    wake_at: wakeAt(state, hasInbox(db, id), opts.now, lockedUntil) ?? null,
  });
  if (changed !== 1) throw leaseLost(opts.worker, id);
}

function leaseLost(worker: string, id: string): WorkflowError {
  return new WorkflowError({ code: 'LEASE_LOST', message: `worker ${worker} does not hold instance ${id}`, retryable: false });
}
