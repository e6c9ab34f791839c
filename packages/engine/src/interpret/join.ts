/**
 * Concurrent work inside a state: parallel branches, foreach iterations and parallel actions run as
 * child threads on their own view of the data. Their merges are replayed on the parent's data in
 * definition order once the join completes (deterministic, whatever order they finished in).
 */
import type { ErrorInfo } from '../errors/workflow-error.js';
import type { ActionDef, ForEachState, OperationState, ParallelState, StateDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import { runActions } from './actions.js';
import type { Thread } from './instance-state.js';
import { mergeAt, mergeResult } from './merge.js';
import type { StepContext } from './step-context.js';
import { cancelThread, spawnChild } from './threads.js';

/** The action list a child thread runs. */
export function childActions(ctx: StepContext, t: Thread): readonly ActionDef[] {
  const st = ctx.def.states.get(t.state) as StateDef;
  const task = t.task!;
  if (task.kind === 'branch') return (st as ParallelState).branches[task.index]!.actions;
  if (task.kind === 'iteration') return (st as ForEachState).actions;
  const list = task.onEvents !== undefined && st.type === 'event' ? st.onEvents[task.onEvents]!.actions : (st as OperationState).actions;
  return [list[task.index]!];
}

/** Runs a child thread; reports to the parent when its list is done. */
export function driveChild(ctx: StepContext, t: Thread): void {
  if (runActions(ctx, t, childActions(ctx, t)) === 'blocked') return;
  const parent = ctx.s.threads[t.parent!];
  const value: Json = t.task!.kind === 'iteration' ? (t.acts?.last ?? null) : ((t.merges ?? []) as unknown as Json);
  finishChild(ctx, t, parent, { value });
}

/** A child failed: its parent's state sees the error. */
export function failChild(ctx: StepContext, t: Thread, error: ErrorInfo): void {
  finishChild(ctx, t, ctx.s.threads[t.parent!], { error });
}

function finishChild(ctx: StepContext, t: Thread, parent: Thread | undefined, out: { value?: Json; error?: ErrorInfo }): void {
  cancelThread(ctx, t);
  if (!parent || parent.stage.kind !== 'join') return;
  parent.children = (parent.children ?? []).filter((id) => id !== t.id);
  const stage = parent.stage;
  if (out.error) {
    stage.failed = out.error;
    ctx.wake(parent.id);
    return;
  }
  stage.results[t.task!.index] = out.value ?? null;
  stage.done += 1;
  if (stage.items && stage.next < stage.items.length) startIteration(ctx, parent);
  ctx.wake(parent.id);
}

/** Starts the children of a join stage: all branches/actions, or the first batch of a foreach. */
export function startJoin(
  ctx: StepContext,
  t: Thread,
  opts: { kind: 'branch' | 'action'; count: number; need: number; onEvents?: number } | { kind: 'iteration'; items: Json[]; batch: number },
): void {
  if (opts.kind === 'iteration') {
    t.stage = { kind: 'join', results: opts.items.map(() => null), done: 0, total: opts.items.length, need: opts.items.length, next: 0, items: opts.items, batch: opts.batch };
    for (let i = 0; i < opts.batch && i < opts.items.length; i++) startIteration(ctx, t);
    return;
  }
  t.stage = { kind: 'join', results: Array.from({ length: opts.count }, () => null), done: 0, total: opts.count, need: opts.need, next: opts.count };
  for (let i = 0; i < opts.count; i++) {
    const task = opts.kind === 'action' ? { kind: 'action' as const, index: i, ...(opts.onEvents !== undefined ? { onEvents: opts.onEvents } : {}) } : { kind: 'branch' as const, index: i };
    const child = spawnChild(ctx, t, task, t.data);
    if (opts.kind === 'branch') startBranchTimer(ctx, t, child, i);
  }
}

function startBranchTimer(ctx: StepContext, parent: Thread, child: Thread, index: number): void {
  const st = ctx.def.states.get(parent.state) as ParallelState;
  const limit = st.branches[index]?.timeouts.branchExecTimeout ?? st.timeouts.branchExecTimeout ?? ctx.def.timeouts.branchExecTimeout;
  if (limit) ctx.startTimer(child.id, 'branch-timeout', ctx.durationMs(limit, parent));
}

function startIteration(ctx: StepContext, t: Thread): void {
  const stage = t.stage;
  if (stage.kind !== 'join' || !stage.items) return;
  const st = ctx.def.states.get(t.state) as ForEachState;
  const index = stage.next;
  stage.next += 1;
  spawnChild(ctx, t, { kind: 'iteration', index }, t.data, { [st.iterationParam]: stage.items[index]! });
}

/**
 * Checks a join stage: `failed` (error to raise), `done` (merges applied), or `waiting`. On `done`
 * children still running (`atLeast`) are cancelled.
 */
export function checkJoin(ctx: StepContext, t: Thread): { failed: ErrorInfo } | 'done' | 'waiting' {
  const stage = t.stage;
  if (stage.kind !== 'join') return 'waiting';
  if (stage.failed) return { failed: stage.failed };
  if (stage.done < stage.need) return 'waiting';
  for (const id of t.children ?? []) {
    const c = ctx.s.threads[id];
    if (c) cancelThread(ctx, c);
  }
  t.children = undefined;
  if (!stage.items) {
    for (const merges of stage.results) {
      if (!Array.isArray(merges)) continue;
      for (const m of merges as unknown as { path: string[] | null; value: Json }[]) {
        t.data = m.path ? mergeAt(t.data, m.path, m.value) : mergeResult(m.value, t.data);
      }
    }
  }
  return 'done';
}
