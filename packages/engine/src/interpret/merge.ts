/**
 * SonataFlow's data merge (kogito `MergeUtils`), which RHDH workflows rely on: objects merge deeply,
 * arrays replace, a non-object result merged into an object lands in `.response`. Spec 0.8 §Data Merging
 * says arrays concatenate; we follow SonataFlow (docs/semantics.md "Merge rule").
 */
import { isObject, type Json, type JsonObject } from '../model/json.js';

/** Merges `src` (an action or event result) into `target` (state data); returns the new value. Never mutates. */
export function mergeResult(src: Json, target: Json): Json {
  if (src === null) return target;
  if (target === null) return src;
  if (isObject(target)) {
    if (isObject(src)) return deepMerge(src, target);
    return { ...target, response: src };
  }
  if (Array.isArray(target)) {
    if (Array.isArray(src)) return src;
    return target.some((x) => equal(x, src)) ? target : [...target, src];
  }
  if (isObject(src)) return { ...src, _target: target };
  return src;
}

function deepMerge(src: JsonObject, target: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const key of Object.keys(src)) {
    const s = src[key]!;
    const t = out[key];
    out[key] = isObject(s) && isObject(t) ? deepMerge(s, t) : s;
  }
  return out;
}

function equal(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads `path` (object keys) from `data`; undefined when absent. */
export function getAt(data: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Merges `value` at `path` (SonataFlow `toStateData`): the target is created when missing, and an
 * existing value there is merged with `mergeResult`. An empty path merges into the root.
 */
export function mergeAt(data: Json, path: readonly string[], value: Json): Json {
  if (path.length === 0) return mergeResult(value, data);
  const root: JsonObject = isObject(data) ? { ...data } : {};
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    const copy: JsonObject = isObject(next) ? { ...next } : {};
    node[key] = copy;
    node = copy;
  }
  const leaf = path[path.length - 1]!;
  const existing = node[leaf];
  node[leaf] = existing === undefined || existing === null ? value : mergeAssign(value, existing);
  return root;
}

/** At a `toStateData` target, objects merge deeply and anything else replaces. */
function mergeAssign(value: Json, existing: Json): Json {
  return isObject(value) && isObject(existing) ? deepMerge(value, existing) : value;
}
