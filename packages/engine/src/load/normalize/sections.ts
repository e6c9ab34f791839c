/**
 * Top-level sections that may be written inline or as a URI to a resource file (spec 0.8 §Workflow
 * Definition: functions, events, errors, retries, secrets, constants, timeouts).
 */
import { isObject, type Json, type JsonObject } from '../../model/json.js';
import type { SourceDocument } from '../document.js';
import type { NormalizeContext } from './context.js';

/** The items of a list section and where they live (the definition or a resource file). */
export interface SectionItems {
  readonly doc: SourceDocument;
  /** Pointer of the list in `doc` (`/functions`, or `` when the file is a bare array). */
  readonly base: string;
  readonly items: readonly Json[];
}

/** A section that is an object (timeouts), and where it lives. */
export interface SectionObject {
  readonly doc: SourceDocument;
  readonly base: string;
  readonly value: JsonObject;
}

type ListKey = 'functions' | 'events' | 'errors' | 'retries' | 'secrets';

/**
 * Reads a list section. A URI names a resource file holding `{<key>: [...]}` (a bare array is also
 * accepted). A missing resource was reported by the loader, so it just gives no items here.
 * @internal
 */
export function resolveList(ctx: NormalizeContext, key: ListKey): SectionItems {
  const root = isObject(ctx.doc.value) ? ctx.doc.value : {};
  const raw = root[key];
  const pointer = `/${key}`;
  const none: SectionItems = { doc: ctx.doc, base: pointer, items: [] };
  if (raw === undefined || raw === null) return none;
  if (Array.isArray(raw)) return { doc: ctx.doc, base: pointer, items: raw };
  if (typeof raw !== 'string') {
    ctx.error('MALFORMED', `${key} must be a list or the URI of a file that holds one`, pointer);
    return none;
  }
  const res = ctx.input.resources.get(raw);
  if (!res) return none;
  if (isObject(res.value) && Array.isArray(res.value[key])) return { doc: res, base: pointer, items: res.value[key] };
  if (Array.isArray(res.value)) return { doc: res, base: '', items: res.value };
  ctx.error('RESOURCE_SHAPE', `${raw} should hold {"${key}": [...]}`, pointer);
  return none;
}

/**
 * Reads an object section (`timeouts`): inline, or a URI to a file holding `{<key>: {...}}` or the
 * object itself. Returns `undefined` when absent.
 * @internal
 */
export function resolveObject(ctx: NormalizeContext, key: 'timeouts'): SectionObject | undefined {
  const root = isObject(ctx.doc.value) ? ctx.doc.value : {};
  const raw = root[key];
  const pointer = `/${key}`;
  if (raw === undefined || raw === null) return undefined;
  if (isObject(raw)) return { doc: ctx.doc, base: pointer, value: raw };
  if (typeof raw !== 'string') {
    ctx.error('MALFORMED', `${key} must be an object or the URI of a file that holds one`, pointer);
    return undefined;
  }
  const res = ctx.input.resources.get(raw);
  if (!res) return undefined;
  if (isObject(res.value)) {
    const inner = res.value[key];
    return isObject(inner) ? { doc: res, base: pointer, value: inner } : { doc: res, base: '', value: res.value };
  }
  ctx.error('RESOURCE_SHAPE', `${raw} should hold {"${key}": {...}}`, pointer);
  return undefined;
}

/**
 * `constants`: an object, or a URI to a file whose whole content is the constants object (spec:
 * "URI to a resource containing constants data"). Default `{}`.
 * @internal
 */
export function resolveConstants(ctx: NormalizeContext): Json {
  const root = isObject(ctx.doc.value) ? ctx.doc.value : {};
  const raw = root['constants'];
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'string') {
    if (!isObject(raw)) ctx.error('MALFORMED', 'constants must be an object or a URI', '/constants');
    return raw;
  }
  const res = ctx.input.resources.get(raw);
  if (!res) return {};
  if (!isObject(res.value)) {
    ctx.error('RESOURCE_SHAPE', `${raw} should hold a JSON object of constants`, '/constants');
    return {};
  }
  return res.value;
}
