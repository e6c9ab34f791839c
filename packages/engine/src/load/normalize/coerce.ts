/**
 * Lenient readers for raw definition values. The schema has already run, but SonataFlow also accepts
 * `"true"`/`"false"` strings and numeric strings (checklist §17), so these coerce instead of trusting.
 */
import { isObject, type Json, type JsonObject } from '../../model/json.js';

/** The value when it is a string; numbers and booleans are turned into their text. */
export function text(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A boolean from `true`/`false` or the strings `"true"`/`"false"` (any case); else `fallback`. */
export function flag(v: Json | undefined, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return fallback;
}

/** A finite number from a number or a numeric string; `undefined` otherwise. */
export function num(v: Json | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** The value when it is a JSON object. */
export function obj(v: Json | undefined): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/** The value when it is an array. */
export function list(v: Json | undefined): readonly Json[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A string-valued map (CloudEvent context attributes); non-string values are turned into text. */
export function stringMap(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v) ?? {})) {
    const t = text(val);
    if (t !== undefined) out[k] = t;
  }
  return out;
}

/** A metadata map: any JSON values (RHDH puts objects there although the schema says strings). */
export function metadataOf(v: Json | undefined): Record<string, Json> {
  return { ...(obj(v) ?? {}) };
}

/** The strings of an array of strings (other items are dropped); `undefined` when not an array. */
export function strings(v: Json | undefined): string[] | undefined {
  const l = list(v);
  return l ? l.filter((x): x is string => typeof x === 'string') : undefined;
}
