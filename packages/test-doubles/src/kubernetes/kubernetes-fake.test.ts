// The Kubernetes fake driven through @kubernetes/client-node over a real socket: discovery,
// server-side apply (idempotence, ownership, conflicts, force, dryRun), create, list, delete,
// validation and auth failures. Every reply is round-tripped through the client's
// ObjectSerializer (generated from Kubernetes' OpenAPI) and must come back unchanged.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  ApiException,
  ApisApi,
  CoreApi,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  RbacAuthorizationV1Api,
  type KubernetesObject,
  type V1NetworkPolicy,
  type V1ResourceQuota,
} from '@kubernetes/client-node';
// The package root does not re-export the serializer; this is the one the client itself uses.
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKubernetesFake, type KubernetesFake } from './kubernetes-fake.js';
import { modelViolations } from './model-check.js';

const MODELS = join(dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node')), 'gen', 'models');
const required = new Map<string, string[]>();
/** A model's required properties, as the client's typings declare them (non-optional members). */
function requiredFields(model: string): string[] {
  if (!required.has(model)) {
    const file = join(MODELS, `${model}.d.ts`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    required.set(model, [...text.matchAll(/^ {4}'(\w+)': /gm)].map((m) => m[1] as string));
  }
  return required.get(model) as string[];
}
const modelCheck = { serializer: ObjectSerializer, requiredFields };

let fake: KubernetesFake;
let objects: KubernetesObjectApi;
let clock = Date.parse('2025-10-01T10:00:00Z');

function kubeConfig(token: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: fake.url, skipTLSVerify: true }],
    users: [{ name: 'sluice', ...(token ? { token } : {}) }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'sluice' }],
    currentContext: 'fake',
  });
  return kc;
}

beforeEach(async () => {
  fake = await startKubernetesFake({ modelCheck, now: () => new Date((clock += 1000)) });
  objects = KubernetesObjectApi.makeApiClient(kubeConfig(fake.token));
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

/** The Status an API call failed with. */
async function failureOf(call: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiException)) throw error;
    const body = typeof error.body === 'string' ? (JSON.parse(error.body) as Record<string, unknown>) : (error.body as Record<string, unknown>);
    return { code: error.code, body };
  }
  throw new Error('the call succeeded');
}

const apply = <T extends KubernetesObject>(object: T, manager = 'sluice', options: { force?: boolean; dryRun?: string } = {}) =>
  objects.patch(object, undefined, options.dryRun, manager, options.force, PatchStrategy.ServerSideApply);

const namespace = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const quota = (hard: Record<string, string>, ns = 'team-a', labels?: Record<string, string>): V1ResourceQuota => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute', namespace: ns, ...(labels ? { labels } : {}) },
  spec: { hard },
});
const lastStatus = (): number | undefined => fake.requests[fake.requests.length - 1]?.response?.status;

describe('Kubernetes fake: discovery', () => {
  it('serves /api, /apis and the resource lists the clients map kinds with', async () => {
    const kc = kubeConfig(fake.token);
    expect((await kc.makeApiClient(CoreApi).getAPIVersions()).versions).toEqual(['v1']);
    const groups = await kc.makeApiClient(ApisApi).getAPIVersions();
    expect(groups.groups.map((g) => g.preferredVersion?.groupVersion).sort()).toEqual(['networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1']);
    const core = await kc.makeApiClient(CoreV1Api).getAPIResources();
    expect(core.groupVersion).toBe('v1');
    expect(core.resources.map((r) => [r.name, r.kind, r.namespaced])).toEqual([
      ['configmaps', 'ConfigMap', true],
      ['limitranges', 'LimitRange', true],
      ['namespaces', 'Namespace', false],
      ['resourcequotas', 'ResourceQuota', true],
      ['serviceaccounts', 'ServiceAccount', true],
    ]);
    expect(core.resources.find((r) => r.name === 'namespaces')?.verbs).toContain('patch');
    const rbac = await kc.makeApiClient(RbacAuthorizationV1Api).getAPIResources();
    expect(rbac.resources).toMatchObject([{ name: 'rolebindings', kind: 'RoleBinding', namespaced: true }]);
    const networking = await kc.makeApiClient(NetworkingV1Api).getAPIResources();
    expect(networking.resources).toMatchObject([{ name: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'] }]);
  });

  it('lets KubernetesObjectApi build cluster-scoped, namespaced and group URLs', async () => {
    await apply(namespace('team-a'));
    await apply(quota({ cpu: '2' }));
    await apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'team-a' }, spec: { podSelector: {} } });
    const writes = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.path);
    expect(writes).toEqual([
      '/api/v1/namespaces/team-a',
      '/api/v1/namespaces/team-a/resourcequotas/compute',
      '/apis/networking.k8s.io/v1/namespaces/team-a/networkpolicies/deny',
    ]);
  });
});

describe('Kubernetes fake: server-side apply', () => {
  beforeEach(async () => {
    await apply(namespace('team-a'));
  });

  it('creates with server metadata and managedFields, and a no-op re-apply keeps the resourceVersion', async () => {
    const created = await apply(quota({ cpu: '2', memory: '4Gi' }, 'team-a', { team: 'a' }));
    expect(lastStatus()).toBe(201);
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(created.metadata?.managedFields).toMatchObject([
      { manager: 'sluice', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } }, 'f:spec': { 'f:hard': { 'f:cpu': {}, 'f:memory': {} } } } },
    ]);
    const again = await apply(quota({ cpu: '2', memory: '4Gi' }, 'team-a', { team: 'a' }));
    expect(lastStatus()).toBe(200);
    expect(again.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    expect(again.metadata?.managedFields?.[0]?.time).toEqual(created.metadata?.managedFields?.[0]?.time);
  });

  it('changes bump the resourceVersion, and fields the manager stops applying are removed', async () => {
    const first = await apply(quota({ cpu: '2', memory: '4Gi' }, 'team-a', { team: 'a' }));
    const second = await apply(quota({ cpu: '3' }));
    expect(Number(second.metadata?.resourceVersion)).toBeGreaterThan(Number(first.metadata?.resourceVersion));
    expect(second.spec?.hard).toEqual({ cpu: '3' });
    expect(second.metadata?.labels).toBeUndefined();
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute')?.['spec']).toEqual({ hard: { cpu: '3' } });
  });

  it('merges the fields of several managers and keeps labels set by others', async () => {
    await apply(quota({ cpu: '2' }, 'team-a', { team: 'a' }));
    const merged = await apply(quota({ pods: '10' }, 'team-a', { owner: 'ops' }), 'ops');
    expect(merged.spec?.hard).toEqual({ cpu: '2', pods: '10' });
    expect(merged.metadata?.labels).toEqual({ team: 'a', owner: 'ops' });
    expect(merged.metadata?.managedFields?.map((m) => m.manager)).toEqual(['sluice', 'ops']);
  });

  it('answers 409 Conflict for a field another manager owns with another value, and force takes it over', async () => {
    await apply(quota({ cpu: '2', memory: '4Gi' }));
    await apply(quota({ cpu: '2' }), 'ops'); // same value: shared ownership, no conflict
    const conflict = await failureOf(apply(quota({ cpu: '4', memory: '8Gi' }), 'ops'));
    expect(conflict.code).toBe(409);
    expect(conflict.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
      message: 'Apply failed with 2 conflicts: conflicts with "sluice":\n- .spec.hard.cpu\n- .spec.hard.memory',
      details: {
        causes: [
          { reason: 'FieldManagerConflict', message: 'conflict with "sluice"', field: '.spec.hard.cpu' },
          { reason: 'FieldManagerConflict', message: 'conflict with "sluice"', field: '.spec.hard.memory' },
        ],
      },
    });
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute')?.['spec']).toEqual({ hard: { cpu: '2', memory: '4Gi' } });
    const forced = await apply(quota({ cpu: '4' }), 'ops', { force: true });
    expect(forced.spec?.hard).toEqual({ cpu: '4', memory: '4Gi' });
    const sluice = forced.metadata?.managedFields?.find((m) => m.manager === 'sluice');
    expect(sluice?.fieldsV1).toEqual({ 'f:spec': { 'f:hard': { 'f:memory': {} } } });
  });

  it('names the Update manager of a created object in a conflict', async () => {
    await fakeCoreApi().createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'settings' }, data: { mode: 'a' } }, fieldManager: 'console' });
    const conflict = await failureOf(apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a' }, data: { mode: 'b' } }));
    expect(conflict.body['message']).toBe('Apply failed with 1 conflict: conflict with "console" using v1: .data.mode');
  });

  it('stores nothing on dryRun=All but answers as if it had', async () => {
    const dry = await apply(quota({ cpu: '2' }), 'sluice', { dryRun: 'All' });
    expect(dry.spec?.hard).toEqual({ cpu: '2' });
    expect(lastStatus()).toBe(201);
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute')).toBeUndefined();
    await apply(quota({ cpu: '2' }));
    const dryChange = await apply(quota({ cpu: '9' }), 'sluice', { dryRun: 'All' });
    expect(dryChange.spec?.hard).toEqual({ cpu: '9' });
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute')?.['spec']).toEqual({ hard: { cpu: '2' } });
  });

  it('requires fieldManager on apply with 422 on PatchOptions', async () => {
    const { code, body } = await failureOf(objects.patch(quota({ cpu: '1' }), undefined, undefined, undefined, undefined, PatchStrategy.ServerSideApply));
    expect(code).toBe(422);
    expect(body).toMatchObject({
      reason: 'Invalid',
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', field: 'fieldManager' }] },
    });
  });

  it('defaults namespaces and network policies as the API server does, and counts NetworkPolicy generations', async () => {
    const ns = fake.object('v1', 'Namespace', undefined, 'team-a');
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'team-a' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    const policy: V1NetworkPolicy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'team-a' }, spec: { egress: [] } };
    const created = await apply(policy);
    expect(created).toMatchObject({ metadata: { generation: 1 }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    const changed = await apply({ ...policy, spec: { podSelector: { matchLabels: { app: 'web' } } } });
    expect(changed.metadata?.generation).toBe(2);
  });
});

function fakeCoreApi(token: string | null = fake.token): CoreV1Api {
  return kubeConfig(token ?? undefined).makeApiClient(CoreV1Api);
}

describe('Kubernetes fake: validation and errors', () => {
  it('answers 422 Invalid for a name that is not a DNS-1123 label', async () => {
    const { code, body } = await failureOf(apply(namespace('team_a')));
    expect(code).toBe(422);
    expect(body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      details: { name: 'team_a', kind: 'Namespace', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] },
    });
    expect(body['message']).toMatch(/^Namespace "team_a" is invalid: metadata\.name: Invalid value: "team_a": a lowercase RFC 1123 label must consist of/);
    expect(fake.objects()).toEqual([]);
  });

  it('rejects a quota quantity that does not parse with 400 (decode error) and a negative one with 422', async () => {
    await apply(namespace('team-a'));
    const unparsable = await failureOf(apply(quota({ cpu: 'two' })));
    expect(unparsable).toMatchObject({ code: 400, body: { reason: 'BadRequest', message: expect.stringContaining('quantities must match the regular expression') } });
    const negative = await failureOf(apply(quota({ cpu: '-1', memory: '2Gi' })));
    expect(negative).toMatchObject({
      code: 422,
      body: { reason: 'Invalid', details: { kind: 'ResourceQuota', causes: [{ field: 'spec.hard[cpu]', message: 'Invalid value: "-1": must be greater than or equal to 0' }] } },
    });
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute')).toBeUndefined();
  });

  it('validates LimitRange types, RoleBinding roleRef and subjects, and NetworkPolicy policyTypes', async () => {
    await apply(namespace('team-a'));
    const limits = await failureOf(apply({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l', namespace: 'team-a' }, spec: { limits: [{ type: 'Node' }, {}] } }));
    expect(limits.body['details']).toMatchObject({ causes: [{ field: 'spec.limits[0].type', reason: 'FieldValueNotSupported' }, { field: 'spec.limits[1].type', reason: 'FieldValueRequired' }] });
    const binding = await failureOf(
      apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'admins', namespace: 'team-a' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Admin', name: '' }, subjects: [{ kind: 'Robot', name: 'x' }] }),
    );
    expect(binding).toMatchObject({ code: 422, body: { details: { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' } } });
    expect((binding.body['details'] as { causes: { field: string }[] }).causes.map((c) => c.field)).toEqual(['roleRef.kind', 'roleRef.name', 'subjects[0].kind']);
    expect(binding.body['message']).toMatch(/^RoleBinding\.rbac\.authorization\.k8s\.io "admins" is invalid: \[roleRef\.kind: Unsupported value: "Admin"/);
    const policy = await failureOf(apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'team-a' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } }));
    expect(policy.code).toBe(422);
  });

  it('keeps a RoleBinding roleRef immutable', async () => {
    await apply(namespace('team-a'));
    const binding = (roleName: string) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'admins', namespace: 'team-a' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'team-a-admins' }],
    });
    await apply(binding('admin'));
    const changed = await failureOf(apply(binding('edit')));
    expect(changed.body).toMatchObject({ reason: 'Invalid', details: { causes: [{ field: 'roleRef', message: expect.stringContaining('cannot change roleRef') }] } });
  });

  it('answers 404 NotFound for a namespace that does not exist', async () => {
    const { code, body } = await failureOf(apply(quota({ cpu: '1' }, 'nowhere')));
    expect(code).toBe(404);
    expect(body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'namespaces "nowhere" not found', reason: 'NotFound', details: { name: 'nowhere', kind: 'namespaces' }, code: 404 });
  });

  it('answers 401 Unauthorized without a token or with a wrong one', async () => {
    const anonymous = await failureOf(fakeCoreApi(null).listNamespace());
    expect(anonymous.code).toBe(401);
    const wrong = await failureOf(KubernetesObjectApi.makeApiClient(kubeConfig('nope')).read({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }));
    expect(wrong).toMatchObject({ code: 401, body: { kind: 'Status', status: 'Failure', reason: 'Unauthorized', message: 'Unauthorized', code: 401 } });
    expect(fake.requests.map((r) => r.headers['authorization'])).toEqual([undefined, 'Bearer nope']);
  });

  it('answers 409 AlreadyExists to a second create', async () => {
    const core = fakeCoreApi();
    await core.createNamespace({ body: { metadata: { name: 'team-a' } } });
    const body = { metadata: { name: 'settings' }, data: { a: '1' } };
    const created = await core.createNamespacedConfigMap({ namespace: 'team-a', body });
    expect(created.metadata?.managedFields).toMatchObject([{ operation: 'Update', fieldsV1: { 'f:data': { 'f:a': {} } } }]);
    const again = await failureOf(core.createNamespacedConfigMap({ namespace: 'team-a', body }));
    expect(again).toMatchObject({ code: 409, body: { reason: 'AlreadyExists', message: 'configmaps "settings" already exists', details: { name: 'settings', kind: 'configmaps' } } });
    const binding = { metadata: { name: 'b' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' } };
    const rbac = kubeConfig(fake.token).makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRoleBinding({ namespace: 'team-a', body: binding });
    const twice = await failureOf(rbac.createNamespacedRoleBinding({ namespace: 'team-a', body: binding }));
    expect(twice.body).toMatchObject({ message: 'rolebindings.rbac.authorization.k8s.io "b" already exists', details: { group: 'rbac.authorization.k8s.io', kind: 'rolebindings' } });
  });
});

describe('Kubernetes fake: read, list and delete', () => {
  beforeEach(async () => {
    await apply(namespace('team-a'));
    await apply(namespace('team-b'));
    for (const [ns, name] of [['team-a', 'one'], ['team-a', 'two'], ['team-b', 'three']] as const) {
      await apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { n: name } }, data: { k: name } });
    }
  });

  it('reads and lists per namespace, across namespaces and by label', async () => {
    const one = await objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'team-a' } });
    expect(one).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { k: 'one' } });
    const listed = await objects.list('v1', 'ConfigMap', 'team-a');
    expect(listed.items.map((i) => i.metadata?.name)).toEqual(['one', 'two']);
    const core = fakeCoreApi();
    const all = await core.listConfigMapForAllNamespaces();
    expect(all.items.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`)).toEqual(['team-a/one', 'team-a/two', 'team-b/three']);
    expect(all.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect((await core.listNamespacedConfigMap({ namespace: 'team-a', labelSelector: 'n=two' })).items.map((i) => i.metadata?.name)).toEqual(['two']);
    const listBody = fake.requests.find((r) => r.path === '/api/v1/namespaces/team-a/configmaps')?.response?.body;
    expect(listBody).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1' });
    expect((listBody as { items: object[] }).items[0]).not.toHaveProperty('kind');
  });

  it('deletes an object with a success Status, then answers 404', async () => {
    const status = await objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'team-a' } });
    expect(status).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'one', kind: 'configmaps' } });
    const gone = await failureOf(objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'team-a' } }));
    expect(gone).toMatchObject({ code: 404, body: { message: 'configmaps "one" not found' } });
    expect((await failureOf(objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'team-a' } }))).code).toBe(404);
  });

  it('deletes a namespace: answered Terminating, then gone with everything in it', async () => {
    const terminating = await fakeCoreApi().deleteNamespace({ name: 'team-a' });
    expect(terminating).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' } });
    expect(fake.objects().map((o) => `${o.kind}/${String(o.metadata['name'])}`).sort()).toEqual(['ConfigMap/three', 'Namespace/team-b']);
  });
});

describe('Kubernetes fake: hooks and the model check', () => {
  it('fails the next matching request as scripted, once', async () => {
    await apply(namespace('team-a'));
    fake.failNext({ method: 'PATCH', path: /resourcequotas/, code: 500, reason: 'InternalError', message: 'etcdserver: request timed out' });
    expect(await failureOf(apply(quota({ cpu: '1' })))).toMatchObject({ code: 500, body: { reason: 'InternalError', message: 'etcdserver: request timed out' } });
    expect((await apply(quota({ cpu: '1' }))).spec?.hard).toEqual({ cpu: '1' });
  });

  it('catches bodies the client models would not accept', () => {
    const bad = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', uid: 7, creationTimestamp: 'yesterday' }, subject: [] };
    const problems = modelViolations(modelCheck, bad, 'V1RoleBinding');
    expect(problems.join('\n')).toMatch(/round trip failed|creationTimestamp/);
    const noDate = { ...bad, metadata: { name: 'b' } };
    expect(modelViolations(modelCheck, noDate, 'V1RoleBinding')).toEqual([
      'V1RoleBinding.subject: not in the model (sent [])',
      'V1RoleBinding.roleRef: required by V1RoleBinding, missing',
    ]);
    expect(modelViolations(modelCheck, { kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'x', kind: 'X', namespaced: 'yes' }] }, 'V1APIResourceList')).toEqual([
      'V1APIResourceList.resources[0].singularName: required by V1APIResource, missing',
      'V1APIResourceList.resources[0].verbs: required by V1APIResource, missing',
    ]);
  });
});

describe('Kubernetes fake: requests the client cannot send (raw HTTP)', () => {
  const send = async (method: string, path: string, body: unknown, contentType = 'application/apply-patch+yaml') => {
    const response = await fetch(`${fake.url}${path}`, { method, headers: { authorization: `Bearer ${fake.token}`, 'content-type': contentType }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers 400 when the body kind, apiVersion or name does not match the URL', async () => {
    await apply(namespace('team-a'));
    const url = '/api/v1/namespaces/team-a/configmaps/settings?fieldManager=sluice';
    const wrongKind = await send('PATCH', url, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'settings' } });
    expect(wrongKind).toMatchObject({ status: 400, body: { reason: 'BadRequest', message: 'Incorrect kind specified in apply patch. Specified patch kind: Secret, expected: ConfigMap' } });
    const wrongVersion = await send('PATCH', url, { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    expect(wrongVersion.body['message']).toBe('Incorrect version specified in apply patch. Specified patch version: apps/v1, expected: v1');
    const wrongName = await send('PATCH', url, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
    expect(wrongName.body['message']).toBe('the name of the object (other) does not match the name on the URL (settings)');
    const created = await send('POST', '/api/v1/namespaces/team-a/configmaps', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }, 'application/json');
    expect(created).toMatchObject({ status: 400, body: { reason: 'BadRequest' } });
    expect(fake.objects()).toHaveLength(1);
  });

  it('reports verbs and patch types it does not model as violations', async () => {
    await apply(namespace('team-a'));
    const replaced = await send('PUT', '/api/v1/namespaces/team-a', namespace('team-a'), 'application/json');
    expect(replaced).toMatchObject({ status: 405, body: { reason: 'MethodNotAllowed' } });
    const merged = await send('PATCH', '/api/v1/namespaces/team-a', { metadata: { labels: { a: 'b' } } }, 'application/merge-patch+json');
    expect(merged.status).toBe(415);
    expect(fake.violations).toEqual([
      'PUT /api/v1/namespaces/team-a: verb not modelled by the Kubernetes fake',
      'PATCH /api/v1/namespaces/team-a: application/merge-patch+json patch type is not modelled (only server-side apply)',
    ]);
    fake.violations.length = 0;
  });
});
