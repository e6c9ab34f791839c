// Serves one request to the Kubernetes fake: discovery, then resource URLs
// (`/api/v1[/namespaces/<ns>]/<resource>[/<name>]`, `/apis/<group>/<version>/...`) by verb.
import { parse as parseYaml } from 'yaml';
import type { RecordedRequest } from '../http/recorded-request.js';
import { isObject } from './field-ownership.js';
import { discoveryDocument } from './kubernetes-discovery.js';
import { apiVersionOf, resourceType, type KubernetesResourceType } from './kubernetes-resources.js';
import { badRequest, deleted, invalid, methodNotAllowed, noSuchResource, notFound, unsupportedMediaType, cause } from './kubernetes-status.js';
import type { KubernetesObject, KubernetesStore, WriteResult } from './kubernetes-store.js';

/** A reply and the client model its body is (for the model check). */
export interface KubernetesReply {
  status: number;
  body: unknown;
  model?: string;
}

interface Target {
  type: KubernetesResourceType;
  namespace: string;
  name?: string;
  subresource?: string;
}

/** Answers a request; `unmodelled` receives a note for requests the fake does not serve. @internal */
export function serveKubernetes(store: KubernetesStore, request: RecordedRequest, host: string, unmodelled: (note: string) => void): KubernetesReply {
  if (request.method === 'GET') {
    const document = discoveryDocument(request.path, host);
    if (document) return { status: 200, ...document };
  }
  const target = parseTarget(request.path);
  if (!target) return withStatus(noSuchResource());
  const { type, namespace, name } = target;
  if (target.subresource !== undefined) {
    unmodelled(`${request.method} ${request.path}: subresource ${target.subresource} is not modelled`);
    return withStatus(noSuchResource());
  }
  if (name === undefined) {
    if (request.method === 'GET') return list(store, type, target.namespace === '' ? undefined : namespace, request);
    if (request.method === 'POST' && type.namespaced && namespace === '') return withStatus(methodNotAllowed());
    if (request.method === 'POST') return write(store.create(type, namespace, ...createArgs(request, type)));
  } else {
    if (request.method === 'GET') {
      const object = store.get(type, namespace, name);
      return object ? { status: 200, body: object, model: `V1${type.kind}` } : withStatus(notFound(type, name));
    }
    if (request.method === 'PATCH') return patch(store, target as Required<Omit<Target, 'subresource'>>, request, unmodelled);
    if (request.method === 'DELETE') return remove(store, type, namespace, name, request);
  }
  unmodelled(`${request.method} ${request.path}: verb not modelled by the Kubernetes fake`);
  return withStatus(methodNotAllowed());
}

function parseTarget(path: string): Target | undefined {
  let segments: string[];
  try {
    segments = path.replace(/\/+$/, '').split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const [group, parts] = segments[0] === 'api' ? ['', segments.slice(1)] : segments[0] === 'apis' ? [segments[1] ?? '', segments.slice(2)] : [undefined, []];
  if (group === undefined) return undefined;
  const [version = '', ...rest] = parts;
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [namespace = '', resource = '', name, subresource, ...extra] = namespaced ? rest.slice(1) : ['', ...rest];
  const type = resourceType(group, version, resource);
  if (!type || extra.length > 0) return undefined;
  // A namespaced kind is addressed by name only inside a namespace; a cluster-scoped one never is inside one.
  if (namespaced ? !type.namespaced : type.namespaced && name !== undefined) return undefined;
  return { type, namespace, ...(name !== undefined ? { name } : {}), ...(subresource !== undefined ? { subresource } : {}) };
}

function list(store: KubernetesStore, type: KubernetesResourceType, namespace: string | undefined, request: RecordedRequest): KubernetesReply {
  const selector = typeof request.query['labelSelector'] === 'string' ? request.query['labelSelector'] : '';
  const items = store
    .list(type, namespace)
    .filter((o) => matchesLabels(o, selector))
    .map(({ apiVersion: _a, kind: _k, ...item }) => item);
  return { status: 200, model: `V1${type.kind}List`, body: { apiVersion: apiVersionOf(type), kind: `${type.kind}List`, metadata: { resourceVersion: store.resourceVersion }, items } };
}

/** Equality-based label selectors: `a=b,c!=d,e` (set-based selectors are not modelled). */
function matchesLabels(object: KubernetesObject, selector: string): boolean {
  const labels = isObject(object.metadata['labels']) ? object.metadata['labels'] : {};
  return selector
    .split(',')
    .filter((term) => term.trim() !== '')
    .every((term) => {
      const [key, value] = term.split(/!=|==?/).map((s) => s.trim()) as [string, string | undefined];
      if (value === undefined) return key.startsWith('!') ? !(key.slice(1) in labels) : key in labels;
      return term.includes('!=') ? labels[key] !== value : labels[key] === value;
    });
}

function createArgs(request: RecordedRequest, type: KubernetesResourceType): [KubernetesObject, { manager: string; dryRun: boolean }] {
  const manager = typeof request.query['fieldManager'] === 'string' ? request.query['fieldManager'] : (request.headers['user-agent'] ?? 'unknown').split('/')[0] || 'unknown';
  const body = decodeBody(request.rawBody);
  if (!isObject(body)) throw new BadBody('the body of the request was not a JSON or YAML object');
  if (body['apiVersion'] !== undefined && body['apiVersion'] !== apiVersionOf(type)) {
    throw new BadBody(`the API version in the data (${String(body['apiVersion'])}) does not match the expected API version (${apiVersionOf(type)})`);
  }
  if (body['kind'] !== undefined && body['kind'] !== type.kind) {
    throw new BadBody(`the kind in the data (${String(body['kind'])}) does not match the expected kind (${type.kind})`);
  }
  const metadata = isObject(body['metadata']) ? body['metadata'] : {};
  return [{ ...body, apiVersion: apiVersionOf(type), kind: type.kind, metadata }, { manager, dryRun: isDryRun(request) }];
}

function patch(store: KubernetesStore, target: { type: KubernetesResourceType; namespace: string; name: string }, request: RecordedRequest, unmodelled: (note: string) => void): KubernetesReply {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (contentType !== 'application/apply-patch+yaml') {
    unmodelled(`PATCH ${request.path}: ${contentType || 'no'} patch type is not modelled (only server-side apply)`);
    return withStatus(unsupportedMediaType(contentType));
  }
  const manager = request.query['fieldManager'];
  if (typeof manager !== 'string' || manager === '') {
    return withStatus(invalid({ kind: 'PatchOptions', group: 'meta.k8s.io' }, '', [cause.required('fieldManager', 'is required for apply patch')]));
  }
  let body: unknown;
  try {
    body = parseYaml(request.rawBody);
  } catch (error) {
    return withStatus(badRequest(`error decoding YAML: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (!isObject(body)) return withStatus(badRequest('error decoding YAML: the apply patch is not an object'));
  const { type, namespace, name } = target;
  if (body['apiVersion'] !== apiVersionOf(type)) {
    return withStatus(badRequest(`Incorrect version specified in apply patch. Specified patch version: ${String(body['apiVersion'] ?? '')}, expected: ${apiVersionOf(type)}`));
  }
  if (body['kind'] !== type.kind) {
    return withStatus(badRequest(`Incorrect kind specified in apply patch. Specified patch kind: ${String(body['kind'] ?? '')}, expected: ${type.kind}`));
  }
  const metadata = isObject(body['metadata']) ? body['metadata'] : {};
  if (metadata['name'] !== name) return withStatus(badRequest(`the name of the object (${String(metadata['name'] ?? '')}) does not match the name on the URL (${name})`));
  if (type.namespaced && metadata['namespace'] !== undefined && metadata['namespace'] !== namespace) {
    return withStatus(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
  }
  const force = request.query['force'] === 'true';
  return write(store.apply(type, namespace, name, { ...body, metadata } as KubernetesObject, { manager, force, dryRun: isDryRun(request) }));
}

function remove(store: KubernetesStore, type: KubernetesResourceType, namespace: string, name: string, request: RecordedRequest): KubernetesReply {
  const result = store.delete(type, namespace, name, isDryRun(request));
  if ('failure' in result) return withStatus(result.failure);
  // A namespace is answered with itself, Terminating; other kinds with a success Status.
  if (type.kind === 'Namespace') return { status: 200, body: result.object, model: 'V1Namespace' };
  return { ...deleted(type, name, String(result.object.metadata['uid'])), model: 'V1Status' };
}

function write(result: WriteResult): KubernetesReply {
  if ('failure' in result) return withStatus(result.failure);
  return { status: result.created ? 201 : 200, body: result.object, model: `V1${result.object.kind}` };
}

function isDryRun(request: RecordedRequest): boolean {
  const dryRun = request.query['dryRun'];
  if (dryRun === undefined) return false;
  if (dryRun === 'All') return true;
  throw new BadOption(String(dryRun));
}

function decodeBody(rawBody: string): unknown {
  try {
    return parseYaml(rawBody);
  } catch {
    return undefined;
  }
}

const withStatus = (reply: { status: number; body: unknown }): KubernetesReply => ({ ...reply, model: 'V1Status' });

/** A body the API server cannot decode; answered 400. @internal */
export class BadBody extends Error {}

/** An unsupported `dryRun` value; answered 422 on the request's options. @internal */
export class BadOption extends Error {}

/** The reply for a {@link BadBody} or {@link BadOption} thrown while serving `request`. @internal */
export function rejectionReply(error: unknown, request: RecordedRequest): KubernetesReply | undefined {
  if (error instanceof BadBody) return withStatus(badRequest(error.message));
  if (error instanceof BadOption) {
    const kind = request.method === 'POST' ? 'CreateOptions' : request.method === 'DELETE' ? 'DeleteOptions' : 'PatchOptions';
    return withStatus(invalid({ kind, group: 'meta.k8s.io' }, '', [cause.notSupported('dryRun', error.message, ['All'])]));
  }
  return undefined;
}
