/**
 * Backstage entity references, `[kind:][namespace/]name`, compared case-insensitively: every ref
 * this catalog hands out is lower-cased, with the namespace filled in (`user:default/dev1`).
 */

/** The parts of a ref, lower-cased. */
export interface EntityName {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** The namespace a ref without one is in. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * Parses `ref`; `defaultKind` and `defaultNamespace` fill what it leaves out. Undefined when it
 * has no kind and none is given, or a part is empty.
 *
 * @example
 * parseEntityRef('Developers', { defaultKind: 'group' }); // { kind: 'group', namespace: 'default', name: 'developers' }
 */
export function parseEntityRef(ref: string, defaults: { defaultKind?: string; defaultNamespace?: string } = {}): EntityName | undefined {
  if (typeof ref !== 'string') return undefined;
  const trimmed = ref.trim();
  const colon = trimmed.indexOf(':');
  const kind = colon >= 0 ? trimmed.slice(0, colon) : defaults.defaultKind;
  const rest = colon >= 0 ? trimmed.slice(colon + 1) : trimmed;
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : (defaults.defaultNamespace ?? DEFAULT_NAMESPACE);
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (!kind || !namespace || !name || name.includes('/')) return undefined;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name: name.toLowerCase() };
}

/** `kind:namespace/name`, lower-cased. */
export function stringifyEntityRef(e: { kind: string; namespace?: string | undefined; name: string }): string {
  return `${e.kind}:${e.namespace ?? DEFAULT_NAMESPACE}/${e.name}`.toLowerCase();
}

/** The normalized form of a full ref (kind required), or undefined when it is not one. */
export function normalizeEntityRef(ref: string, defaults: { defaultKind?: string; defaultNamespace?: string } = {}): string | undefined {
  const parsed = parseEntityRef(ref, defaults);
  return parsed && stringifyEntityRef(parsed);
}
