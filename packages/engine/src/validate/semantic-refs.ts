/**
 * Name checks: unique names, and every reference to a state, function, event, error or retry
 * resolves (spec 0.8 §Workflow Definition "unique names"; checklist §16.4). Event kinds are checked
 * too: publishing needs a produced event, waiting needs a consumed one.
 */
import type { EventDef, StateDef } from '../model/definition.js';
import type { NamedEntry, SemanticContext } from './semantic.js';
import { didYouMean } from './semantic-suggest.js';
import { actionsOf, exitsOf, refPointer, transitionPointer } from './semantic-walk.js';

/** Runs the name and reference checks. @internal */
export function checkReferences(ctx: SemanticContext): void {
  const { entries, def } = ctx.input;
  duplicates(ctx, entries.states, 'state');
  duplicates(ctx, entries.functions, 'function');
  duplicates(ctx, entries.events, 'event');
  duplicates(ctx, entries.errors, 'error');
  duplicates(ctx, entries.retries, 'retry');

  const states = ctx.known.states;
  const unknownState = (name: string, pointer: string, what: string): void => {
    if (!states.has(name)) ctx.error('UNKNOWN_STATE', `${what} names unknown state "${name}"${didYouMean(name, states)}`, pointer);
  };
  if (def.start !== '' || states.size > 0) unknownState(def.start, refPointer(ctx, '/start', 'stateName'), 'start');
  const runBefore = def.timeouts.workflowExecTimeout?.runBefore;
  if (runBefore !== undefined) {
    const p = typeof ctx.valueAt('/timeouts') === 'object' ? '/timeouts/workflowExecTimeout/runBefore' : '/timeouts';
    unknownState(runBefore, p, 'workflowExecTimeout.runBefore');
  }
  for (const state of def.states.values()) {
    for (const site of exitsOf(state)) {
      const t = site.exit.transition;
      if (t) unknownState(t.nextState, transitionPointer(ctx, site.pointer), 'transition');
      const produce = site.exit.transition?.produceEvents ?? site.exit.end?.produceEvents ?? [];
      const base = site.exit.transition ? `${site.pointer}/transition` : `${site.pointer}/end`;
      produce.forEach((e, i) => eventRef(ctx, e.eventRef, `${base}/produceEvents/${i}/eventRef`, 'produced', 'published by produceEvents'));
    }
    if (state.compensatedBy !== undefined) unknownState(state.compensatedBy, `${state.pointer}/compensatedBy`, 'compensatedBy');
    checkStateRefs(ctx, state);
  }
}

function duplicates(ctx: SemanticContext, entries: readonly NamedEntry[], what: string): void {
  const first = new Map<string, NamedEntry>();
  for (const e of entries) {
    const seen = first.get(e.name);
    if (!seen) first.set(e.name, e);
    else {
      const where = seen.doc === e.doc ? seen.pointer : `${seen.doc.file}#${seen.pointer}`;
      ctx.error('DUPLICATE_NAME', `${what} name "${e.name}" is already used at ${where}`, e.pointer, e.doc);
    }
  }
}

function eventRef(ctx: SemanticContext, name: string, pointer: string, need: EventDef['kind'], use: string): void {
  const { events } = ctx.input.def;
  if (!ctx.known.events.has(name)) {
    ctx.error('UNKNOWN_EVENT', `event "${name}" is not defined${didYouMean(name, ctx.known.events)}`, pointer);
    return;
  }
  const def = events.get(name);
  if (def && def.kind !== need) {
    ctx.warn('EVENT_KIND', `event "${name}" is ${def.kind} but is ${use}, which needs a ${need} event`, pointer);
  }
}

function checkStateRefs(ctx: SemanticContext, state: StateDef): void {
  const p = state.pointer;
  state.onErrors.forEach((h, i) => {
    const single = ctx.valueAt(`${p}/onErrors/${i}/errorRef`) !== undefined;
    h.errorRefs.forEach((name, j) => {
      const at = single ? `${p}/onErrors/${i}/errorRef` : `${p}/onErrors/${i}/errorRefs/${j}`;
      errorRef(ctx, name, at);
    });
  });
  for (const action of actionsOf(state)) {
    const ap = action.pointer;
    const fn = action.functionRef?.refName;
    if (fn !== undefined && !ctx.known.functions.has(fn)) {
      ctx.error('UNKNOWN_FUNCTION', `function "${fn}" is not defined${didYouMean(fn, ctx.known.functions)}`, refPointer(ctx, `${ap}/functionRef`, 'refName'));
    }
    const er = action.eventRef;
    if (er) {
      eventRef(ctx, er.triggerEventRef, `${ap}/eventRef/triggerEventRef`, 'produced', 'published by an action');
      if (er.resultEventRef !== undefined) eventRef(ctx, er.resultEventRef, `${ap}/eventRef/resultEventRef`, 'consumed', 'awaited by an action');
    }
    if (action.retryRef !== undefined && !ctx.known.retries.has(action.retryRef)) {
      ctx.error('UNKNOWN_RETRY', `retry "${action.retryRef}" is not defined${didYouMean(action.retryRef, ctx.known.retries)}`, `${ap}/retryRef`);
    }
    action.retryableErrors?.forEach((n, j) => errorRef(ctx, n, `${ap}/retryableErrors/${j}`));
    action.nonRetryableErrors?.forEach((n, j) => errorRef(ctx, n, `${ap}/nonRetryableErrors/${j}`));
  }
  if (state.type === 'event') {
    state.onEvents.forEach((o, i) =>
      o.eventRefs.forEach((n, j) => eventRef(ctx, n, `${p}/onEvents/${i}/eventRefs/${j}`, 'consumed', 'awaited by an event state')),
    );
  } else if (state.type === 'callback' && state.eventRef !== '') {
    eventRef(ctx, state.eventRef, `${p}/eventRef`, 'consumed', 'awaited by a callback state');
  } else if (state.type === 'switch') {
    state.eventConditions.forEach((c, i) => eventRef(ctx, c.eventRef, `${p}/eventConditions/${i}/eventRef`, 'consumed', 'awaited by an event condition'));
  }
}

function errorRef(ctx: SemanticContext, name: string, pointer: string): void {
  if (!ctx.known.errors.has(name)) {
    ctx.error('UNKNOWN_ERROR', `error "${name}" is not defined${didYouMean(name, ctx.known.errors)}`, pointer);
  }
}
