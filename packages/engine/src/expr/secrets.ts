/**
 * `$SECRET` (SonataFlow: any configuration key, read with dotted access, always a string) and
 * `$SECRETS` (spec 0.8: only the names listed in `secrets`).
 */
import type { ConfigSource } from '../ports/config.js';
import type { Json, JsonObject } from '../model/json.js';

/**
 * Builds the `$SECRET` object from every configuration key. `$SECRET.mta.url` reads key `mta.url`:
 * dotted keys become nested objects, and the flat key is kept too (`$SECRET["mta.url"]`). When a key
 * is both a value and a prefix (`a` and `a.b`), the nested object wins for `.a.b` and the value stays
 * reachable as `$SECRET["a"]`... only when no nested key exists; see docs/semantics.md.
 */
export function buildSecretVariable(config: ConfigSource): JsonObject {
  const root: JsonObject = {};
  for (const key of config.keys()) {
    const value = config.get(key);
    if (value === undefined) continue;
    root[key] = root[key] !== undefined && typeof root[key] === 'object' ? root[key]! : value;
    if (!key.includes('.')) continue;
    const parts = key.split('.');
    let node: JsonObject = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i]!;
      const next = node[p];
      if (next === undefined || typeof next !== 'object' || next === null || Array.isArray(next)) {
        const created: JsonObject = {};
        node[p] = created;
        node = created;
      } else {
        node = next as JsonObject;
      }
    }
    const leaf = parts[parts.length - 1]!;
    if (node[leaf] === undefined || typeof node[leaf] !== 'object') node[leaf] = value;
  }
  return root;
}

/** Builds `$SECRETS` from the definition's `secrets` list: each listed name mapped to its configured value. */
export function buildSecretsVariable(names: readonly string[], config: ConfigSource): JsonObject {
  const out: JsonObject = {};
  for (const name of names) {
    const v = config.get(name);
    out[name] = v === undefined ? null : (v as Json);
  }
  return out;
}
