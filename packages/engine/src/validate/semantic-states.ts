/**
 * Per-state-type rules the schema cannot express: foreach `iterationParam` names, parallel
 * `completionType`/`numCompleted`, and event states that have something to wait for.
 */
import { WORKFLOW_VARIABLES } from '../expr/compile.js';
import type { StateDef } from '../model/definition.js';
import type { SemanticContext } from './semantic.js';

/** Runs the per-type checks. @internal */
export function checkStateRules(ctx: SemanticContext): void {
  for (const state of ctx.input.def.states.values()) {
    if (state.type === 'foreach') checkForEach(ctx, state);
    else if (state.type === 'parallel') checkParallel(ctx, state);
    else if (state.type === 'event') checkEventState(ctx, state);
  }
}

/**
 * The iteration parameter is a jq variable (`$item`, checklist §3.10), so it must be a jq identifier.
 * Using a workflow variable's name hides that variable inside the loop: a warning.
 */
function checkForEach(ctx: SemanticContext, state: Extract<StateDef, { type: 'foreach' }>): void {
  const name = state.iterationParam;
  const at = ctx.valueAt(`${state.pointer}/iterationParam`) === undefined ? state.pointer : `${state.pointer}/iterationParam`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    ctx.error('FOREACH_PARAM', `iterationParam "${name}" is not a jq variable name (letters, digits and _; not starting with a digit)`, at);
  } else if ((WORKFLOW_VARIABLES as readonly string[]).includes(name)) {
    ctx.warn('FOREACH_PARAM', `iterationParam "${name}" shadows the workflow variable $${name} inside the loop`, at);
  }
}

function checkParallel(ctx: SemanticContext, state: Extract<StateDef, { type: 'parallel' }>): void {
  const p = state.pointer;
  const n = state.numCompleted;
  if (state.completionType === 'atLeast') {
    if (n === undefined) {
      ctx.error('PARALLEL_COMPLETION', `parallel state "${state.name}" has completionType atLeast but no numCompleted`, p);
    } else if (typeof n === 'number' && n > state.branches.length) {
      ctx.error(
        'PARALLEL_COMPLETION',
        `numCompleted is ${n} but parallel state "${state.name}" has only ${state.branches.length} branch(es), so it can never complete`,
        `${p}/numCompleted`,
      );
    }
  } else if (n !== undefined) {
    ctx.warn('PARALLEL_COMPLETION', `numCompleted is ignored unless completionType is atLeast`, `${p}/numCompleted`);
  }
}

/** An event state must wait for something, and for at least one event that is consumed. */
function checkEventState(ctx: SemanticContext, state: Extract<StateDef, { type: 'event' }>): void {
  const p = state.pointer;
  if (state.onEvents.length === 0) {
    ctx.error('EVENT_STATE', `event state "${state.name}" has no onEvents`, p);
    return;
  }
  state.onEvents.forEach((o, i) => {
    if (o.eventRefs.length === 0) ctx.error('EVENT_STATE', `onEvents entry ${i} of "${state.name}" names no events (eventRefs)`, `${p}/onEvents/${i}`);
  });
  const { events } = ctx.input.def;
  const refs = state.onEvents.flatMap((o) => o.eventRefs).filter((n) => events.has(n));
  if (refs.length > 0 && refs.every((n) => events.get(n)!.kind !== 'consumed')) {
    ctx.error('EVENT_STATE', `event state "${state.name}" waits only for produced events, so it can never continue`, p);
  }
}
