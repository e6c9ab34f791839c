/**
 * The relations between catalog entities, built from their specs the way Backstage's processors
 * do: membership from User `spec.memberOf` and Group `spec.members` (either side is enough), the
 * group tree from Group `spec.parent` and `spec.children`, ownership from any `spec.owner`. Short
 * refs in specs take the entity's namespace, and kind `group` (memberOf, children, parent, owner)
 * or `user` (members). An immutable snapshot: rebuild it when entities change.
 */
import { entityRefOf, type Entity, type EntityRelation } from './entity.js';
import { normalizeEntityRef } from './entity-ref.js';

/** Relations between refs, with the reverse direction kept alongside. */
class RelationIndex {
  private readonly forward = new Map<string, Set<string>>();
  private readonly backward = new Map<string, Set<string>>();

  add(from: string, to: string): void {
    link(this.forward, from, to);
    link(this.backward, to, from);
  }
  from(ref: string): ReadonlySet<string> {
    return this.forward.get(ref) ?? EMPTY;
  }
  to(ref: string): ReadonlySet<string> {
    return this.backward.get(ref) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function link(map: Map<string, Set<string>>, from: string, to: string): void {
  let set = map.get(from);
  if (!set) map.set(from, (set = new Set()));
  set.add(to);
}

/** Users, groups and owners of a set of entities. */
export class CatalogGraph {
  private readonly kinds = new Map<string, string>();
  /** user → group. */
  private readonly membership = new RelationIndex();
  /** parent group → child group. */
  private readonly tree = new RelationIndex();
  /** entity → owner. */
  private readonly ownership = new RelationIndex();

  constructor(entities: readonly Entity[]) {
    for (const e of entities) this.kinds.set(entityRefOf(e), e.kind.toLowerCase());
    for (const e of entities) this.index(e);
  }

  /** Every known user ref, sorted. */
  users(): string[] {
    return [...this.kinds].filter(([, kind]) => kind === 'user').map(([ref]) => ref).sort();
  }

  /** True when `ref` (normalized) is a known entity of `kind`. */
  isKnown(ref: string, kind?: string): boolean {
    const k = this.kinds.get(ref);
    return k !== undefined && (kind === undefined || k === kind);
  }

  /** The known groups `userRef` belongs to, directly or through parent groups, sorted. */
  groupsOf(userRef: string): string[] {
    const found = new Set<string>();
    const queue = [...this.membership.from(userRef)];
    while (queue.length > 0) {
      const group = queue.pop()!;
      if (found.has(group) || !this.isKnown(group, 'group')) continue;
      found.add(group);
      queue.push(...this.tree.to(group));
    }
    return [...found].sort();
  }

  /**
   * The known users `ref` stands for: a user itself; a group's members and its child groups'
   * members, recursively; the owner of anything else, expanded. Refs in `exclude` are neither
   * returned nor expanded (as Backstage's `excludeEntityRef`). Sorted, without duplicates.
   */
  usersFor(ref: string, exclude: ReadonlySet<string> = EMPTY): string[] {
    const users = new Set<string>();
    const seen = new Set<string>();
    const visit = (r: string): void => {
      if (seen.has(r) || exclude.has(r)) return;
      seen.add(r);
      const kind = this.kinds.get(r);
      if (kind === 'user') users.add(r);
      else if (kind === 'group') {
        for (const member of this.membership.to(r)) visit(member);
        for (const child of this.tree.from(r)) visit(child);
      } else if (kind !== undefined) {
        for (const owner of this.ownership.from(r)) visit(owner);
      }
    };
    visit(ref);
    return [...users].sort();
  }

  /** The relations of the entity `ref` (targets may be entities the catalog does not have). */
  relationsOf(ref: string): EntityRelation[] {
    const rel = (type: string, targets: ReadonlySet<string>): EntityRelation[] => [...targets].sort().map((targetRef) => ({ type, targetRef }));
    return [
      ...rel('memberOf', this.membership.from(ref)),
      ...rel('hasMember', this.membership.to(ref)),
      ...rel('childOf', this.tree.to(ref)),
      ...rel('parentOf', this.tree.from(ref)),
      ...rel('ownedBy', this.ownership.from(ref)),
      ...rel('ownerOf', this.ownership.to(ref)),
    ];
  }

  private index(e: Entity): void {
    const ref = entityRefOf(e);
    const kind = e.kind.toLowerCase();
    const spec = e.spec ?? {};
    const namespace = e.metadata.namespace ?? 'default';
    const refs = (value: unknown, defaultKind: string): string[] =>
      (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
        .map((v) => (typeof v === 'string' ? normalizeEntityRef(v, { defaultKind, defaultNamespace: namespace }) : undefined))
        .filter((r): r is string => r !== undefined);
    if (kind === 'user') for (const g of refs(spec.memberOf, 'group')) this.membership.add(ref, g);
    if (kind === 'group') {
      for (const u of refs(spec.members, 'user')) this.membership.add(u, ref);
      for (const c of refs(spec.children, 'group')) this.tree.add(ref, c);
      for (const p of refs(spec.parent, 'group')) this.tree.add(p, ref);
    }
    for (const o of refs(spec.owner, 'group')) this.ownership.add(ref, o);
  }
}
