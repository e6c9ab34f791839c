/**
 * Driving the main thread through one state at a time (spec 0.8 §State Definitions): each handler
 * either finishes its state with an Exit or leaves the thread waiting on a recorded timer, call,
 * event or child thread.
 */
import { WorkflowError } from '../errors/workflow-error.js';
import type { CallbackState, EventDataFilter, EventState, Exit, ForEachState, OperationState, ParallelState, StateDef, SwitchState } from '../model/definition.js';
import type { Json } from '../model/json.js';
import { runActions } from './actions.js';
import { evalCondition, evalOne } from './evaluate.js';
import { drainInbox } from './events.js';
import { handlesTimeout, leaveState, raise } from './flow.js';
import type { Thread } from './instance-state.js';
import { checkJoin, startJoin } from './join.js';
import { mergeAt, mergeResult } from './merge.js';
import type { StepContext } from './step-context.js';
import { ended } from './threads.js';

/** Runs the main thread until it waits or the instance ends. */
export function driveMain(ctx: StepContext, t: Thread): void {
  while (!ended(ctx) && ctx.s.threads[t.id] === t && t.stage.kind !== 'done') {
    const st = ctx.def.states.get(t.state)!;
    const exit = driveState(ctx, t, st);
    if (exit === undefined) return;
    leaveState(ctx, t, exit, true);
  }
}

function driveState(ctx: StepContext, t: Thread, st: StateDef): Exit | undefined {
  switch (st.type) {
    case 'operation':
      return operation(ctx, t, st);
    case 'switch':
      return switchState(ctx, t, st);
    case 'sleep':
      if (t.stage.kind === 'enter') {
        t.stage = { kind: 'sleep', timer: ctx.startTimer(t.id, 'sleep', ctx.durationMs(st.duration, t)) };
        return undefined;
      }
      return t.stage.kind === 'exit' ? st : undefined;
    case 'inject':
      t.data = mergeResult(st.data, t.data);
      return st;
    case 'event':
      return eventState(ctx, t, st);
    case 'callback':
      return callback(ctx, t, st);
    case 'parallel':
      return parallel(ctx, t, st);
    case 'foreach':
      return foreach(ctx, t, st);
  }
}

function joined(ctx: StepContext, t: Thread): boolean {
  const r = checkJoin(ctx, t);
  if (r === 'waiting') return false;
  if (r !== 'done') {
    raise(ctx, t, r.failed);
    return false;
  }
  return true;
}

function operation(ctx: StepContext, t: Thread, st: OperationState): Exit | undefined {
  if (t.stage.kind === 'enter') {
    if (st.actionMode === 'parallel' && st.actions.length > 1) {
      startJoin(ctx, t, { kind: 'action', count: st.actions.length, need: st.actions.length });
      return undefined;
    }
    t.stage = { kind: 'actions' };
  }
  if (t.stage.kind === 'join') return joined(ctx, t) ? st : undefined;
  return runActions(ctx, t, st.actions) === 'done' ? st : undefined;
}

function switchState(ctx: StepContext, t: Thread, st: SwitchState): Exit | undefined {
  if (st.eventConditions.length === 0) {
    const vars = ctx.vars(t);
    return st.dataConditions.find((c) => evalCondition(c.condition, t.data, vars)) ?? st.defaultCondition;
  }
  if (t.stage.kind === 'enter') {
    waitFor(ctx, t, st, [...new Set(st.eventConditions.map((c) => c.eventRef))], false);
    return undefined;
  }
  if (t.stage.kind === 'timed-out') return timedOutExit(ctx, t, st.defaultCondition);
  if (t.stage.kind !== 'wait-event') return undefined;
  const got = t.stage.got;
  const cond = st.eventConditions.find((c) => c.eventRef in got);
  if (!cond) return undefined;
  applyEventData(ctx, t, cond.eventDataFilter, got[cond.eventRef]!);
  return cond;
}

function eventState(ctx: StepContext, t: Thread, st: EventState): Exit | undefined {
  if (t.stage.kind === 'enter') {
    waitFor(ctx, t, st, [...new Set(st.onEvents.flatMap((o) => o.eventRefs))], false);
    return undefined;
  }
  if (t.stage.kind === 'timed-out') return timedOutExit(ctx, t, st);
  if (t.stage.kind === 'wait-event') {
    const got = t.stage.got;
    const ready = st.exclusive ? Object.keys(got).length > 0 : t.stage.refs.every((r) => r in got);
    if (!ready) return undefined;
    const which = st.onEvents.map((o, i) => ({ o, i })).filter(({ o }) => o.eventRefs.some((r) => r in got));
    const chosen = st.exclusive ? which.slice(0, 1) : which;
    for (const { o } of chosen) for (const r of o.eventRefs) if (r in got) applyEventData(ctx, t, o.eventDataFilter, got[r]!);
    ctx.cancelTimer(t.stage.timer);
    t.stage = { kind: 'actions', onEvents: chosen[0]?.i ?? 0 };
    t.pendingOnEvents = chosen.slice(1).map(({ i }) => i);
  }
  while (t.stage.kind === 'actions' || t.stage.kind === 'join') {
    const idx = t.stage.kind === 'actions' ? (t.stage.onEvents ?? 0) : (t.onEventsIndex ?? 0);
    const on = st.onEvents[idx]!;
    if (t.stage.kind === 'actions' && on.actionMode === 'parallel' && on.actions.length > 1 && !t.acts) {
      t.onEventsIndex = idx;
      startJoin(ctx, t, { kind: 'action', count: on.actions.length, need: on.actions.length, onEvents: idx });
      return undefined;
    }
    const done = t.stage.kind === 'join' ? joined(ctx, t) : runActions(ctx, t, on.actions) === 'done';
    if (!done) return undefined;
    const nextIdx = t.pendingOnEvents?.shift();
    if (nextIdx === undefined) break;
    t.acts = undefined;
    t.stage = { kind: 'actions', onEvents: nextIdx };
  }
  t.pendingOnEvents = undefined;
  t.onEventsIndex = undefined;
  return st;
}

function callback(ctx: StepContext, t: Thread, st: CallbackState): Exit | undefined {
  if (t.stage.kind === 'enter') t.stage = { kind: 'actions', callback: true };
  if (t.stage.kind === 'actions') {
    if (runActions(ctx, t, [st.action]) === 'blocked') return undefined;
    t.acts = undefined;
    waitFor(ctx, t, st, [st.eventRef], true);
    return undefined;
  }
  if (t.stage.kind === 'timed-out') return timedOutExit(ctx, t, st);
  if (t.stage.kind !== 'wait-event' || !(st.eventRef in t.stage.got)) return undefined;
  applyEventData(ctx, t, st.eventDataFilter, t.stage.got[st.eventRef]!);
  return st;
}

function parallel(ctx: StepContext, t: Thread, st: ParallelState): Exit | undefined {
  if (t.stage.kind === 'enter') {
    const total = st.branches.length;
    let need = total;
    if (st.completionType === 'atLeast' && st.numCompleted !== undefined) {
      const n = typeof st.numCompleted === 'number' ? st.numCompleted : Number(evalOne(st.numCompleted, t.data, ctx.vars(t)));
      need = Math.max(0, Math.min(total, Number.isFinite(n) ? Math.floor(n) : total));
    }
    startJoin(ctx, t, { kind: 'branch', count: total, need });
    if (total === 0) return st;
    return undefined;
  }
  return joined(ctx, t) ? st : undefined;
}

function foreach(ctx: StepContext, t: Thread, st: ForEachState): Exit | undefined {
  if (t.stage.kind === 'enter') {
    const items = evalOne(st.inputCollection, t.data, ctx.vars(t));
    if (!Array.isArray(items)) {
      throw new WorkflowError({
        code: 'NOT_A_COLLECTION',
        message: `inputCollection ${JSON.stringify(st.inputCollection.text)} gave ${items === null ? 'null' : typeof items}, not an array`,
        retryable: false,
      });
    }
    let batch = items.length;
    if (st.mode === 'sequential') batch = 1;
    else if (st.batchSize !== undefined) {
      const n = typeof st.batchSize === 'number' ? st.batchSize : Number(evalOne(st.batchSize, t.data, ctx.vars(t)));
      if (Number.isFinite(n) && n >= 1) batch = Math.floor(n);
    }
    startJoin(ctx, t, { kind: 'iteration', items, batch });
    if (items.length > 0) return undefined;
  }
  if (t.stage.kind === 'join' && !joined(ctx, t)) return undefined;
  const results = t.stage.kind === 'join' ? t.stage.results : [];
  if (st.outputCollection) t.data = mergeAt(t.data, [...st.outputCollection.path], results as Json);
  return st;
}

/** Starts waiting for `refs` with the state's (or workflow's) event timeout. */
function waitFor(ctx: StepContext, t: Thread, st: StateDef, refs: string[], callbackWait: boolean): void {
  const limit = st.timeouts.eventTimeout ?? ctx.def.timeouts.eventTimeout;
  t.stage = { kind: 'wait-event', refs, got: {}, ...(callbackWait ? { callback: true } : {}) };
  if (limit) t.stage.timer = ctx.startTimer(t.id, 'event-timeout', ctx.durationMs(limit, t));
  drainInbox(ctx, t);
}

/** Event timeout (spec 0.8 §eventTimeout; SonataFlow raises `TimedOut` when a handler wants it). */
function timedOutExit(ctx: StepContext, t: Thread, fallback: Exit): Exit | undefined {
  if (handlesTimeout(ctx, t)) {
    raise(ctx, t, { code: 'TimedOut', name: 'TimedOut', message: `eventTimeout expired in state ${t.state}` });
    return undefined;
  }
  return fallback;
}

/** Event data filter (spec 0.8 §Event data filters): `data`, `useData`, `toStateData`, merged like results. */
function applyEventData(ctx: StepContext, t: Thread, f: EventDataFilter, payload: Json): void {
  if (!f.useData) return;
  const v = f.data ? evalOne(f.data, payload, ctx.vars(t)) : payload;
  t.data = f.toStateData ? mergeAt(t.data, [...f.toStateData.path], v) : mergeResult(v, t.data);
}
