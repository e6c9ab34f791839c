/**
 * The state of a scaffolder task's steps, derived from its events: a step is pending until its
 * first log event, running after it, and done, skipped, failed or cancelled as its last status
 * says; the final `completion` event (or the task's final status) settles steps still running.
 * A `recovered` event (the task starts over after an interruption) puts every step back to pending;
 * a `cancelled` event says a cancel was asked for.
 */
import type { SerializedTaskEvent } from '../../api/types';

export type StepState = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'cancelled';
export type FinalStatus = 'completed' | 'failed' | 'cancelled';

export interface StepLogLine {
  readonly id: number;
  readonly at: string;
  readonly message: string;
}

export interface StepProgress {
  readonly id: string;
  readonly name: string;
  readonly action: string;
  readonly state: StepState;
  readonly log: readonly StepLogLine[];
}

export interface TaskProgress {
  readonly steps: readonly StepProgress[];
  /** Lines that belong to no step (recovered, …). */
  readonly taskLog: readonly StepLogLine[];
  /** True once someone asked to cancel the task. */
  readonly cancelRequested: boolean;
  /** Set once the task has ended (from the completion event, else from the task's status). */
  readonly completion?: {
    readonly status: FinalStatus;
    readonly error?: { readonly name?: string; readonly message: string };
    readonly output?: Record<string, unknown>;
  };
}

const BY_STATUS: Readonly<Record<string, StepState>> = {
  processing: 'running',
  completed: 'done',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** What a step still running becomes when the task ends with `status`. */
const SETTLE: Readonly<Record<FinalStatus, StepState>> = { completed: 'done', failed: 'failed', cancelled: 'cancelled' };

const FINAL: readonly string[] = ['completed', 'failed', 'cancelled'];

/**
 * The progress of a task with `steps` after `events` (in any order; duplicates ignored).
 * `taskStatus` (from `GET /tasks/:id`) ends the task when no completion event was seen.
 */
export function deriveTaskProgress(
  steps: readonly { id: string; name?: string; action: string }[],
  events: readonly SerializedTaskEvent[],
  taskStatus?: string,
): TaskProgress {
  const state = new Map<string, StepState>(steps.map((s) => [s.id, 'pending']));
  const logs = new Map<string, StepLogLine[]>(steps.map((s) => [s.id, []]));
  const taskLog: StepLogLine[] = [];
  let completion: TaskProgress['completion'];
  let cancelRequested = false;
  const seen = new Set<number>();

  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const body = e.body as { message?: unknown; stepId?: unknown; status?: unknown; error?: unknown; output?: unknown };
    const line: StepLogLine = { id: e.id, at: e.createdAt, message: typeof body.message === 'string' ? body.message : '' };
    const stepId = typeof body.stepId === 'string' && state.has(body.stepId) ? body.stepId : undefined;
    if (e.type === 'recovered') {
      for (const id of state.keys()) state.set(id, 'pending');
      taskLog.push(line);
    } else if (e.type === 'cancelled') {
      cancelRequested = true;
    } else if (e.type === 'completion') {
      const status = FINAL.includes(body.status as string) ? (body.status as FinalStatus) : 'failed';
      const error = typeof body.error === 'object' && body.error !== null ? (body.error as { name?: string; message: string }) : undefined;
      const output = typeof body.output === 'object' && body.output !== null ? (body.output as Record<string, unknown>) : undefined;
      completion = { status, ...(error ? { error } : {}), ...(output ? { output } : {}) };
    } else if (stepId !== undefined) {
      logs.get(stepId)!.push(line);
      const next = typeof body.status === 'string' ? BY_STATUS[body.status] : undefined;
      if (next) state.set(stepId, next);
      else if (state.get(stepId) === 'pending') state.set(stepId, 'running');
    } else if (line.message) {
      taskLog.push(line);
    }
  }

  if (!completion && taskStatus && FINAL.includes(taskStatus)) completion = { status: taskStatus as FinalStatus };
  if (completion) {
    for (const [id, s] of state) if (s === 'running') state.set(id, SETTLE[completion.status]);
  }
  return {
    steps: steps.map((s) => ({ id: s.id, name: s.name ?? s.id, action: s.action, state: state.get(s.id)!, log: logs.get(s.id)! })),
    taskLog,
    cancelRequested,
    ...(completion ? { completion } : {}),
  };
}
