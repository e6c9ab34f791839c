// Server-side apply field ownership, simplified: an object's user fields are flattened to leaves
// (scalars, lists as atomic values, empty maps), each manager's `metadata.managedFields` entry
// records the leaves it owns as FieldsV1, and an apply merges, removes and conflicts leaf by leaf.

/** A `metav1.ManagedFieldsEntry`. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldsTree;
}

/** The FieldsV1 set: `{"f:spec":{"f:hard":{"f:cpu":{}}}}`. */
export interface FieldsTree {
  [key: string]: FieldsTree;
}

/** One field another manager owns with a different value. */
export interface FieldConflict {
  /** The manager as the API server prints it: `"name"`, or `"name" using v1` for an Update entry. */
  manager: string;
  /** `.spec.hard.cpu` */
  field: string;
}

/** What an apply asks for. */
export interface ApplyRequest {
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
}

type Obj = Record<string, unknown>;
type Leaf = { path: string[]; value: unknown };

/** Metadata fields the server sets or that name the object; they are never owned. */
const SERVER_METADATA = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink']);

export const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The owned leaves of an object, keyed by their JSON-encoded path. `status` is left out. */
export function fieldLeaves(object: Obj): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const walk = (value: unknown, path: string[]): void => {
    if (isObject(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) {
        if (path.length === 0 && ['apiVersion', 'kind', 'status'].includes(key)) continue;
        if (path.length === 1 && path[0] === 'metadata' && SERVER_METADATA.has(key)) continue;
        if (child !== undefined && child !== null) walk(child, [...path, key]);
      }
    } else if (path.length > 0) {
      leaves.set(JSON.stringify(path), { path, value });
    }
  };
  walk(object, []);
  return leaves;
}

/** Encodes leaf paths as FieldsV1. */
export function fieldsTree(keys: Iterable<string>): FieldsTree {
  const tree: FieldsTree = {};
  for (const key of keys) {
    let node = tree;
    for (const part of JSON.parse(key) as string[]) node = node[`f:${part}`] ??= {};
  }
  return tree;
}

/** Decodes FieldsV1 into leaf keys (JSON-encoded paths). */
export function treeKeys(tree: FieldsTree, prefix: string[] = []): string[] {
  const children = Object.entries(tree).filter(([k]) => k.startsWith('f:'));
  if (children.length === 0) return prefix.length > 0 ? [JSON.stringify(prefix)] : [];
  return children.flatMap(([k, sub]) => treeKeys(sub, [...prefix, k.slice(2)]));
}

/** `.spec.hard.cpu` for a JSON-encoded path. */
export const fieldPathText = (key: string): string => (JSON.parse(key) as string[]).map((p) => `.${p}`).join('');

/** The `managedFields` entry of a create or update without apply. */
export function updateEntry(object: Obj, manager: string, apiVersion: string, time: string): ManagedFieldsEntry {
  return { manager, operation: 'Update', apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: fieldsTree(fieldLeaves(object).keys()) };
}

/**
 * Applies `applied` over `live` (undefined to create) for `request.manager`: sets every applied
 * leaf, removes leaves the manager applied before and no longer applies (unless another manager
 * also owns them), and records ownership. A leaf another manager owns with a different value is
 * a conflict; with `force` the manager takes it over instead.
 */
export function applyFields(live: Obj | undefined, applied: Obj, request: ApplyRequest): { object: Obj } | { conflicts: FieldConflict[] } {
  const entries = managedFields(live).map((entry) => ({ entry, keys: new Set(treeKeys(entry.fieldsV1)) }));
  const mine = entries.find((e) => e.entry.manager === request.manager && e.entry.operation === 'Apply');
  const others = entries.filter((e) => e !== mine);
  const liveLeaves = live ? fieldLeaves(live) : new Map<string, Leaf>();
  const appliedLeaves = fieldLeaves(applied);
  const conflicts: { key: string; owner: (typeof entries)[number] }[] = [];
  for (const [key, leaf] of appliedLeaves) {
    const current = liveLeaves.get(key);
    if (!current || sameValue(current.value, leaf.value)) continue;
    for (const owner of others) if (owner.keys.has(key)) conflicts.push({ key, owner });
  }
  if (conflicts.length > 0 && !request.force) {
    return { conflicts: conflicts.map(({ key, owner }) => ({ manager: printManager(owner.entry), field: fieldPathText(key) })) };
  }
  for (const { key, owner } of conflicts) owner.keys.delete(key);
  const object = structuredClone(live ?? {}) as Obj;
  for (const key of mine?.keys ?? []) {
    if (!appliedLeaves.has(key) && !others.some((o) => o.keys.has(key))) removePath(object, JSON.parse(key) as string[]);
  }
  for (const leaf of appliedLeaves.values()) setPath(object, leaf.path, leaf.value);
  const kept = others.filter((o) => o.keys.size > 0).map((o) => ({ ...o.entry, fieldsV1: fieldsTree(o.keys) }));
  const own: ManagedFieldsEntry = { manager: request.manager, operation: 'Apply', apiVersion: request.apiVersion, time: request.time, fieldsType: 'FieldsV1', fieldsV1: fieldsTree(appliedLeaves.keys()) };
  const metadata = (isObject(object['metadata']) ? object['metadata'] : (object['metadata'] = {})) as Obj;
  const position = mine ? entries.indexOf(mine) : kept.length;
  metadata['managedFields'] = [...kept.slice(0, position), own, ...kept.slice(position)];
  return { object };
}

/** Deep equality of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

function managedFields(live: Obj | undefined): ManagedFieldsEntry[] {
  const metadata = live?.['metadata'];
  return isObject(metadata) && Array.isArray(metadata['managedFields']) ? (metadata['managedFields'] as ManagedFieldsEntry[]) : [];
}

function printManager(entry: ManagedFieldsEntry): string {
  return entry.operation === 'Update' ? `"${entry.manager}" using ${entry.apiVersion}` : `"${entry.manager}"`;
}

function setPath(object: Obj, path: readonly string[], value: unknown): void {
  let node = object;
  for (const part of path.slice(0, -1)) node = (isObject(node[part]) ? node[part] : (node[part] = {})) as Obj;
  const last = path[path.length - 1] as string;
  // An applied empty map keeps what other managers set inside it.
  if (isObject(value) && Object.keys(value).length === 0 && isObject(node[last])) return;
  node[last] = structuredClone(value);
}

function removePath(object: Obj, path: readonly string[]): void {
  const parents: Obj[] = [object];
  for (const part of path.slice(0, -1)) {
    const next = parents[parents.length - 1]?.[part];
    if (!isObject(next)) return;
    parents.push(next);
  }
  delete parents[parents.length - 1]?.[path[path.length - 1] as string];
  // Prune maps the removal left empty, but never `metadata` itself.
  for (let i = parents.length - 1; i > 0; i--) {
    const node = parents[i] as Obj;
    if (Object.keys(node).length > 0 || (i === 1 && path[0] === 'metadata')) break;
    delete (parents[i - 1] as Obj)[path[i - 1] as string];
  }
}
