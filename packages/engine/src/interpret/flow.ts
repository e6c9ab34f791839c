/**
 * Moving the main thread between states: entering (input filter, state timeout), leaving (output
 * filter, produced events, compensation, transition or end), error handling with `onErrors`, and
 * ending the run (SonataFlow's `metadata.errorMessage`, `continueAs`, `keepActive`).
 */
import { WorkflowError, type ErrorInfo } from '../errors/workflow-error.js';
import type { EndDef, Exit, StateDef } from '../model/definition.js';
import { matchesAny } from './error-match.js';
import { evalTemplate } from './evaluate.js';
import { produceEvent } from './events.js';
import type { Thread } from './instance-state.js';
import type { StepContext } from './step-context.js';
import { endInstance, releaseStateWork } from './threads.js';

/** State entries allowed in one step before the run is failed as an endless loop with no wait. */
export const MAX_ENTRIES_PER_STEP = 10_000;

function stateOf(ctx: StepContext, t: Thread): StateDef {
  return ctx.def.states.get(t.state)!;
}

/** Enters state `name` on the main thread. */
export function enterState(ctx: StepContext, t: Thread, name: string): void {
  ctx.entries += 1;
  if (ctx.entries > MAX_ENTRIES_PER_STEP) {
    throw new WorkflowError({
      code: 'LOOP_LIMIT',
      message: `more than ${MAX_ENTRIES_PER_STEP} state entries without waiting (last: ${name}); the workflow loops without a sleep or a call`,
      retryable: false,
    });
  }
  t.state = name;
  t.stage = { kind: 'enter' };
  t.acts = undefined;
  ctx.s.lastState = name;
  ctx.record('state.entered', { thread: t.id, state: name });
  const st = stateOf(ctx, t);
  const filter = st.stateDataFilter?.input;
  if (filter) {
    const v = filter.program.first(t.data, { variables: ctx.vars(t) });
    if (v !== undefined) t.data = v;
  }
  const limit = st.timeouts.stateExecTimeout?.total ?? ctx.def.timeouts.stateExecTimeout?.total;
  if (limit) t.stateTimers = [ctx.startTimer(t.id, 'state-timeout', ctx.durationMs(limit, t))];
  ctx.wake(t.id);
}

/** Leaves the current state through `exit`. `completed` is false when an error handler leaves it. */
export function leaveState(ctx: StepContext, t: Thread, exit: Exit, completed: boolean): void {
  const st = stateOf(ctx, t);
  releaseStateWork(ctx, t);
  if (completed) {
    const out = st.stateDataFilter?.output;
    if (out) {
      const v = out.program.first(t.data, { variables: ctx.vars(t) });
      if (v !== undefined) t.data = v;
    }
    if (st.compensatedBy && !t.compensation) (t.compensable ??= []).push(st.name);
  }
  ctx.record('state.exited', { thread: t.id, state: st.name });
  if (ctx.s.timedOut) {
    // The runBefore state's own events still go out (spec 0.8 example "Purchase order deadline").
    if (ctx.s.timedOut === 'run-before') for (const p of (exit.transition ?? exit.end)?.produceEvents ?? []) produceEvent(ctx, t, p);
    if (handleTimedOut(ctx, t)) return;
  }
  if (t.compensation) {
    if (exit.transition) return enterState(ctx, t, exit.transition.nextState);
    return continueCompensation(ctx, t);
  }
  if (exit.transition) {
    for (const p of exit.transition.produceEvents) produceEvent(ctx, t, p);
    if (exit.transition.compensate) return startCompensation(ctx, t, { kind: 'transition', next: exit.transition.nextState });
    return enterState(ctx, t, exit.transition.nextState);
  }
  endFlow(ctx, t, exit.end ?? { terminate: false, compensate: false, produceEvents: [] }, st);
}

function handleTimedOut(ctx: StepContext, t: Thread): boolean {
  const wt = ctx.def.timeouts.workflowExecTimeout;
  if (ctx.s.timedOut === 'pending' && wt?.runBefore) {
    ctx.s.timedOut = 'run-before';
    enterState(ctx, t, wt.runBefore);
    return true;
  }
  failTimedOut(ctx, t);
  return true;
}

/**
 * Ends the run because `workflowExecTimeout` expired: faulted `WORKFLOW_TIMED_OUT`, except for a
 * `keepActive` workflow, for which the timeout is the normal way to end (completed).
 */
export function failTimedOut(ctx: StepContext, t: Thread): void {
  if (ctx.def.keepActive) return endInstance(ctx, 'completed', { output: t.data });
  const text = ctx.def.timeouts.workflowExecTimeout?.duration.text ?? '';
  endInstance(ctx, 'faulted', {
    output: t.data,
    error: { code: 'WORKFLOW_TIMED_OUT', name: 'TimedOut', message: `workflowExecTimeout ${text} expired`, state: t.state },
  });
}

function startCompensation(ctx: StepContext, t: Thread, then: { kind: 'transition'; next: string } | { kind: 'end' }): void {
  const queue = [...(t.compensable ?? [])].reverse().map((n) => ctx.def.states.get(n)!.compensatedBy!);
  t.compensable = [];
  t.compensation = { queue, then, from: t.state };
  continueCompensation(ctx, t);
}

function continueCompensation(ctx: StepContext, t: Thread): void {
  const c = t.compensation!;
  const nextState = c.queue.shift();
  if (nextState !== undefined) return enterState(ctx, t, nextState);
  t.compensation = undefined;
  if (c.then.kind === 'transition') return enterState(ctx, t, c.then.next);
  const from = ctx.def.states.get(c.from)!;
  t.state = from.name;
  endFlow(ctx, t, { ...(from.end ?? { terminate: false, produceEvents: [] }), compensate: false }, from);
}

/** The main thread reached an end: finish the instance. */
function endFlow(ctx: StepContext, t: Thread, end: EndDef, st: StateDef): void {
  if (end.compensate) return startCompensation(ctx, t, { kind: 'end' });
  for (const p of end.produceEvents) produceEvent(ctx, t, p);
  const output = t.data;
  if (st.errorMessage) {
    const msg = evalTemplate(st.errorMessage, output, ctx.vars(t));
    if (typeof msg === 'string' && msg !== '') {
      return endInstance(ctx, 'faulted', {
        output,
        error: { code: 'END_ERROR_MESSAGE', name: 'EndErrorMessage', message: msg, state: st.name },
      });
    }
  }
  if (end.continueAs) {
    const input = end.continueAs.data ? evalTemplate(end.continueAs.data, output, ctx.vars(t)) : output;
    ctx.commands.push({
      type: 'instance.continue-as',
      workflowId: end.continueAs.workflowId,
      ...(end.continueAs.version ? { version: end.continueAs.version } : {}),
      input,
    });
  }
  if (ctx.def.keepActive && !end.terminate) {
    t.stage = { kind: 'done' };
    ctx.s.output = output;
    return;
  }
  endInstance(ctx, 'completed', { output });
}

/**
 * An error reached the state of the main thread `t`: run the first matching `onErrors` handler, or
 * end the run in error (nothing is left hanging).
 */
export function raise(ctx: StepContext, t: Thread, err: ErrorInfo): void {
  const st = stateOf(ctx, t);
  const info: ErrorInfo = { ...err, state: err.state ?? st.name };
  const handler = st.onErrors.find((h) => matchesAny(ctx.def, h.errorRefs, info));
  if (handler && !t.compensation) {
    ctx.record('error.handled', { thread: t.id, state: st.name, data: { code: info.code, message: info.message } });
    return leaveState(ctx, t, handler, false);
  }
  endInstance(ctx, 'faulted', { output: t.data, error: info, retriggerable: !t.task });
}

/** True when the state has an `onErrors` handler for a timeout (SonataFlow raises `TimedOut` then). */
export function handlesTimeout(ctx: StepContext, t: Thread): boolean {
  const st = stateOf(ctx, t);
  const err: ErrorInfo = { code: 'TimedOut', name: 'TimedOut', message: 'TimedOut' };
  return st.onErrors.some((h) => matchesAny(ctx.def, h.errorRefs, err));
}
