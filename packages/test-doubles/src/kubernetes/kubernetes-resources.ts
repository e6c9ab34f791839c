// The resource types the Kubernetes fake serves, as API discovery describes them, and the lookups
// (by URL segment, by apiVersion and kind) the routes and the store share.

/** One served resource type. */
export interface KubernetesResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  /** Plural, as in URLs: `namespaces`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** Verbs the real API server lists in discovery (the fake serves get, list, create, delete, apply). */
  verbs: readonly string[];
  /** The registry sets and bumps `metadata.generation` on spec changes (true only for NetworkPolicy). */
  generation: boolean;
  /** How `metadata.name` is validated. */
  nameRule: 'dns1123Label' | 'dns1123Subdomain' | 'pathSegment';
}

const NAMESPACED_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The served types, in the order discovery lists them. */
export const KUBERNETES_RESOURCE_TYPES: readonly KubernetesResourceType[] = [
  { group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], verbs: NAMESPACED_VERBS, generation: false, nameRule: 'dns1123Subdomain' },
  { group: '', version: 'v1', resource: 'limitranges', singular: 'limitrange', kind: 'LimitRange', namespaced: true, shortNames: ['limits'], verbs: NAMESPACED_VERBS, generation: false, nameRule: 'dns1123Subdomain' },
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], generation: false, nameRule: 'dns1123Label' },
  { group: '', version: 'v1', resource: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], verbs: NAMESPACED_VERBS, generation: false, nameRule: 'dns1123Subdomain' },
  { group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], verbs: NAMESPACED_VERBS, generation: false, nameRule: 'dns1123Subdomain' },
  { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', singular: 'networkpolicy', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'], verbs: NAMESPACED_VERBS, generation: true, nameRule: 'dns1123Subdomain' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', namespaced: true, shortNames: [], verbs: NAMESPACED_VERBS, generation: false, nameRule: 'pathSegment' },
];

/** `v1` or `group/version`. */
export function apiVersionOf(type: Pick<KubernetesResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The type served at a group, version and plural resource name. */
export function resourceType(group: string, version: string, resource: string): KubernetesResourceType | undefined {
  return KUBERNETES_RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.resource === resource);
}

/** The type of an apiVersion and kind, as in a manifest. */
export function typeOfKind(apiVersion: string, kind: string): KubernetesResourceType | undefined {
  return KUBERNETES_RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

/** The group-version pairs served, core first. */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of KUBERNETES_RESOURCE_TYPES) seen.set(apiVersionOf(t), { group: t.group, version: t.version });
  return [...seen.values()];
}

/** `resource` or `resource.group`, as the API server names a resource in messages. */
export function qualifiedResource(type: KubernetesResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

/** `Kind` or `Kind.group`, as the API server names a kind in messages. */
export function qualifiedKind(type: KubernetesResourceType): string {
  return type.group === '' ? type.kind : `${type.kind}.${type.group}`;
}
