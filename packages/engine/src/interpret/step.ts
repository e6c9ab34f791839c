/**
 * The interpreter's entry point: a pure step function. Given a definition, an instance state and a
 * trigger, it returns the next state, the commands for the runtime and the history entries. It does
 * no I/O and reads time only from its arguments.
 *
 * @example
 *   let { state, commands } = step(def, newInstance({ id, def, now }), triggers.start(input), { now, env });
 */
import { WorkflowError, type ErrorInfo } from '../errors/workflow-error.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import { withEvalTime } from '../expr/eval-time.js';
import { callFailed, callSucceeded, reissueCall } from './actions.js';
import type { Command, HistoryEntry, Trigger } from './commands.js';
import { driveMain } from './drive.js';
import { deliverEvent } from './events.js';
import { enterState, failTimedOut, raise } from './flow.js';
import { SEMANTICS_VERSION, type InstanceState, type Thread } from './instance-state.js';
import { childActions, driveChild, failChild } from './join.js';
import { StepContext, type StepEnv } from './step-context.js';
import { endInstance, ended, releaseStateWork } from './threads.js';
import { mergeResult } from './merge.js';

export interface StepResult {
  readonly state: InstanceState;
  readonly commands: Command[];
  readonly history: HistoryEntry[];
}

/** A new instance, not started yet: feed it `triggers.start(input)`. */
export function newInstance(opts: {
  id: string;
  def: WorkflowDef;
  now: number;
  parent?: { instanceId: string; callId: string };
  variables?: Record<string, Json>;
  /** Correlation fixed from the start (see `startCorrelation`). */
  correlation?: Record<string, string>;
}): InstanceState {
  return {
    v: SEMANTICS_VERSION,
    id: opts.id,
    workflowId: opts.def.id,
    workflowVersion: opts.def.version,
    status: 'running',
    input: null,
    startedAt: opts.now,
    seq: 0,
    threads: {},
    calls: {},
    timers: {},
    inbox: [],
    correlation: { ...opts.correlation },
    children: [],
    ...(opts.parent ? { parent: opts.parent } : {}),
    ...(opts.variables ? { variables: opts.variables } : {}),
  };
}

/** Applies one trigger. The input state is not modified. */
export function step(def: WorkflowDef, state: InstanceState, trigger: Trigger, opts: { now: number; env: StepEnv }): StepResult {
  if (state.v > SEMANTICS_VERSION) {
    throw new WorkflowError({ code: 'DETERMINISM_VIOLATION', message: `instance ${state.id} was written by engine semantics v${state.v}; this engine runs v${SEMANTICS_VERSION}` });
  }
  const s = structuredClone(state);
  const ctx = new StepContext(def, s, opts.now, opts.env);
  withEvalTime(opts.now, () => {
    if (trigger.type === 'retrigger') return retrigger(ctx, trigger.data);
    if (ended(ctx)) return;
    if (s.status === 'suspended' && trigger.type !== 'resume' && trigger.type !== 'cancel') return defer(ctx, trigger);
    if (trigger.type === 'resume') return resume(ctx);
    guard(ctx, undefined, () => apply(ctx, trigger));
    drain(ctx);
  });
  if (!ended(ctx) && s.status !== 'suspended') s.status = Object.values(s.calls).some((c) => c.kind !== 'event') ? 'running' : 'waiting';
  return { state: s, commands: ctx.commands, history: ctx.history };
}

function apply(ctx: StepContext, trigger: Trigger): void {
  const s = ctx.s;
  switch (trigger.type) {
    case 'start': {
      s.input = trigger.input;
      if (trigger.headers) s.headers = trigger.headers;
      ctx.record('instance.started', { data: { workflowId: s.workflowId } });
      const main: Thread = { id: 'main', data: trigger.input, state: ctx.def.start, stage: { kind: 'enter' } };
      s.threads.main = main;
      const wt = ctx.def.timeouts.workflowExecTimeout;
      if (wt) ctx.startTimer('main', 'workflow-timeout', ctx.durationMs(wt.duration, main));
      if (trigger.event) s.inbox.push(trigger.event);
      guard(ctx, main, () => enterState(ctx, main, ctx.def.start));
      return;
    }
    case 'call.ok':
    case 'call.failed': {
      const call = s.calls[trigger.callId];
      if (!call) return;
      delete s.calls[trigger.callId];
      const t = s.threads[call.thread];
      if (!t || t.acts?.call !== trigger.callId) return;
      if (trigger.type === 'call.ok') return callSucceeded(ctx, t, trigger.callId, trigger.result);
      return guard(ctx, t, () => callFailed(ctx, t, actionsOf(ctx, t), trigger.error));
    }
    case 'timer.fired':
      return timerFired(ctx, trigger.timerId);
    case 'event':
      return deliverEvent(ctx, trigger.event);
    case 'recover': {
      const live = new Set(trigger.liveCalls);
      for (const t of Object.values(s.threads)) reissueCall(ctx, t, live);
      return;
    }
    case 'suspend':
      s.status = 'suspended';
      ctx.record('instance.suspended', { data: { reason: trigger.reason } });
      return;
    case 'resume':
    case 'retrigger':
      return;
    case 'cancel':
      endInstance(ctx, 'cancelled', { error: { code: 'CANCELLED', name: 'Cancelled', message: trigger.reason } });
      return;
  }
}

function actionsOf(ctx: StepContext, t: Thread) {
  if (t.task) return childActions(ctx, t);
  const st = ctx.def.states.get(t.state)!;
  if (st.type === 'operation') return st.actions;
  if (st.type === 'callback') return [st.action];
  if (st.type === 'event') return st.onEvents[t.stage.kind === 'actions' ? (t.stage.onEvents ?? 0) : 0]!.actions;
  return [];
}

function timerFired(ctx: StepContext, timerId: string): void {
  const timer = ctx.s.timers[timerId];
  if (!timer) return;
  delete ctx.s.timers[timerId];
  const t = ctx.s.threads[timer.thread];
  ctx.record('timer.fired', { thread: timer.thread, data: { timerId, purpose: timer.purpose } });
  if (!t) return;
  const timeout = (what: string): ErrorInfo => ({ code: 'TimedOut', name: 'TimedOut', message: `${what} expired in state ${t.state}`, state: t.state });
  switch (timer.purpose) {
    case 'sleep':
    case 'retry':
      if (t.acts?.timer === timerId) t.acts.timer = undefined;
      if (t.stage.kind === 'sleep' && t.stage.timer === timerId) t.stage = { kind: 'exit' };
      ctx.wake(t.id);
      return;
    case 'action-timeout':
      if (t.acts?.actionTimer !== timerId) return;
      t.acts.actionTimer = undefined;
      return guard(ctx, t, () => callFailed(ctx, t, actionsOf(ctx, t), timeout('actionExecTimeout')));
    case 'event-timeout':
      if (t.stage.kind === 'wait-event' && t.stage.timer === timerId) {
        t.stage = { kind: 'timed-out' };
        ctx.wake(t.id);
      }
      return;
    case 'state-timeout':
      return guard(ctx, t, () => {
        releaseStateWork(ctx, t);
        throw new WorkflowError({ code: 'TimedOut', name: 'TimedOut', message: `stateExecTimeout expired in state ${t.state}` });
      });
    case 'branch-timeout':
      return failChild(ctx, t, timeout('branchExecTimeout'));
    case 'workflow-timeout': {
      const wt = ctx.def.timeouts.workflowExecTimeout;
      if (wt && !wt.interrupt) {
        ctx.s.timedOut = 'pending';
        return;
      }
      for (const other of Object.values(ctx.s.threads)) if (other.id !== t.id && !other.parent) releaseStateWork(ctx, other);
      releaseStateWork(ctx, t);
      if (wt?.runBefore) {
        ctx.s.timedOut = 'run-before';
        return guard(ctx, t, () => enterState(ctx, t, wt.runBefore!));
      }
      return failTimedOut(ctx, t);
    }
  }
}

/** Runs every runnable thread until all wait or the instance ends. */
function drain(ctx: StepContext): void {
  for (let id = ctx.nextRunnable(); id !== undefined && !ended(ctx); id = ctx.nextRunnable()) {
    const t = ctx.s.threads[id];
    if (!t) continue;
    guard(ctx, t, () => (t.task ? driveChild(ctx, t) : driveMain(ctx, t)));
  }
}

/**
 * Runs `fn`; a WorkflowError goes to the thread's state (or its parent's join), anything else is an
 * engine bug and ends the run in error with the message, so that nothing hangs silently.
 */
function guard(ctx: StepContext, t: Thread | undefined, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (ended(ctx)) return;
    const info: ErrorInfo =
      err instanceof WorkflowError
        ? { ...err.toInfo(), ...(t ? { state: t.state } : {}) }
        : { code: 'INTERNAL_ERROR', name: 'InternalError', message: err instanceof Error ? err.message : String(err), ...(t ? { state: t.state } : {}) };
    if (!t || info.code === 'INTERNAL_ERROR' || info.code === 'LOOP_LIMIT') {
      endInstance(ctx, 'faulted', { ...(t ? { output: t.data as Json } : {}), error: info, retriggerable: info.code !== 'LOOP_LIMIT' && t !== undefined && !t.task });
      return;
    }
    if (t.task) return failChild(ctx, t, info);
    guard(ctx, undefined, () => raise(ctx, t, info));
  }
}

/** While suspended, events and call results wait in `deferred`; due timers simply stay due. */
function defer(ctx: StepContext, trigger: Trigger): void {
  if (trigger.type === 'timer.fired' || trigger.type === 'suspend' || trigger.type === 'recover') return;
  (ctx.s.deferred ??= []).push(trigger);
}

/** Ends a suspension: replays what was deferred, in arrival order. */
function resume(ctx: StepContext): void {
  const s = ctx.s;
  if (s.status !== 'suspended') return;
  s.status = 'running';
  ctx.record('instance.resumed');
  const deferred = s.deferred ?? [];
  delete s.deferred;
  for (const t of deferred) {
    if (ended(ctx)) break;
    guard(ctx, undefined, () => apply(ctx, t));
    drain(ctx);
  }
  for (const t of Object.values(s.threads)) ctx.wake(t.id);
  drain(ctx);
}

/**
 * Resumes a faulted run where it failed (SonataFlow's retrigger): the failed action is issued again,
 * or the failed state entered again; `data` is merged into the thread's data first.
 */
function retrigger(ctx: StepContext, data: Json | undefined): void {
  const s = ctx.s;
  const main = s.threads.main;
  if (s.status !== 'faulted' || !s.retriggerable || !main) return;
  s.retriggers = (s.retriggers ?? 0) + 1;
  ctx.record('instance.retriggered', { state: main.state, data: { attempt: s.retriggers, error: (s.error ?? null) as unknown as Json } });
  s.status = 'running';
  delete s.error;
  delete s.endedAt;
  delete s.output;
  delete s.retriggerable;
  if (data !== undefined) main.data = mergeResult(data, main.data);
  const acts = main.acts;
  const st = ctx.def.states.get(main.state)!;
  if (acts && main.stage.kind === 'actions' && (st.type === 'operation' || st.type === 'callback' || st.type === 'event')) {
    main.acts = { ...acts, phase: 'issue', attempt: 1, call: undefined, timer: undefined, actionTimer: undefined };
    ctx.wake(main.id);
  } else {
    guard(ctx, main, () => enterState(ctx, main, main.state));
  }
  drain(ctx);
  if (!ended(ctx)) s.status = Object.values(s.calls).some((c) => c.kind !== 'event') ? 'running' : 'waiting';
}
