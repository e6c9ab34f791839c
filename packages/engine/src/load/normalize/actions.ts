/**
 * Actions (spec 0.8 §Action Definition; checklist §7): functionRef, eventRef, subFlowRef, data
 * filters, sleep, condition and retry settings, with every expression compiled at load time.
 */
import type { ActionDataFilter, ActionDef, EventDataFilter } from '../../model/definition.js';
import type { Json } from '../../model/json.js';
import { flag, list, obj, stringMap, strings, text } from './coerce.js';
import type { NormalizeContext } from './context.js';

type Vars = readonly string[] | undefined;

/** Normalizes a list of actions; `variables` are extra jq variables (a foreach `iterationParam`). @internal */
export function normalizeActions(ctx: NormalizeContext, raw: Json | undefined, pointer: string, variables?: Vars): ActionDef[] {
  if (raw === undefined || raw === null) return [];
  const items = list(raw);
  if (!items) {
    ctx.error('MALFORMED', 'actions must be a list', pointer);
    return [];
  }
  return items.flatMap((a, i) => {
    const action = normalizeAction(ctx, a, `${pointer}/${i}`, variables);
    return action ? [action] : [];
  });
}

const invokeOf = (v: Json | undefined): 'sync' | 'async' => (text(v) === 'async' ? 'async' : 'sync');

/** Normalizes one action; `undefined` (with an issue) when it is not an object. @internal */
export function normalizeAction(ctx: NormalizeContext, raw: Json | undefined, pointer: string, variables?: Vars): ActionDef | undefined {
  const a = obj(raw);
  if (!a) {
    ctx.error('MALFORMED', 'an action must be an object', pointer);
    return undefined;
  }
  const out: { -readonly [K in keyof ActionDef]: ActionDef[K] } = {
    pointer,
    actionDataFilter: normalizeActionDataFilter(ctx, a['actionDataFilter'], `${pointer}/actionDataFilter`, variables),
  };
  const name = text(a['name']);
  if (name !== undefined) out.name = name;
  const id = text(a['id']);
  if (id !== undefined) out.id = id;

  const fr = a['functionRef'];
  if (typeof fr === 'string') out.functionRef = { refName: fr, invoke: 'sync' };
  else if (fr !== undefined && fr !== null) {
    const f = obj(fr);
    const refName = f ? text(f['refName']) : undefined;
    if (!f || refName === undefined) ctx.error('MALFORMED', 'functionRef needs a "refName"', `${pointer}/functionRef`);
    else {
      const args = ctx.args(f['arguments'], `${pointer}/functionRef/arguments`, variables);
      const selectionSet = text(f['selectionSet']);
      out.functionRef = {
        refName,
        ...(args ? { arguments: args } : {}),
        ...(selectionSet !== undefined ? { selectionSet } : {}),
        invoke: invokeOf(f['invoke']),
      };
    }
  }

  const er = a['eventRef'];
  if (er !== undefined && er !== null) {
    const e = obj(er);
    const trigger = e ? text(e['triggerEventRef']) : undefined;
    if (!e || trigger === undefined) ctx.error('MALFORMED', 'eventRef needs a "triggerEventRef"', `${pointer}/eventRef`);
    else {
      const result = text(e['resultEventRef']);
      const timeout = ctx.duration(e['resultEventTimeout'], `${pointer}/eventRef/resultEventTimeout`, { allowExpr: true });
      const data = ctx.args(e['data'], `${pointer}/eventRef/data`, variables);
      out.eventRef = {
        triggerEventRef: trigger,
        ...(result !== undefined ? { resultEventRef: result } : {}),
        ...(timeout ? { resultEventTimeout: timeout } : {}),
        ...(data ? { data } : {}),
        contextAttributes: stringMap(e['contextAttributes']),
        invoke: invokeOf(e['invoke']),
      };
    }
  }

  const sr = a['subFlowRef'];
  if (typeof sr === 'string') out.subFlowRef = { workflowId: sr, invoke: 'sync', onParentComplete: 'terminate' };
  else if (sr !== undefined && sr !== null) {
    const s = obj(sr);
    const workflowId = s ? text(s['workflowId']) : undefined;
    if (!s || workflowId === undefined) ctx.error('MALFORMED', 'subFlowRef needs a "workflowId"', `${pointer}/subFlowRef`);
    else {
      const version = text(s['version']);
      out.subFlowRef = {
        workflowId,
        ...(version !== undefined ? { version } : {}),
        invoke: invokeOf(s['invoke']),
        onParentComplete: text(s['onParentComplete']) === 'continue' ? 'continue' : 'terminate',
      };
    }
  }
  if (fr === undefined && er === undefined && sr === undefined) {
    ctx.error('ACTION_REF', 'an action needs one of functionRef, eventRef or subFlowRef', pointer);
  }

  const sleep = obj(a['sleep']);
  if (sleep) {
    const before = ctx.duration(sleep['before'], `${pointer}/sleep/before`);
    const after = ctx.duration(sleep['after'], `${pointer}/sleep/after`);
    if (before || after) out.sleep = { ...(before ? { before } : {}), ...(after ? { after } : {}) };
  }
  const condition = ctx.expr(a['condition'], `${pointer}/condition`, { variables });
  if (condition) out.condition = condition;
  const retryRef = text(a['retryRef']);
  if (retryRef !== undefined) out.retryRef = retryRef;
  const retryable = strings(a['retryableErrors']);
  if (retryable) out.retryableErrors = retryable;
  const nonRetryable = strings(a['nonRetryableErrors']);
  if (nonRetryable) out.nonRetryableErrors = nonRetryable;
  return out;
}

function normalizeActionDataFilter(ctx: NormalizeContext, raw: Json | undefined, pointer: string, variables: Vars): ActionDataFilter {
  const f = obj(raw);
  if (!f) return { useResults: true };
  const fromStateData = ctx.expr(f['fromStateData'], `${pointer}/fromStateData`, { variables });
  const results = ctx.expr(f['results'], `${pointer}/results`, { variables });
  const toStateData = ctx.target(f['toStateData'], `${pointer}/toStateData`);
  return {
    ...(fromStateData ? { fromStateData } : {}),
    ...(results ? { results } : {}),
    ...(toStateData ? { toStateData } : {}),
    useResults: flag(f['useResults'], true),
  };
}

/** Reads an `eventDataFilter` (`useData` defaults to true). @internal */
export function normalizeEventDataFilter(ctx: NormalizeContext, raw: Json | undefined, pointer: string, variables?: Vars): EventDataFilter {
  const f = obj(raw);
  if (!f) return { useData: true };
  const data = ctx.expr(f['data'], `${pointer}/data`, { variables });
  const toStateData = ctx.target(f['toStateData'], `${pointer}/toStateData`);
  return { ...(data ? { data } : {}), ...(toStateData ? { toStateData } : {}), useData: flag(f['useData'], true) };
}
