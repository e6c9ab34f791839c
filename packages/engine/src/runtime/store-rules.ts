/** Small rules every InstanceStore implementation shares: wake times, summaries, cursors. */
import { WorkflowError } from '../errors/workflow-error.js';
import type { InstanceState } from '../interpret/instance-state.js';
import type { InstanceMeta, InstanceSummary } from '../ports/instance-store.js';

/** True when the instance has ended. */
export function isFinished(s: Pick<InstanceState, 'status'>): boolean {
  return s.status === 'completed' || s.status === 'faulted' || s.status === 'cancelled';
}

/**
 * When an instance next needs a worker: now when triggers are queued; else the earliest of its
 * timers and, while a lease covers calls in flight, the lease's end (so that another worker takes
 * over if this one dies); undefined when it only waits for events, is suspended, or has ended.
 */
export function wakeAt(state: InstanceState, inboxPending: boolean, now: number, leaseUntil: number | undefined): number | undefined {
  if (inboxPending) return now;
  if (isFinished(state) || state.status === 'suspended') return undefined;
  let at: number | undefined;
  for (const t of Object.values(state.timers)) if (at === undefined || t.dueAt < at) at = t.dueAt;
  if (leaseUntil !== undefined && (at === undefined || leaseUntil < at)) at = leaseUntil;
  return at;
}

/** The summary row of an instance. */
export function summarize(s: InstanceState, meta: InstanceMeta, updatedAt: number): InstanceSummary {
  return {
    id: s.id,
    workflowId: s.workflowId,
    workflowVersion: s.workflowVersion,
    status: s.status,
    ...(meta.businessKey !== undefined ? { businessKey: meta.businessKey } : {}),
    ...(meta.initiator !== undefined ? { initiator: meta.initiator } : {}),
    ...(s.parent ? { parentId: s.parent.instanceId } : {}),
    startedAt: s.startedAt,
    ...(s.endedAt !== undefined ? { endedAt: s.endedAt } : {}),
    updatedAt,
    ...(s.error ? { errorCode: s.error.code, errorMessage: s.error.message } : {}),
    ...(s.lastState !== undefined ? { lastState: s.lastState } : {}),
  };
}

/** A page cursor for (startedAt, id): `<startedAt>.<url-encoded id>`. */
export function encodeCursor(s: { startedAt: number; id: string }): string {
  return `${s.startedAt}.${encodeURIComponent(s.id)}`;
}

/** Reads a cursor; throws INPUT_INVALID for anything else. */
export function decodeCursor(cursor: string): { startedAt: number; id: string } {
  const m = /^(\d+)\.(.+)$/.exec(cursor);
  if (!m) throw new WorkflowError({ code: 'INPUT_INVALID', message: `not a page cursor: ${JSON.stringify(cursor)}`, retryable: false });
  return { startedAt: Number(m[1]), id: decodeURIComponent(m[2]!) };
}
