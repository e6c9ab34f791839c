/**
 * Backstage's `filter` query parameter for `GET /entities`: each `filter` value is a comma-separated
 * list of `key=value` (or bare `key`: the field exists) conditions that must all hold; several
 * `filter` values match when any of them does. Keys are dotted paths into the entity
 * (`metadata.annotations.backstage.io/owner` works: paths are matched whole, not split), plus
 * `relations.<type>` for a relation's target; keys and values compare case-insensitively, and an
 * array field matches when any element does.
 */
import type { Entity } from './entity.js';

/** One condition: `value` undefined means "exists". */
interface Condition {
  readonly key: string;
  readonly value?: string;
}

/** A parsed filter: any of the sets, each needing all its conditions. Empty matches everything. */
export type EntityFilter = readonly (readonly Condition[])[];

/**
 * Parses the `filter` parameter (one string or several).
 *
 * @example
 * parseEntityFilter('kind=user,metadata.namespace=default');
 */
export function parseEntityFilter(param: string | readonly string[] | undefined): EntityFilter {
  const values = param === undefined ? [] : typeof param === 'string' ? [param] : param;
  return values
    .map((v) =>
      v
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .map((part): Condition => {
          const eq = part.indexOf('=');
          return eq < 0 ? { key: part.toLowerCase() } : { key: part.slice(0, eq).trim().toLowerCase(), value: part.slice(eq + 1).trim().toLowerCase() };
        }),
    )
    .filter((set) => set.length > 0);
}

/** True when `entity` (with its relations) passes `filter`. */
export function matchesEntityFilter(entity: Entity, filter: EntityFilter): boolean {
  if (filter.length === 0) return true;
  const fields = flatten(entity);
  return filter.some((set) =>
    set.every((c) => {
      const values = fields.get(c.key);
      return values !== undefined && (c.value === undefined || values.has(c.value));
    }),
  );
}

/** Every dotted path to a scalar (lower-cased) and the scalar values found there (lower-cased strings). */
function flatten(entity: Entity): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, value: string): void => {
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    set.add(value.toLowerCase());
  };
  const walk = (prefix: string, v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(prefix, item);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) walk(prefix ? `${prefix}.${k.toLowerCase()}` : k.toLowerCase(), child);
    } else if (v !== null && v !== undefined && prefix) {
      add(prefix, String(v));
    }
  };
  const { relations, ...rest } = entity;
  walk('', rest);
  for (const r of relations ?? []) add(`relations.${r.type.toLowerCase()}`, r.targetRef);
  return out;
}
