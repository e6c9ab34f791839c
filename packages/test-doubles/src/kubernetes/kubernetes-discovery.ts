// The legacy discovery documents (`/api`, `/apis`, `/apis/<group>`, `/api/v1`, `/apis/<group>/<version>`)
// clients read to map kinds to URLs, for the served types only.
import { apiVersionOf, groupVersions, KUBERNETES_RESOURCE_TYPES } from './kubernetes-resources.js';

/** The discovery reply for a path, with its model name, or undefined when the path is not one. */
export function discoveryDocument(path: string, host: string): { body: unknown; model: string } | undefined {
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  const groups = groupVersions().filter((g) => g.group !== '');
  if (segments.length === 1 && segments[0] === 'api') {
    return { model: 'V1APIVersions', body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] } };
  }
  if (segments.length === 1 && segments[0] === 'apis') {
    return { model: 'V1APIGroupList', body: { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.group, g.version)) } };
  }
  if (segments.length === 2 && segments[0] === 'apis' && groups.some((g) => g.group === segments[1])) {
    const version = groups.find((g) => g.group === segments[1])?.version as string;
    return { model: 'V1APIGroup', body: { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(segments[1] as string, version) } };
  }
  const group = segments[0] === 'api' && segments.length === 2 ? '' : segments[0] === 'apis' && segments.length === 3 ? (segments[1] as string) : undefined;
  const version = segments[segments.length - 1];
  if (group === undefined || !groupVersions().some((g) => g.group === group && g.version === version)) return undefined;
  const resources = KUBERNETES_RESOURCE_TYPES.filter((t) => t.group === group && t.version === version).map((t) => ({
    name: t.resource,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: [...t.verbs],
    ...(t.shortNames.length > 0 ? { shortNames: [...t.shortNames] } : {}),
  }));
  const groupVersion = apiVersionOf({ group, version: version as string });
  // The core list has no apiVersion; group lists do (as the API server sends them).
  return { model: 'V1APIResourceList', body: { kind: 'APIResourceList', ...(group ? { apiVersion: 'v1' } : {}), groupVersion, resources } };
}

function apiGroup(group: string, version: string) {
  const preferred = { groupVersion: `${group}/${version}`, version };
  return { name: group, versions: [preferred], preferredVersion: preferred };
}
