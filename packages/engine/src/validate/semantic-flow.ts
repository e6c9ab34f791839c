/**
 * Control-flow checks: switch condition kinds, exactly one of `transition`/`end` per exit (spec 0.8
 * §State Definition, checklist §4.2), states reachable from `start`, and some way to end.
 */
import type { Exit, StateDef } from '../model/definition.js';
import type { SemanticContext } from './semantic.js';
import { exitsOf, targetsOf } from './semantic-walk.js';

/** Runs the control-flow checks. @internal */
export function checkFlow(ctx: SemanticContext): void {
  for (const state of ctx.input.def.states.values()) {
    if (state.type === 'switch') checkSwitch(ctx, state);
    for (const site of exitsOf(state)) {
      if (site.kind === 'state') checkStateExit(ctx, state);
      else checkExit(ctx, site.exit, site.kind === 'default' && ctx.valueAt(site.pointer) === undefined ? state.pointer : site.pointer, site.kind);
    }
  }
  checkReachability(ctx);
}

function checkSwitch(ctx: SemanticContext, state: Extract<StateDef, { type: 'switch' }>): void {
  const data = state.dataConditions.length > 0;
  const events = state.eventConditions.length > 0;
  if (data && events) {
    ctx.error('SWITCH_CONDITIONS', `switch state "${state.name}" has both dataConditions and eventConditions; use one kind`, state.pointer);
  } else if (!data && !events) {
    ctx.error('SWITCH_CONDITIONS', `switch state "${state.name}" has neither dataConditions nor eventConditions`, state.pointer);
  }
  if (state.transition || state.end) {
    ctx.error(
      'TRANSITION_OR_END',
      `switch state "${state.name}" cannot have its own transition or end; its conditions and defaultCondition say where to go`,
      state.pointer,
    );
  }
}

/**
 * A state needs exactly one of `transition` and `end`. Compensation states may have neither: the
 * compensation chain ends there (spec 0.8 §Workflow Compensation).
 */
function checkStateExit(ctx: SemanticContext, state: StateDef): void {
  if (state.transition && state.end) {
    ctx.error('TRANSITION_OR_END', `state "${state.name}" has both transition and end; keep one`, state.pointer);
  } else if (!state.transition && !state.end && !state.usedForCompensation) {
    ctx.error('TRANSITION_OR_END', `state "${state.name}" has neither transition nor end`, state.pointer);
  }
}

function checkExit(ctx: SemanticContext, exit: Exit, pointer: string, kind: string): void {
  const what = kind === 'onError' ? 'error handler' : kind === 'default' ? 'defaultCondition' : 'condition';
  if (exit.transition && exit.end) ctx.error('TRANSITION_OR_END', `this ${what} has both transition and end; keep one`, pointer);
  else if (!exit.transition && !exit.end) ctx.error('TRANSITION_OR_END', `this ${what} has neither transition nor end`, pointer);
}

/**
 * Walks from `start` (and `workflowExecTimeout.runBefore`) along every transition, error handler and
 * `compensatedBy`. Unvisited states are warned about; if no visited normal state can end the run, and
 * the workflow is not `keepActive`, that is an error. Skipped when `start` does not resolve; the
 * end check is also skipped when a reached transition names an unknown state.
 */
function checkReachability(ctx: SemanticContext): void {
  const { def } = ctx.input;
  if (!def.states.has(def.start)) return;
  const seen = new Set<string>();
  let brokenEdge = false;
  const queue = [def.start];
  const runBefore = def.timeouts.workflowExecTimeout?.runBefore;
  if (runBefore !== undefined && def.states.has(runBefore)) queue.push(runBefore);
  while (queue.length > 0) {
    const name = queue.pop()!;
    const state = def.states.get(name);
    if (!state) brokenEdge = true;
    if (!state || seen.has(name)) continue;
    seen.add(name);
    queue.push(...targetsOf(state));
    if (state.compensatedBy !== undefined) queue.push(state.compensatedBy);
  }
  for (const state of def.states.values()) {
    if (!seen.has(state.name)) {
      ctx.warn('UNREACHABLE_STATE', `state "${state.name}" is never reached from the start state "${def.start}"`, state.pointer);
    }
  }
  // A transition to an unknown (already reported) state may have been meant to lead to the end.
  if (def.keepActive || brokenEdge) return;
  const canEnd = [...seen].some((name) => {
    const state = def.states.get(name)!;
    return !state.usedForCompensation && exitsOf(state).some((s) => s.exit.end !== undefined);
  });
  if (!canEnd) {
    ctx.error('NO_END', `no state reachable from "${def.start}" has an end, so the workflow can never complete (set keepActive if that is intended)`, '/states');
  }
}
