/**
 * One commit batch, inside a transaction the caller opened: the lease check and state rows for
 * all commits, then history, timers, inbox, outbox and wake times for those that kept their lease,
 * then triggers for other instances. Returns each commit's own failure, if any.
 */
import { WorkflowError } from '@sluice/engine';
import { enqueueRows, stepRowsParams, type CommitPlan } from '../commit-plan.js';
import { commitStates } from './commit-states.js';
import { commitStepRows } from './commit-step-rows.js';
import { enqueueTriggers, findInstances } from './enqueue-triggers.js';
import type { Queryable } from './queryable.js';

// Why set-based statements instead of a SAVEPOINT per commit: a commit that fails its lease check
// is simply left out of the later statements, which is all a savepoint would buy, at 3-4 round
// trips per batch instead of ~8 per commit. Errors that are not about one commit's lease or
// targets (bad data, a dropped connection) fail the whole statement; GroupCommitter then runs
// the commits one by one so each caller gets its own outcome.

/** What a batch did: per commit (in order) undefined or its own error, and whether to wake workers. @internal */
export interface BatchOutcome {
  readonly errors: (WorkflowError | undefined)[];
  /** An instance is due now (a trigger left in its inbox, a due timer) or a trigger was enqueued. */
  readonly wake: boolean;
}

/**
 * Writes `plans` (at most one per instance); a commit fails alone with LEASE_LOST or
 * INSTANCE_NOT_FOUND.
 *
 * @internal
 */
export async function writeCommitBatch(db: Queryable, plans: readonly CommitPlan[]): Promise<BatchOutcome> {
  const failed = new Map<string, WorkflowError>();
  const targets = plans.flatMap((p) => p.enqueue.map((e) => e.instanceId));
  if (targets.length > 0) {
    // The memory store checks the targets before writing anything; so do we, in the same
    // transaction. A target purged between this read and the enqueue is skipped.
    const found = await findInstances(db, [...targets, ...plans.map((p) => p.id)]);
    for (const p of plans) {
      const missing = p.enqueue.find((e) => !found.has(e.instanceId));
      if (!missing) continue;
      failed.set(p.id, found.get(p.id) === p.worker ? notFound(missing.instanceId) : leaseLost(p));
    }
  }
  const candidates = plans.filter((p) => !failed.has(p.id));
  const byId = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const accepted = await commitStates(db, byId.map((p) => p.stateRow));
  for (const p of candidates) if (!accepted.has(p.id)) failed.set(p.id, leaseLost(p));
  const ok = candidates.filter((p) => accepted.has(p.id));
  const due = await commitStepRows(db, stepRowsParams(ok));
  const enqueued = await enqueueTriggers(db, enqueueRows(ok));
  return { errors: plans.map((p) => failed.get(p.id)), wake: due || enqueued.size > 0 || ok.some((p) => p.dueNow) };
}

/** The error of a commit whose worker no longer holds the lease (same message as the memory store). @internal */
export function leaseLost(p: { id: string; worker: string }): WorkflowError {
  return new WorkflowError({ code: 'LEASE_LOST', message: `worker ${p.worker} does not hold instance ${p.id}` });
}

function notFound(id: string): WorkflowError {
  return new WorkflowError({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${id}` });
}
