/** Walks the places of a normalized state that the semantic checks visit: exits and actions, with pointers. */
import type { ActionDef, Exit, StateDef } from '../model/definition.js';
import type { SemanticContext } from './semantic.js';

/** One place control can leave a state from, and its pointer. */
export interface ExitSite {
  readonly exit: Exit;
  readonly pointer: string;
  readonly kind: 'state' | 'condition' | 'default' | 'onError';
}

/**
 * Every exit of a state: the state's own `transition`/`end` (not for switch states), each data or
 * event condition, the switch `defaultCondition`, and each `onErrors` entry.
 */
export function exitsOf(state: StateDef): ExitSite[] {
  const p = state.pointer;
  const out: ExitSite[] = [];
  if (state.type === 'switch') {
    state.dataConditions.forEach((c, i) => out.push({ exit: c, pointer: `${p}/dataConditions/${i}`, kind: 'condition' }));
    state.eventConditions.forEach((c, i) => out.push({ exit: c, pointer: `${p}/eventConditions/${i}`, kind: 'condition' }));
    out.push({ exit: state.defaultCondition, pointer: `${p}/defaultCondition`, kind: 'default' });
  } else {
    out.push({ exit: state, pointer: p, kind: 'state' });
  }
  state.onErrors.forEach((h, i) => out.push({ exit: h, pointer: `${p}/onErrors/${i}`, kind: 'onError' }));
  return out;
}

/** Names of the states an exit can lead to (its transition target, if any). */
export function targetsOf(state: StateDef): string[] {
  const out = exitsOf(state).flatMap((s) => (s.exit.transition ? [s.exit.transition.nextState] : []));
  if (state.type === 'switch' && state.transition) out.push(state.transition.nextState);
  return out;
}

/** Every action of a state (operation, event, callback, parallel branches, foreach). */
export function actionsOf(state: StateDef): ActionDef[] {
  switch (state.type) {
    case 'operation':
    case 'foreach':
      return [...state.actions];
    case 'event':
      return state.onEvents.flatMap((o) => o.actions);
    case 'callback':
      return [state.action];
    case 'parallel':
      return state.branches.flatMap((b) => b.actions);
    default:
      return [];
  }
}

/**
 * Pointer of a transition's target name: `<exit>/transition` when written as a string,
 * `<exit>/transition/nextState` when written as an object.
 */
export function transitionPointer(ctx: SemanticContext, exitPointer: string): string {
  const raw = ctx.valueAt(`${exitPointer}/transition`);
  return typeof raw === 'object' && raw !== null ? `${exitPointer}/transition/nextState` : `${exitPointer}/transition`;
}

/** Pointer of a reference written either as a string or as an object with `key`. */
export function refPointer(ctx: SemanticContext, pointer: string, key: string): string {
  const raw = ctx.valueAt(pointer);
  return typeof raw === 'object' && raw !== null ? `${pointer}/${key}` : pointer;
}
