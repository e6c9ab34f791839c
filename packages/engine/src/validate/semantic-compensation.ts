/**
 * Compensation rules (spec 0.8 §Workflow Compensation; checklist §14.1): compensating states are
 * marked `usedForCompensation`, are not event states, are reached only through `compensatedBy` or
 * from other compensation states, lead only to compensation states, and are not compensated themselves.
 */
import type { SemanticContext } from './semantic.js';
import { exitsOf, transitionPointer } from './semantic-walk.js';

/** Runs the compensation checks. @internal */
export function checkCompensation(ctx: SemanticContext): void {
  const { def } = ctx.input;
  const start = def.states.get(def.start);
  if (start?.usedForCompensation) {
    ctx.error('COMPENSATION', `the start state "${start.name}" cannot be a compensation state (usedForCompensation)`, start.pointer);
  }
  for (const state of def.states.values()) {
    const p = state.pointer;
    if (state.usedForCompensation && state.type === 'event') {
      ctx.error('COMPENSATION', `event state "${state.name}" cannot be used for compensation`, `${p}/usedForCompensation`);
    }
    if (state.compensatedBy !== undefined) {
      const at = `${p}/compensatedBy`;
      const target = def.states.get(state.compensatedBy);
      if (state.usedForCompensation) {
        ctx.error('COMPENSATION', `compensation state "${state.name}" cannot itself define compensatedBy (no recursive compensation)`, at);
      } else if (state.compensatedBy === state.name) {
        ctx.error('COMPENSATION', `state "${state.name}" cannot compensate itself`, at);
      } else if (target && target.type === 'event') {
        ctx.error('COMPENSATION', `compensatedBy names event state "${target.name}"; event states cannot compensate`, at);
      } else if (target && !target.usedForCompensation) {
        ctx.error('COMPENSATION', `compensatedBy names "${target.name}", which is not marked usedForCompensation: true`, at);
      }
    }
    for (const site of exitsOf(state)) {
      const next = site.exit.transition?.nextState;
      const target = next === undefined ? undefined : def.states.get(next);
      if (!target) continue;
      const at = transitionPointer(ctx, site.pointer);
      if (!state.usedForCompensation && target.usedForCompensation) {
        ctx.error('COMPENSATION', `"${state.name}" transitions to compensation state "${target.name}"; compensation states are reached only through compensatedBy`, at);
      } else if (state.usedForCompensation && !target.usedForCompensation) {
        ctx.error('COMPENSATION', `compensation state "${state.name}" may only transition to other compensation states, not "${target.name}"`, at);
      }
    }
  }
}
