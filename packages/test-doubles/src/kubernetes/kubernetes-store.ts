// The Kubernetes fake's state: stored objects by type, namespace and name, the resourceVersion
// counter, and the create, apply and delete verbs with their metadata bookkeeping.
import { randomUUID } from 'node:crypto';
import { applyFields, isObject, sameValue, updateEntry, type ManagedFieldsEntry } from './field-ownership.js';
import { apiVersionOf, KUBERNETES_RESOURCE_TYPES, type KubernetesResourceType } from './kubernetes-resources.js';
import { alreadyExists, badRequest, failure, invalidObject, notFound, type StatusReply } from './kubernetes-status.js';
import { validateObject } from './validate-object.js';

/** A stored object: apiVersion, kind, metadata and the kind's own fields. */
export type KubernetesObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: Record<string, unknown> };

/** The outcome of a write: the object (and whether it is new), or a failure Status. */
export type WriteResult = { object: KubernetesObject; created: boolean } | { failure: StatusReply };

/** Options of a write. */
export interface WriteOptions {
  manager: string;
  dryRun: boolean;
}

const NAMESPACES = KUBERNETES_RESOURCE_TYPES.find((t) => t.resource === 'namespaces') as KubernetesResourceType;

/** The objects, keyed `group/resource/namespace/name`. @internal */
export class KubernetesStore {
  readonly #objects = new Map<string, KubernetesObject>();
  readonly #now: () => Date;
  #version = 1000;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** The latest resourceVersion handed out, as lists report it. */
  get resourceVersion(): string {
    return String(this.#version);
  }

  get(type: KubernetesResourceType, namespace: string, name: string): KubernetesObject | undefined {
    return this.#objects.get(key(type, namespace, name));
  }

  /** Objects of a type, of one namespace or (namespace undefined) all, by namespace then name. */
  list(type: KubernetesResourceType, namespace?: string): KubernetesObject[] {
    return [...this.#objects.entries()]
      .filter(([k]) => k.startsWith(`${type.group}/${type.resource}/${namespace === undefined ? '' : `${namespace}/`}`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, o]) => o);
  }

  all(): KubernetesObject[] {
    return [...this.#objects.values()];
  }

  /** POST: creates, or answers 409 AlreadyExists; the manager owns every field (operation Update). */
  create(type: KubernetesResourceType, namespace: string, body: KubernetesObject, options: WriteOptions): WriteResult {
    const name = body.metadata['name'];
    const scope = this.#scopeFailure(type, namespace);
    if (scope) return { failure: scope };
    if (typeof name === 'string' && this.get(type, namespace, name)) return { failure: alreadyExists(type, name) };
    const object = withDefaults(type, structuredClone(body));
    if (type.namespaced) object.metadata['namespace'] = namespace;
    const checked = this.#validate(type, object);
    if (checked) return { failure: checked };
    const { name: _n, namespace: _ns, ...rest } = stripServerMetadata(object.metadata);
    object.metadata = { name, ...(type.namespaced ? { namespace } : {}), ...rest };
    object.metadata['managedFields'] = [updateEntry(object, options.manager, apiVersionOf(type), this.#time())];
    return { object: this.#commit(type, object, undefined, options.dryRun), created: true };
  }

  /** Server-side apply: creates or merges, tracks ownership, answers 409 Conflict on contested fields. */
  apply(type: KubernetesResourceType, namespace: string, name: string, body: KubernetesObject, options: WriteOptions & { force: boolean }): WriteResult {
    const scope = this.#scopeFailure(type, namespace);
    if (scope) return { failure: scope };
    const live = this.get(type, namespace, name);
    const merged = applyFields(live, { ...body, metadata: stripServerMetadata(body.metadata) }, {
      manager: options.manager,
      force: options.force,
      apiVersion: apiVersionOf(type),
      time: this.#time(),
    });
    if ('conflicts' in merged) {
      const { conflicts } = merged;
      const message =
        conflicts.length === 1
          ? `Apply failed with 1 conflict: conflict with ${conflicts[0]?.manager}: ${conflicts[0]?.field}`
          : `Apply failed with ${conflicts.length} conflicts: ${groupConflicts(conflicts)}`;
      return { failure: failure(409, 'Conflict', message, { causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${c.manager}`, field: c.field })) }) };
    }
    const object = merged.object as KubernetesObject;
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    object.metadata = { ...object.metadata, name, ...(type.namespaced ? { namespace } : {}) };
    withDefaults(type, object);
    const checked = this.#validate(type, object, live);
    if (checked) return { failure: checked };
    if (live && sameValue(withoutTimes(object), withoutTimes(live))) return { object: live, created: false };
    return { object: this.#commit(type, ordered(object), live, options.dryRun), created: !live };
  }

  /** DELETE. A namespace goes Terminating and is removed at once with everything in it. */
  delete(type: KubernetesResourceType, namespace: string, name: string, dryRun: boolean): { object: KubernetesObject } | { failure: StatusReply } {
    const object = this.get(type, namespace, name);
    if (!object) return { failure: notFound(type, name) };
    if (dryRun) return { object };
    this.#objects.delete(key(type, namespace, name));
    this.#version += 1;
    if (type !== NAMESPACES) return { object };
    for (const k of [...this.#objects.keys()]) if (k.split('/')[2] === name && !k.startsWith('/namespaces/')) this.#objects.delete(k);
    const terminating = structuredClone(object);
    terminating.metadata = { ...terminating.metadata, resourceVersion: this.resourceVersion, deletionTimestamp: this.#time() };
    terminating['status'] = { phase: 'Terminating' };
    return { object: terminating };
  }

  #scopeFailure(type: KubernetesResourceType, namespace: string): StatusReply | undefined {
    if (!type.namespaced) return undefined;
    return this.get(NAMESPACES, '', namespace) ? undefined : notFound(NAMESPACES, namespace);
  }

  #validate(type: KubernetesResourceType, object: KubernetesObject, previous?: KubernetesObject): StatusReply | undefined {
    const result = validateObject(type, object, previous);
    if ('decodeError' in result) return badRequest(result.decodeError);
    return result.causes.length > 0 ? invalidObject(type, String(object.metadata['name'] ?? ''), result.causes) : undefined;
  }

  #commit(type: KubernetesResourceType, object: KubernetesObject, live: KubernetesObject | undefined, dryRun: boolean): KubernetesObject {
    const metadata = object.metadata;
    metadata['uid'] = live?.metadata['uid'] ?? randomUUID();
    metadata['creationTimestamp'] = live?.metadata['creationTimestamp'] ?? this.#time();
    if (type.generation) {
      const before = live?.metadata['generation'];
      metadata['generation'] = typeof before === 'number' ? before + (sameValue(live?.['spec'], object['spec']) ? 0 : 1) : 1;
    }
    if (dryRun) {
      if (live) metadata['resourceVersion'] = live.metadata['resourceVersion'];
      else delete metadata['resourceVersion'];
      return ordered(object);
    }
    this.#version += 1;
    metadata['resourceVersion'] = String(this.#version);
    const stored = ordered(object);
    this.#objects.set(key(type, String(metadata['namespace'] ?? ''), String(metadata['name'])), stored);
    return stored;
  }

  #time(): string {
    return this.#now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

function key(type: KubernetesResourceType, namespace: string, name: string): string {
  return `${type.group}/${type.resource}/${type.namespaced ? namespace : ''}/${name}`;
}

function stripServerMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const { uid: _u, resourceVersion: _r, generation: _g, creationTimestamp: _c, managedFields: _m, deletionTimestamp: _d, selfLink: _s, ...rest } = metadata;
  return rest;
}

/** Server-side defaults of the kinds that have some. */
function withDefaults(type: KubernetesResourceType, object: KubernetesObject): KubernetesObject {
  if (!isObject(object.metadata)) object.metadata = {};
  if (type.kind === 'Namespace') {
    const labels = isObject(object.metadata['labels']) ? object.metadata['labels'] : {};
    object.metadata['labels'] = { ...labels, 'kubernetes.io/metadata.name': object.metadata['name'] };
    object['spec'] = { finalizers: ['kubernetes'], ...(isObject(object['spec']) ? object['spec'] : {}) };
    object['status'] = { phase: 'Active' };
  }
  if (type.kind === 'NetworkPolicy') {
    const spec = isObject(object['spec']) ? object['spec'] : {};
    const policyTypes = ['Ingress', ...(Array.isArray(spec['egress']) ? ['Egress'] : [])];
    object['spec'] = { podSelector: {}, policyTypes, ...spec };
  }
  return object;
}

/** apiVersion, kind, metadata (in the server's key order), then the rest. */
function ordered(object: KubernetesObject): KubernetesObject {
  const { apiVersion, kind, metadata, ...rest } = object;
  const order = ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'labels', 'annotations', 'managedFields'];
  const sorted = Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => rank(order, a) - rank(order, b)));
  return { apiVersion, kind, metadata: sorted, ...rest };
}

const rank = (order: string[], k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);

function withoutTimes(object: KubernetesObject): unknown {
  const entries = object.metadata['managedFields'];
  const managedFields = Array.isArray(entries) ? entries.map(({ time: _t, ...rest }: ManagedFieldsEntry) => rest) : entries;
  return { ...object, metadata: { ...object.metadata, managedFields } };
}

function groupConflicts(conflicts: readonly { manager: string; field: string }[]): string {
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.field]);
  return [...byManager.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([manager, fields]) => `conflicts with ${manager}:\n- ${fields.join('\n- ')}`)
    .join('\n');
}
