/**
 * Running an action list on one thread (spec 0.8 §Action Definition): condition, `sleep.before`,
 * the call (function, expression, subflow or event), retries, `sleep.after`, then the action data
 * filter and SonataFlow's merge. The list is resumable: every wait is recorded in `thread.acts`.
 */
import { WorkflowError, type ErrorInfo } from '../errors/workflow-error.js';
import type { ActionDef } from '../model/definition.js';
import type { CallOutcome } from './commands.js';
import type { Json } from '../model/json.js';
import { evalCondition, evalOne, evalTemplate, redactTemplate } from './evaluate.js';
import { drainInbox, produceEvent } from './events.js';
import type { ActionListProgress, Thread } from './instance-state.js';
import { mergeAt, mergeResult } from './merge.js';
import { retryDelay, retryPolicy } from './retry.js';
import type { StepContext } from './step-context.js';

/** `done` when every action ran; `blocked` while one waits for a timer, a call or an event. */
export type Progress = 'done' | 'blocked';

function fresh(): ActionListProgress {
  return { index: 0, phase: 'start', attempt: 1 };
}

function label(a: ActionDef, index: number): string {
  return a.name ?? a.functionRef?.refName ?? a.subFlowRef?.workflowId ?? a.eventRef?.triggerEventRef ?? `#${index}`;
}

/** Runs (or resumes) `actions` in order on `t`. Throws WorkflowError for a failure no retry covers. */
export function runActions(ctx: StepContext, t: Thread, actions: readonly ActionDef[]): Progress {
  for (;;) {
    const p = (t.acts ??= fresh());
    const a = actions[p.index];
    if (!a) return 'done';
    switch (p.phase) {
      case 'start':
        if (a.condition && !evalCondition(a.condition, t.data, ctx.vars(t))) {
          next(t, p);
          continue;
        }
        if (a.sleep?.before) {
          p.timer = ctx.startTimer(t.id, 'sleep', ctx.durationMs(a.sleep.before, t));
          p.phase = 'before';
          return 'blocked';
        }
        p.phase = 'issue';
        continue;
      case 'before':
      case 'after':
      case 'retry-wait':
        if (p.timer !== undefined) return 'blocked';
        p.phase = p.phase === 'after' ? 'apply' : 'issue';
        continue;
      case 'issue':
        if (issue(ctx, t, a, p) === 'blocked') return 'blocked';
        continue;
      case 'call':
        return 'blocked';
      case 'got':
        if (a.sleep?.after) {
          p.timer = ctx.startTimer(t.id, 'sleep', ctx.durationMs(a.sleep.after, t));
          p.phase = 'after';
          return 'blocked';
        }
        p.phase = 'apply';
        continue;
      case 'apply':
        if (!p.skip) apply(ctx, t, a, p.result ?? null);
        next(t, p);
        continue;
    }
  }
}

function next(t: Thread, p: ActionListProgress): void {
  t.acts = { index: p.index + 1, phase: 'start', attempt: 1, ...(p.last !== undefined ? { last: p.last } : {}) };
}

/** Starts the call of action `a`. Expression functions and async calls finish at once. */
function issue(ctx: StepContext, t: Thread, a: ActionDef, p: ActionListProgress): 'ready' | 'blocked' {
  const vars = ctx.vars(t);
  const filter = a.actionDataFilter;
  const input = filter.fromStateData ? evalOne(filter.fromStateData, t.data, vars) : t.data;
  const name = label(a, p.index);
  p.skip = false;
  if (a.functionRef) {
    const fn = ctx.def.functions.get(a.functionRef.refName)!;
    if (fn.invoker === 'expression' && fn.expr) {
      p.result = evalOne(fn.expr, input, vars);
      ctx.record('action.completed', { thread: t.id, state: t.state, action: name, data: { function: fn.name, result: p.result } });
      p.phase = 'got';
      return 'ready';
    }
    const tpl = a.functionRef.arguments;
    const args = tpl ? evalTemplate(tpl, input, vars) : {};
    const callId = ctx.newId('call-');
    const async = a.functionRef.invoke === 'async';
    ctx.commands.push({ type: 'invoke', callId, fn: fn.name, args, attempt: p.attempt, async });
    ctx.record('action.called', {
      thread: t.id,
      state: t.state,
      action: name,
      data: { callId, function: fn.name, attempt: p.attempt, args: tpl ? redactTemplate(tpl, args) : args },
    });
    if (async) {
      p.skip = true;
      p.phase = 'got';
      return 'ready';
    }
    ctx.s.calls[callId] = { thread: t.id, kind: 'function', name: fn.name, attempt: p.attempt, startedAt: ctx.now };
    return await_(ctx, t, p, callId);
  }
  if (a.subFlowRef) {
    const sub = a.subFlowRef;
    const callId = ctx.newId('call-');
    const wait = sub.invoke !== 'async';
    ctx.commands.push({ type: 'subflow.start', callId, workflowId: sub.workflowId, ...(sub.version ? { version: sub.version } : {}), input, wait });
    ctx.record('action.called', { thread: t.id, state: t.state, action: name, data: { callId, subflow: sub.workflowId } });
    if (!wait) {
      ctx.s.children.push({ callId, terminate: sub.onParentComplete === 'terminate' });
      p.skip = true;
      p.phase = 'got';
      return 'ready';
    }
    ctx.s.calls[callId] = { thread: t.id, kind: 'subflow', name: sub.workflowId, attempt: p.attempt, startedAt: ctx.now };
    return await_(ctx, t, p, callId);
  }
  const ev = a.eventRef!;
  produceEvent(ctx, { ...t, data: input }, { eventRef: ev.triggerEventRef, data: ev.data, contextAttributes: ev.contextAttributes });
  if (!ev.resultEventRef || ev.invoke === 'async') {
    p.skip = true;
    p.phase = 'got';
    return 'ready';
  }
  const callId = ctx.newId('call-');
  ctx.s.calls[callId] = { thread: t.id, kind: 'event', name: ev.resultEventRef, attempt: p.attempt, startedAt: ctx.now };
  const timeout = ev.resultEventTimeout ?? actionTimeout(ctx, t);
  p.call = callId;
  p.phase = 'call';
  if (timeout) p.actionTimer = ctx.startTimer(t.id, 'action-timeout', ctx.durationMs(timeout, t));
  drainInbox(ctx, t);
  return p.phase === 'call' ? 'blocked' : 'ready';
}

function actionTimeout(ctx: StepContext, t: Thread) {
  const st = ctx.def.states.get(t.state);
  return st?.timeouts.actionExecTimeout ?? ctx.def.timeouts.actionExecTimeout;
}

function await_(ctx: StepContext, t: Thread, p: ActionListProgress, callId: string): 'blocked' {
  p.call = callId;
  p.phase = 'call';
  const timeout = actionTimeout(ctx, t);
  if (timeout) p.actionTimer = ctx.startTimer(t.id, 'action-timeout', ctx.durationMs(timeout, t));
  return 'blocked';
}

/** Applies a result to the thread's data through the action data filter. */
function apply(ctx: StepContext, t: Thread, a: ActionDef, result: Json): void {
  const f = a.actionDataFilter;
  if (!f.useResults) return;
  const r = f.results ? evalOne(f.results, result, ctx.vars(t)) : result;
  const path = f.toStateData ? [...f.toStateData.path] : null;
  t.data = path ? mergeAt(t.data, path, r) : mergeResult(r, t.data);
  t.merges?.push({ path, value: r });
  t.acts!.last = r;
}

/** A call of `t` returned. `status`/`headers` become `$WORKFLOW.statusCode` / `responseHeaders`. */
export function callSucceeded(ctx: StepContext, t: Thread, callId: string, outcome: CallOutcome): void {
  const p = t.acts;
  if (!p) return;
  const result = outcome.body;
  if (outcome.status !== undefined) ctx.s.lastResponse = { statusCode: outcome.status, headers: outcome.headers ?? {} };
  ctx.cancelTimer(p.actionTimer);
  p.actionTimer = undefined;
  p.call = undefined;
  p.result = result;
  p.phase = 'got';
  ctx.record('action.completed', { thread: t.id, state: t.state, data: { callId, result } });
  ctx.wake(t.id);
}

/**
 * A call of `t` failed (or timed out): schedule a retry when the action's policy allows another
 * attempt, else throw the error into the state.
 */
export function callFailed(ctx: StepContext, t: Thread, actions: readonly ActionDef[], err: ErrorInfo): void {
  const p = t.acts;
  if (!p) return;
  ctx.cancelTimer(p.actionTimer);
  ctx.cancelCall(p.call);
  p.actionTimer = undefined;
  p.call = undefined;
  const a = actions[p.index];
  const policy = a ? retryPolicy(ctx.def, a, err) : undefined;
  if (a && policy && p.attempt < policy.maxAttempts) {
    const delay = retryDelay(policy, p.attempt, `${ctx.s.id}:${t.id}:${p.index}`);
    ctx.record('action.retrying', { thread: t.id, state: t.state, action: label(a, p.index), data: { attempt: p.attempt, delayMs: delay, code: err.code, message: err.message } });
    p.attempt += 1;
    p.timer = ctx.startTimer(t.id, 'retry', delay);
    p.phase = 'retry-wait';
    return;
  }
  ctx.record('action.failed', { thread: t.id, state: t.state, action: a ? label(a, p.index) : undefined, data: err as unknown as Json });
  throw new WorkflowError({ code: err.code, name: err.name, message: err.message, details: err.details, retryable: false });
}

/**
 * Recovery after a restart: a call this thread waited for may never report back (the process died
 * after issuing it). The call is issued again with the same attempt number (at-least-once). Subflow
 * calls whose child instance exists (`live`) are left waiting for it.
 */
export function reissueCall(ctx: StepContext, t: Thread, live: ReadonlySet<string>): void {
  const p = t.acts;
  const call = p?.call ? ctx.s.calls[p.call] : undefined;
  if (!p || !call || call.kind === 'event' || live.has(p.call!)) return;
  delete ctx.s.calls[p.call!];
  ctx.cancelTimer(p.actionTimer);
  p.actionTimer = undefined;
  p.call = undefined;
  p.phase = 'issue';
  ctx.record('action.retrying', { thread: t.id, state: t.state, data: { attempt: p.attempt, reason: 'recovered after a restart' } });
  ctx.wake(t.id);
}
