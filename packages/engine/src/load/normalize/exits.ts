/**
 * Where control goes next: `transition` (string or object), `end` (true or object, `"true"` coerced),
 * `produceEvents`, `continueAs` and `onErrors` (spec 0.8 §Transitions, §End Definition, §Error Handling).
 */
import type { EndDef, Exit, OnErrorDef, ProduceEventDef, TransitionDef } from '../../model/definition.js';
import type { Json, JsonObject } from '../../model/json.js';
import { flag, list, obj, stringMap, strings, text } from './coerce.js';
import type { NormalizeContext } from './context.js';

/**
 * Reads `transition` and `end` of a state, condition or error handler. Both are kept when both are
 * written: the semantic checks report that (`TRANSITION_OR_END`).
 * @internal
 */
export function normalizeExit(ctx: NormalizeContext, o: JsonObject, pointer: string): Exit {
  const transition = normalizeTransition(ctx, o['transition'], `${pointer}/transition`);
  const end = normalizeEnd(ctx, o['end'], `${pointer}/end`);
  return { ...(transition ? { transition } : {}), ...(end ? { end } : {}) };
}

function normalizeTransition(ctx: NormalizeContext, raw: Json | undefined, pointer: string): TransitionDef | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return { nextState: raw, compensate: false, produceEvents: [] };
  const t = obj(raw);
  const nextState = t ? text(t['nextState']) : undefined;
  if (!t || nextState === undefined) {
    ctx.error('MALFORMED', 'transition must be a state name or {nextState, compensate?, produceEvents?}', pointer);
    return undefined;
  }
  return {
    nextState,
    compensate: flag(t['compensate'], false),
    produceEvents: normalizeProduceEvents(ctx, t['produceEvents'], `${pointer}/produceEvents`),
  };
}

function normalizeEnd(ctx: NormalizeContext, raw: Json | undefined, pointer: string): EndDef | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'boolean' || typeof raw === 'string') {
    const on = flag(raw, false);
    if (typeof raw === 'string' && raw.trim().toLowerCase() !== 'true' && raw.trim().toLowerCase() !== 'false') {
      ctx.error('MALFORMED', 'end must be true or an object', pointer);
    }
    return on ? { terminate: false, compensate: false, produceEvents: [] } : undefined;
  }
  const e = obj(raw);
  if (!e) {
    ctx.error('MALFORMED', 'end must be true or an object', pointer);
    return undefined;
  }
  const continueAs = normalizeContinueAs(ctx, e['continueAs'], `${pointer}/continueAs`);
  return {
    terminate: flag(e['terminate'], false),
    compensate: flag(e['compensate'], false),
    produceEvents: normalizeProduceEvents(ctx, e['produceEvents'], `${pointer}/produceEvents`),
    ...(continueAs ? { continueAs } : {}),
  };
}

function normalizeContinueAs(ctx: NormalizeContext, raw: Json | undefined, pointer: string): EndDef['continueAs'] {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return { workflowId: raw };
  const c = obj(raw);
  const workflowId = c ? text(c['workflowId']) : undefined;
  if (!c || workflowId === undefined) {
    ctx.error('MALFORMED', 'continueAs must be a workflow id or {workflowId, version?, data?}', pointer);
    return undefined;
  }
  const version = text(c['version']);
  const data = ctx.args(c['data'], `${pointer}/data`);
  return { workflowId, ...(version !== undefined ? { version } : {}), ...(data ? { data } : {}) };
}

/** Reads `produceEvents`; `data` is an argument-style template (an expression or an object). @internal */
export function normalizeProduceEvents(ctx: NormalizeContext, raw: Json | undefined, pointer: string): ProduceEventDef[] {
  if (raw === undefined || raw === null) return [];
  const items = list(raw);
  if (!items) {
    ctx.error('MALFORMED', 'produceEvents must be a list', pointer);
    return [];
  }
  return items.flatMap((item, i) => {
    const p = `${pointer}/${i}`;
    const e = obj(item);
    const eventRef = e ? text(e['eventRef']) : undefined;
    if (!e || eventRef === undefined) {
      ctx.error('MALFORMED', 'a produced event needs an "eventRef"', p);
      return [];
    }
    const data = ctx.args(e['data'], `${p}/data`);
    return [{ eventRef, ...(data ? { data } : {}), contextAttributes: stringMap(e['contextAttributes']) }];
  });
}

/** Reads `onErrors`: `errorRef` or `errorRefs`, then `transition` or `end`. @internal */
export function normalizeOnErrors(ctx: NormalizeContext, raw: Json | undefined, pointer: string): OnErrorDef[] {
  if (raw === undefined || raw === null) return [];
  const items = list(raw);
  if (!items) {
    ctx.error('MALFORMED', 'onErrors must be a list', pointer);
    return [];
  }
  return items.flatMap((item, i) => {
    const p = `${pointer}/${i}`;
    const h = obj(item);
    if (!h) {
      ctx.error('MALFORMED', 'an onErrors entry must be an object', p);
      return [];
    }
    const single = text(h['errorRef']);
    const errorRefs = single !== undefined ? [single] : (strings(h['errorRefs']) ?? []);
    if (errorRefs.length === 0) ctx.error('MALFORMED', 'an onErrors entry needs "errorRef" or "errorRefs"', p);
    return [{ errorRefs, ...normalizeExit(ctx, h, p) }];
  });
}
