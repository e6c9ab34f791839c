/**
 * Backstage entity references in the portal: the ref of an entity, splitting a ref into its parts,
 * and the short form people read (`user:default/ana` → `ana`). Refs compare lower-cased, as the
 * catalog hands them out.
 */
import type { Entity } from '../api/types';

export interface RefParts {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** `kind:namespace/name`, lower-cased. */
export function entityRefOf(e: Pick<Entity, 'kind' | 'metadata'>): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
}

/** The parts of `ref` (`[kind:][namespace/]name`), or undefined when it is not one. */
export function parseRef(ref: string, defaultKind?: string): RefParts | undefined {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : defaultKind;
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : 'default';
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (!kind || !namespace || !name || name.includes('/')) return undefined;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name: name.toLowerCase() };
}

/** A ref as people read it: users in `default` by name, groups with "(group)", others whole. */
export function displayRef(ref: string): string {
  const p = parseRef(ref);
  if (!p) return ref;
  if (p.namespace === 'default' && p.kind === 'user') return p.name;
  if (p.namespace === 'default' && p.kind === 'group') return `${p.name} (group)`;
  return ref;
}
