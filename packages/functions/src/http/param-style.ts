/**
 * Turns JSON argument values into path, query, header and cookie text, following OpenAPI 3 parameter
 * serialization (`style`/`explode`) as far as the invokers need it.
 */
import { isObject, type Json } from '@sluice/engine';

/**
 * A scalar's text: strings as they are, numbers and booleans (and nested objects or arrays) as their
 * compact JSON text (`true`, `42`, `{"a":1}`).
 */
export function scalarText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Percent-encodes one URI component. Unlike `encodeURIComponent` it also encodes `!'()*`, so the
 * result is RFC 3986 "unreserved or percent-encoded" only (what a strict client sends).
 */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `simple` style (the OpenAPI default for path and header parameters): arrays and objects become
 * comma-separated lists (`a,b` / `k,v,k2,v2`; `k=v,k2=v2` when `explode`). Each item goes through
 * `encode` (identity for headers). Returns undefined for null (the parameter is left out).
 *
 * @example simpleStyle(['a b', 1], false, encodeComponent) === 'a%20b,1'
 */
export function simpleStyle(value: Json, explode: boolean, encode: (s: string) => string): string | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => encode(scalarText(v))).join(',');
  if (isObject(value)) {
    const parts = Object.entries(value).map(([k, v]) =>
      explode ? `${encode(k)}=${encode(scalarText(v))}` : `${encode(k)},${encode(scalarText(v))}`,
    );
    return parts.join(',');
  }
  return encode(scalarText(value));
}

/** OpenAPI query parameter styles this module serializes. */
export type QueryStyle = 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/**
 * Encoded `name=value` segments for one query parameter (join them with `&`). Defaults follow
 * OpenAPI: `form` with `explode: true`, so arrays become repeated keys (`a=1&a=2`) and objects
 * become one key per property. Null values (and null array items) are left out, as JAX-RS clients do.
 *
 * @example queryPairs('state_event', 'close', 'form', true) // ['state_event=close']
 * @example queryPairs('topic', ['a', 'b'], 'form', false) // ['topic=a,b']
 */
export function queryPairs(name: string, value: Json, style: QueryStyle, explode: boolean): string[] {
  if (value === null) return [];
  const key = encodeComponent(name);
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== null).map((v) => encodeComponent(scalarText(v)));
    if (items.length === 0) return [];
    if (explode && style !== 'deepObject') return items.map((v) => `${key}=${v}`);
    const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
    return [`${key}=${items.join(sep)}`];
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== null);
    if (style === 'deepObject') {
      return entries.map(([k, v]) => `${encodeComponent(`${name}[${k}]`)}=${encodeComponent(scalarText(v))}`);
    }
    if (explode) return entries.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(scalarText(v))}`);
    const flat = entries.flatMap(([k, v]) => [encodeComponent(k), encodeComponent(scalarText(v))]);
    return flat.length === 0 ? [] : [`${key}=${flat.join(',')}`];
  }
  return [`${key}=${encodeComponent(scalarText(value))}`];
}

/** Appends `pairs` (already encoded) to `url` as its query string, keeping any query it has. */
export function withQuery(url: string, pairs: readonly string[]): string {
  if (pairs.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}
