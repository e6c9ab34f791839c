/** Creating and cancelling threads, and ending the instance: every pending timer and call is released. */
import type { ErrorInfo } from '../errors/workflow-error.js';
import type { Json } from '../model/json.js';
import type { ChildTask, Thread } from './instance-state.js';
import type { StepContext } from './step-context.js';

/** Starts a child thread of `parent` that runs `task` on `data`. */
export function spawnChild(
  ctx: StepContext,
  parent: Thread,
  task: ChildTask,
  data: Json,
  vars?: Record<string, Json>,
): Thread {
  const id = ctx.newId('t');
  const child: Thread = { id, parent: parent.id, data, state: parent.state, task, stage: { kind: 'actions' }, merges: [] };
  const merged = { ...parent.vars, ...vars };
  if (Object.keys(merged).length > 0) child.vars = merged;
  ctx.s.threads[id] = child;
  (parent.children ??= []).push(id);
  ctx.wake(id);
  return child;
}

/** Releases what a thread waits on in its current state: action timers and calls, state timers, children. */
export function releaseStateWork(ctx: StepContext, t: Thread): void {
  for (const childId of t.children ?? []) {
    const child = ctx.s.threads[childId];
    if (child) cancelThread(ctx, child);
  }
  t.children = undefined;
  if (t.acts) {
    ctx.cancelTimer(t.acts.timer);
    ctx.cancelTimer(t.acts.actionTimer);
    ctx.cancelCall(t.acts.call);
    t.acts = undefined;
  }
  for (const id of t.stateTimers ?? []) ctx.cancelTimer(id);
  t.stateTimers = undefined;
  const stage = t.stage;
  if (stage.kind === 'wait-event') ctx.cancelTimer(stage.timer);
  if (stage.kind === 'sleep') ctx.cancelTimer(stage.timer);
}

/** Cancels a thread and its descendants and forgets them. */
export function cancelThread(ctx: StepContext, t: Thread): void {
  releaseStateWork(ctx, t);
  for (const [timerId, timer] of Object.entries(ctx.s.timers)) if (timer.thread === t.id) ctx.cancelTimer(timerId);
  delete ctx.s.threads[t.id];
}

/**
 * Ends the instance: releases every timer, call and thread, cancels subflows that must end with
 * their parent, and records the outcome.
 */
export function endInstance(
  ctx: StepContext,
  status: 'completed' | 'faulted' | 'cancelled',
  outcome: { output?: Json; error?: ErrorInfo; retriggerable?: boolean },
): void {
  const s = ctx.s;
  if (s.status === 'completed' || s.status === 'faulted' || s.status === 'cancelled') return;
  for (const timerId of Object.keys(s.timers)) ctx.cancelTimer(timerId);
  for (const callId of Object.keys(s.calls)) ctx.cancelCall(callId);
  for (const child of s.children) {
    if (child.terminate) ctx.commands.push({ type: 'subflow.cancel', callId: child.callId });
  }
  s.children = [];
  // A run that failed on an unhandled error keeps its main thread where it stopped, for retrigger.
  const main = s.threads.main;
  s.threads = outcome.retriggerable && main ? { main: { ...main, children: undefined } } : {};
  if (outcome.retriggerable && main) s.retriggerable = true;
  else delete s.retriggerable;
  s.status = status;
  s.endedAt = ctx.now;
  if (outcome.output !== undefined) s.output = outcome.output;
  if (outcome.error !== undefined) s.error = outcome.error;
  const type = status === 'completed' ? 'instance.completed' : status === 'faulted' ? 'instance.faulted' : 'instance.cancelled';
  const data = outcome.error ? (outcome.error as unknown as Json) : outcome.output;
  ctx.record(type, data === undefined ? {} : { data });
  ctx.commands.push({ type: 'instance.ended', status });
}

/** True once the instance has ended. */
export function ended(ctx: StepContext): boolean {
  const st = ctx.s.status;
  return st === 'completed' || st === 'faulted' || st === 'cancelled';
}
