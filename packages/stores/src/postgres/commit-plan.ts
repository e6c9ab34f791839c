/**
 * Turns commits into the rows one batch writes: pure and database-free, so the lease and wake
 * rules (the memory store's, via `wakeAt` and `isFinished`) are unit-tested without PostgreSQL.
 */
import { isFinished, wakeAt, type CommitOptions, type HistoryEntry, type InstanceState } from '@sluice/engine';
import { stateColumns, timerRows, type StateColumns } from './rows.js';

/** A commit as the port receives it. @internal */
export interface PendingCommit {
  readonly state: InstanceState;
  readonly history: readonly HistoryEntry[];
  readonly opts: CommitOptions;
}

/** The row that replaces an instance's state, lease and wake columns (statement "states"). @internal */
export interface StateUpdateRow extends StateColumns {
  worker: string;
  /** The revision the state was computed from; null = no check. */
  expected_revision: number | null;
  updated_at: number;
  locked_by: string | null;
  locked_until: number | null;
  /** wake_at if no inbox entry remains; the step-rows statement sets `now` where one does. */
  wake_at: number | null;
}

/** What one commit writes besides its state row. @internal */
export interface CommitPlan {
  readonly id: string;
  readonly worker: string;
  readonly now: number;
  readonly stateRow: StateUpdateRow;
  /** Due now even without a remaining inbox entry (a timer already due). */
  readonly dueNow: boolean;
  readonly consumed: readonly number[];
  readonly history: readonly HistoryEntry[];
  readonly timers: ReturnType<typeof timerRows>;
  readonly outbox: readonly unknown[];
  readonly enqueue: NonNullable<CommitOptions['enqueue']>;
}

/** Plans one commit: lease columns and wake time exactly as MemoryInstanceStore.commit sets them. @internal */
export function planCommit(c: PendingCommit): CommitPlan {
  const { state, opts } = c;
  const keep = opts.keepLeaseMs !== undefined && !isFinished(state);
  const lockedUntil = keep ? opts.now + opts.keepLeaseMs! : undefined;
  const wakeIdle = wakeAt(state, false, opts.now, lockedUntil) ?? null;
  return {
    id: state.id,
    worker: opts.worker,
    now: opts.now,
    stateRow: {
      ...stateColumns(state),
      worker: opts.worker,
      expected_revision: opts.revision ?? null,
      updated_at: opts.now,
      locked_by: keep ? opts.worker : null,
      locked_until: lockedUntil ?? null,
      wake_at: wakeIdle,
    },
    dueNow: wakeIdle !== null && wakeIdle <= opts.now,
    consumed: opts.consumed ?? [],
    history: c.history,
    timers: timerRows(state),
    outbox: opts.outbox ?? [],
    enqueue: opts.enqueue ?? [],
  };
}

/** A trigger for another instance, as the enqueue statement takes it. @internal */
export interface EnqueueRow {
  n: number;
  instance_id: string;
  trigger: unknown;
  now: number;
}

/** The JSON parameters of the step-rows statement for the commits whose lease check passed. @internal */
export interface StepRowsParams {
  readonly ids: string[];
  readonly wake: string;
  readonly history: string;
  readonly timers: string;
  readonly outbox: string;
}

/**
 * The step rows of `plans` (at most one plan per instance): history numbered 1..k within each
 * commit (the statement adds the instance's current max seq), outbox in commit order.
 *
 * @internal
 */
export function stepRowsParams(plans: readonly CommitPlan[]): StepRowsParams {
  const wake = plans.map((p) => ({ id: p.id, now: p.now, consumed: p.consumed }));
  const history = plans.flatMap((p) => p.history.map((entry, i) => ({ instance_id: p.id, n: i + 1, at: entry.at, type: entry.type, entry })));
  const outbox = plans.flatMap((p) => p.outbox.map((event) => ({ instance_id: p.id, event, created_at: p.now })));
  return {
    ids: plans.map((p) => p.id),
    wake: JSON.stringify(wake),
    history: JSON.stringify(history),
    timers: JSON.stringify(plans.flatMap((p) => p.timers)),
    outbox: JSON.stringify(outbox.map((o, i) => ({ ...o, n: i + 1 }))),
  };
}

/** The triggers `plans` enqueue for other instances, numbered in commit order. @internal */
export function enqueueRows(plans: readonly CommitPlan[]): EnqueueRow[] {
  let n = 0;
  return plans.flatMap((p) => p.enqueue.map((e) => ({ n: ++n, instance_id: e.instanceId, trigger: e.trigger, now: p.now })));
}
