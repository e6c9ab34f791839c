// Backstage entity references (`kind:namespace/name`) and the notification recipient expansion:
// users as they are, groups to their members, other entities to their owner.

/** Parsed parts of an entity reference. */
export interface EntityRefParts {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `kind:namespace/name`, `kind:name` or `name` (with `defaultKind`); the namespace defaults
 * to `default`. Returns undefined for a malformed reference.
 *
 * @example
 * parseEntityRef('user:jsmith') // { kind: 'user', namespace: 'default', name: 'jsmith' }
 */
export function parseEntityRef(ref: string, defaultKind?: string): EntityRefParts | undefined {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!match) return undefined;
  const kind = match[1] ?? defaultKind;
  if (kind === undefined) return undefined;
  return { kind, namespace: match[2] ?? 'default', name: match[3] as string };
}

/**
 * The canonical form `kind:namespace/name`, with kind and namespace lower-cased as the catalog
 * stringifies them (names keep their case). Returns undefined for a malformed reference.
 */
export function normalizeEntityRef(ref: string, defaultKind?: string): string | undefined {
  const parts = parseEntityRef(ref, defaultKind);
  return parts && `${parts.kind.toLowerCase()}:${parts.namespace.toLowerCase()}/${parts.name}`;
}

/** The catalog relations recipient expansion needs, keyed by normalized refs. */
export interface EntityDirectory {
  /** Group ref → member refs (users, or child groups, expanded recursively). */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Any other entity ref → its owner ref (`spec.owner`). */
  owners: ReadonlyMap<string, string>;
}

/** Builds a directory from plain records, normalizing every ref. */
export function entityDirectory(groups: Record<string, readonly string[]> = {}, owners: Record<string, string> = {}): EntityDirectory {
  const norm = (ref: string): string => normalizeEntityRef(ref) ?? ref;
  return {
    groups: new Map(Object.entries(groups).map(([group, members]) => [norm(group), members.map(norm)])),
    owners: new Map(Object.entries(owners).map(([entity, owner]) => [norm(entity), norm(owner)])),
  };
}

/**
 * The user refs an entity recipient list reaches, in first-seen order without duplicates, minus
 * those `exclude` reaches. `user:` refs count as they are; groups expand to members; other kinds
 * go to their owner; unknown or malformed refs are skipped silently, as Backstage does.
 */
export function expandRecipients(refs: readonly string[], exclude: readonly string[], directory: EntityDirectory): string[] {
  const excluded = new Set(exclude.flatMap((ref) => usersOf(ref, directory, new Set())));
  const users = refs.flatMap((ref) => usersOf(ref, directory, new Set())).filter((user) => !excluded.has(user));
  return [...new Set(users)];
}

function usersOf(ref: string, directory: EntityDirectory, seen: Set<string>): string[] {
  const normalized = normalizeEntityRef(ref);
  if (normalized === undefined || seen.has(normalized)) return [];
  seen.add(normalized);
  if (normalized.startsWith('user:')) return [normalized];
  if (normalized.startsWith('group:')) return (directory.groups.get(normalized) ?? []).flatMap((member) => usersOf(member, directory, seen));
  const owner = directory.owners.get(normalized);
  return owner === undefined ? [] : usersOf(owner, directory, seen);
}
