/**
 * Per-type parts of a state (spec 0.8 §State types; checklist §5): operation, switch, sleep, inject,
 * event, callback, parallel and foreach, with the spec's defaults filled in.
 */
import { compileExpr } from '../../expr/compile.js';
import type {
  BranchDef,
  DataCondition,
  EventCondition,
  OnEventsDef,
  OperationState,
  StateDef,
  StateType,
} from '../../model/definition.js';
import type { Expr } from '../../model/expression.js';
import type { Json, JsonObject } from '../../model/json.js';
import { normalizeAction, normalizeActions, normalizeEventDataFilter } from './actions.js';
import { flag, list, num, obj, strings, text } from './coerce.js';
import type { NormalizeContext } from './context.js';
import { normalizeExit } from './exits.js';
import { normalizeTimeouts } from './timeouts.js';

/** The fields every state has (the model's `StateCommon`). @internal */
export type CommonFields = Omit<OperationState, 'type' | 'actionMode' | 'actions'>;

/**
 * Name given to a foreach `iterationParam` when none is written (the spec says "generated"; a fixed
 * name keeps definitions deterministic). Expressions read it as `$item`.
 */
export const DEFAULT_ITERATION_PARAM = 'item';

/** Builds the typed state from its raw object and the already normalized common fields. @internal */
export function buildTypedState(ctx: NormalizeContext, type: StateType, s: JsonObject, common: CommonFields): StateDef {
  const p = common.pointer;
  switch (type) {
    case 'operation':
      return { ...common, type, actionMode: actionModeOf(s['actionMode']), actions: normalizeActions(ctx, s['actions'], `${p}/actions`) };
    case 'switch':
      return buildSwitch(ctx, s, common);
    case 'sleep': {
      if (s['duration'] === undefined || s['duration'] === null) {
        ctx.error('SLEEP_DURATION', `sleep state "${common.name}" needs a "duration"`, p);
      }
      const duration = ctx.duration(s['duration'], `${p}/duration`) ?? { text: text(s['duration']) ?? '' };
      return { ...common, type, duration };
    }
    case 'inject':
      return { ...common, type, data: s['data'] ?? {} };
    case 'event':
      return { ...common, type, exclusive: flag(s['exclusive'], true), onEvents: buildOnEvents(ctx, s['onEvents'], `${p}/onEvents`) };
    case 'callback':
      return buildCallback(ctx, s, common);
    case 'parallel':
      return buildParallel(ctx, s, common);
    case 'foreach':
      return buildForEach(ctx, s, common);
  }
}

const actionModeOf = (v: Json | undefined): 'sequential' | 'parallel' => (text(v) === 'parallel' ? 'parallel' : 'sequential');

/** A stand-in for a required expression that is missing or failed (an error was reported). */
function placeholder(ctx: NormalizeContext, text: string, pointer: string): Expr {
  return { ...compileExpr('null', pointer, { now: ctx.input.now }), text };
}

function buildSwitch(ctx: NormalizeContext, s: JsonObject, common: CommonFields): StateDef {
  const p = common.pointer;
  const dataConditions: DataCondition[] = (list(s['dataConditions']) ?? []).flatMap((c, i) => {
    const cp = `${p}/dataConditions/${i}`;
    const o = obj(c);
    if (!o) {
      ctx.error('MALFORMED', 'a data condition must be an object', cp);
      return [];
    }
    if (o['condition'] === undefined) ctx.error('MALFORMED', 'a data condition needs a "condition"', cp);
    const condition = ctx.expr(o['condition'], `${cp}/condition`) ?? placeholder(ctx, text(o['condition']) ?? '', `${cp}/condition`);
    const name = text(o['name']);
    return [{ ...(name !== undefined ? { name } : {}), condition, ...normalizeExit(ctx, o, cp) }];
  });
  const eventConditions: EventCondition[] = (list(s['eventConditions']) ?? []).flatMap((c, i) => {
    const cp = `${p}/eventConditions/${i}`;
    const o = obj(c);
    const eventRef = o ? text(o['eventRef']) : undefined;
    if (!o || eventRef === undefined) {
      ctx.error('MALFORMED', 'an event condition needs an "eventRef"', cp);
      return [];
    }
    const name = text(o['name']);
    return [
      {
        ...(name !== undefined ? { name } : {}),
        eventRef,
        eventDataFilter: normalizeEventDataFilter(ctx, o['eventDataFilter'], `${cp}/eventDataFilter`),
        ...normalizeExit(ctx, o, cp),
      },
    ];
  });
  const def = obj(s['defaultCondition']);
  const defaultCondition = def ? normalizeExit(ctx, def, `${p}/defaultCondition`) : {};
  return { ...common, type: 'switch', dataConditions, eventConditions, defaultCondition };
}

function buildOnEvents(ctx: NormalizeContext, raw: Json | undefined, pointer: string): OnEventsDef[] {
  return (list(raw) ?? []).flatMap((e, i) => {
    const p = `${pointer}/${i}`;
    const o = obj(e);
    if (!o) {
      ctx.error('MALFORMED', 'an onEvents entry must be an object', p);
      return [];
    }
    return [
      {
        eventRefs: strings(o['eventRefs']) ?? [],
        actionMode: actionModeOf(o['actionMode']),
        actions: normalizeActions(ctx, o['actions'], `${p}/actions`),
        eventDataFilter: normalizeEventDataFilter(ctx, o['eventDataFilter'], `${p}/eventDataFilter`),
      },
    ];
  });
}

function buildCallback(ctx: NormalizeContext, s: JsonObject, common: CommonFields): StateDef {
  const p = common.pointer;
  let action = s['action'] === undefined ? undefined : normalizeAction(ctx, s['action'], `${p}/action`);
  if (s['action'] === undefined) ctx.error('CALLBACK_ACTION', `callback state "${common.name}" needs an "action"`, p);
  action ??= { pointer: `${p}/action`, actionDataFilter: { useResults: true } };
  const eventRef = text(s['eventRef']);
  if (eventRef === undefined) ctx.error('UNKNOWN_EVENT', `callback state "${common.name}" needs an "eventRef"`, p);
  return {
    ...common,
    type: 'callback',
    action,
    eventRef: eventRef ?? '',
    eventDataFilter: normalizeEventDataFilter(ctx, s['eventDataFilter'], `${p}/eventDataFilter`),
  };
}

/** A count that may be a number, a numeric string, or a jq expression (`.numCompleted`). */
function countOrExpr(ctx: NormalizeContext, raw: Json | undefined, pointer: string): number | Expr | undefined {
  if (raw === undefined || raw === null) return undefined;
  const n = num(raw);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 0) ctx.error('INVALID_VALUE', `expected a whole number ≥ 0, got ${JSON.stringify(raw)}`, pointer);
    return n;
  }
  return ctx.expr(raw, pointer);
}

function buildParallel(ctx: NormalizeContext, s: JsonObject, common: CommonFields): StateDef {
  const p = common.pointer;
  const branches: BranchDef[] = (list(s['branches']) ?? []).flatMap((b, i) => {
    const bp = `${p}/branches/${i}`;
    const o = obj(b);
    if (!o) {
      ctx.error('MALFORMED', 'a branch must be an object', bp);
      return [];
    }
    return [
      {
        name: text(o['name']) ?? `branch${i}`,
        actions: normalizeActions(ctx, o['actions'], `${bp}/actions`),
        timeouts: normalizeTimeouts(ctx, o['timeouts'], `${bp}/timeouts`),
      },
    ];
  });
  const numCompleted = countOrExpr(ctx, s['numCompleted'], `${p}/numCompleted`);
  return {
    ...common,
    type: 'parallel',
    branches,
    completionType: text(s['completionType']) === 'atLeast' ? 'atLeast' : 'allOf',
    ...(numCompleted !== undefined ? { numCompleted } : {}),
  };
}

function buildForEach(ctx: NormalizeContext, s: JsonObject, common: CommonFields): StateDef {
  const p = common.pointer;
  const iterationParam = text(s['iterationParam']) ?? DEFAULT_ITERATION_PARAM;
  if (s['inputCollection'] === undefined) ctx.error('MALFORMED', `foreach state "${common.name}" needs an "inputCollection"`, p);
  const inputCollection =
    ctx.expr(s['inputCollection'], `${p}/inputCollection`) ?? placeholder(ctx, text(s['inputCollection']) ?? '', `${p}/inputCollection`);
  const outputCollection = ctx.target(s['outputCollection'], `${p}/outputCollection`);
  const batchSize = countOrExpr(ctx, s['batchSize'], `${p}/batchSize`);
  return {
    ...common,
    type: 'foreach',
    inputCollection,
    ...(outputCollection ? { outputCollection } : {}),
    iterationParam,
    ...(batchSize !== undefined ? { batchSize } : {}),
    mode: text(s['mode']) === 'sequential' ? 'sequential' : 'parallel',
    actions: normalizeActions(ctx, s['actions'], `${p}/actions`, [iterationParam]),
  };
}
