/**
 * `kubernetes:apply` against the Kubernetes fake over a real socket, through @kubernetes/client-node:
 * multi-document manifests, ordering, idempotent re-apply, Status errors naming the object,
 * field-manager conflicts, dry runs and cancellation between objects.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The package root does not re-export the serializer; this is the one the client itself uses.
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Test-only relative import: @sluice/test-doubles is not a dependency of @sluice/scaffolder.
import { startKubernetesFake, type KubernetesFake } from '../../test-doubles/src/index.js';
import { createKubernetesApplyAction, type KubernetesApplyInput } from '../src/actions/kubernetes-apply-action.js';
import { ScaffolderError } from '../src/errors/scaffolder-error.js';
import { actionContext } from './action-context.js';

let fake: KubernetesFake;
let ws: string;
let kubeconfig: string;

beforeEach(async () => {
  let clock = Date.parse('2025-10-01T10:00:00Z');
  fake = await startKubernetesFake({ modelCheck: { serializer: ObjectSerializer }, now: () => new Date((clock += 1000)) });
  ws = await mkdtemp(join(tmpdir(), 'sluice-k8s-apply-'));
  kubeconfig = join(ws, '..', `${ws.split('/').pop() ?? 'x'}.kubeconfig`);
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: fake, cluster: {server: "' + fake.url + '", insecure-skip-tls-verify: true}}]',
      'users: [{name: sluice, user: {token: "' + fake.token + '"}}]',
      'contexts: [{name: fake, context: {cluster: fake, user: sluice}}]',
      'current-context: fake',
    ].join('\n'),
  );
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  await rm(ws, { recursive: true, force: true });
  await rm(kubeconfig, { force: true });
});

const MANIFEST = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-by-default}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute-deploy}
spec: {hard: {limits.cpu: '2', limits.memory: 8Gi}}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-a, labels: {sluice.dev/owner: dev1}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: dev1-admin, namespace: team-a}
subjects: [{kind: User, name: dev1, apiGroup: rbac.authorization.k8s.io}]
roleRef: {kind: ClusterRole, name: admin, apiGroup: rbac.authorization.k8s.io}
`;

async function run(input: KubernetesApplyInput, extra: { isDryRun?: boolean; signal?: AbortSignal; onLog?: (m: string) => void } = {}) {
  const action = createKubernetesApplyAction({ kubeconfig });
  const base = actionContext(input, { workspacePath: ws, ...(extra.signal ? { signal: extra.signal } : {}) });
  const log = (m: string): void => {
    base.lines.push(m);
    extra.onLog?.(m);
  };
  const ctx = { ...base, isDryRun: extra.isDryRun ?? false, logger: { info: log, warn: log, error: log, debug: log } };
  await action.handler(ctx);
  return base;
}

async function failure(promise: Promise<unknown>): Promise<ScaffolderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ScaffolderError);
  return err as ScaffolderError;
}

const patchPaths = (): string[] => fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.path);

describe('kubernetes:apply on a cluster', () => {
  it('applies a multi-document manifest, Namespace first, with the default namespace and field manager', async () => {
    const ctx = await run({ manifest: MANIFEST, namespace: 'team-a' });
    expect(patchPaths()).toEqual([
      '/api/v1/namespaces/team-a',
      '/apis/networking.k8s.io/v1/namespaces/team-a/networkpolicies/deny-by-default',
      '/api/v1/namespaces/team-a/resourcequotas/compute-deploy',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings/dev1-admin',
    ]);
    expect(fake.requests.filter((r) => r.method === 'PATCH').every((r) => r.query['fieldManager'] === 'sluice' && r.headers['content-type']?.startsWith('application/apply-patch+yaml'))).toBe(true);
    const applied = ctx.outputs['applied'] as Record<string, unknown>[];
    expect(applied.map((a) => [a['kind'], a['namespace'], a['name']])).toEqual([
      ['Namespace', undefined, 'team-a'],
      ['NetworkPolicy', 'team-a', 'deny-by-default'],
      ['ResourceQuota', 'team-a', 'compute-deploy'],
      ['RoleBinding', 'team-a', 'dev1-admin'],
    ]);
    for (const a of applied) {
      expect(a['uid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(a['resourceVersion']).toMatch(/^\d+$/);
    }
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute-deploy')?.['spec']).toEqual({ hard: { 'limits.cpu': '2', 'limits.memory': '8Gi' } });
    expect(fake.object('v1', 'Namespace', undefined, 'team-a')?.metadata?.labels).toMatchObject({ 'sluice.dev/owner': 'dev1' });
  });

  it('re-applies idempotently: same uids and resourceVersions, nothing stored twice', async () => {
    const first = (await run({ manifest: MANIFEST, namespace: 'team-a' })).outputs['applied'];
    const count = fake.objects().length;
    const second = (await run({ manifest: MANIFEST, namespace: 'team-a' })).outputs['applied'];
    expect(second).toEqual(first);
    expect(fake.objects()).toHaveLength(count);
  });

  it('reads manifestPath as a file or a directory of YAML files', async () => {
    await mkdir(join(ws, 'manifests', 'nested'), { recursive: true });
    await writeFile(join(ws, 'manifests', 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team-b}\n');
    await writeFile(join(ws, 'manifests', 'nested', 'cm.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1"}\n');
    await writeFile(join(ws, 'manifests', 'README.md'), 'not a manifest');
    const ctx = await run({ manifestPath: 'manifests', namespace: 'team-b' });
    expect((ctx.outputs['applied'] as { name: string }[]).map((a) => a.name)).toEqual(['team-b', 'settings']);
    expect(fake.object('v1', 'ConfigMap', 'team-b', 'settings')?.['data']).toEqual({ a: '1' });
    await expect(run({ manifestPath: '../outside' })).rejects.toMatchObject({ code: 'PATH_NOT_ALLOWED' });
  });

  it('turns a 422 Status into an error naming the object and the invalid field', async () => {
    const manifests = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute-deploy', namespace: 'team-a' }, spec: { hard: { cpu: '-1' } } },
    ];
    const err = await failure(run({ manifests }));
    expect(err.message).toMatch(/^ResourceQuota team-a\/compute-deploy: 422 Invalid: spec\.hard\[cpu\]: Invalid value: "-1": must be greater than or equal to 0/);
    expect(err.code).toBe('INPUT_INVALID');
    expect(fake.object('v1', 'Namespace', undefined, 'team-a')).toBeDefined();
  });

  it('reports a conflict with another field manager, and force takes the fields over', async () => {
    await run({ manifest: MANIFEST, namespace: 'team-a', fieldManager: 'argocd-controller' });
    const changed = MANIFEST.replace("limits.cpu: '2'", "limits.cpu: '4'");
    const err = await failure(run({ manifest: changed, namespace: 'team-a' }));
    expect(err.message).toBe(
      'ResourceQuota team-a/compute-deploy: 409 Conflict: .spec.hard.limits.cpu owned by field manager "argocd-controller" (applying as field manager "sluice"; set force: true to take them over)',
    );
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute-deploy')?.['spec']).toMatchObject({ hard: { 'limits.cpu': '2' } });
    await run({ manifest: changed, namespace: 'team-a', force: true });
    expect(fake.object('v1', 'ResourceQuota', 'team-a', 'compute-deploy')?.['spec']).toMatchObject({ hard: { 'limits.cpu': '4' } });
  });

  it('stores nothing on a dry run (task dry run or input dryRun) and sends dryRun=All', async () => {
    await run({ manifests: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }] }, { isDryRun: true });
    await run({ manifests: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }], dryRun: true });
    expect(fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.query['dryRun'])).toEqual(['All', 'All']);
    expect(fake.objects()).toEqual([]);
  });

  it('stops between objects when the signal fires', async () => {
    const controller = new AbortController();
    const err = await failure(run({ manifest: MANIFEST, namespace: 'team-a' }, { signal: controller.signal, onLog: (m) => m.startsWith('Applied') && controller.abort() }));
    expect(err.code).toBe('CANCELLED');
    expect(err.message).toContain('after 1 of 4 objects');
    expect(patchPaths()).toEqual(['/api/v1/namespaces/team-a']);
    expect(fake.objects().map((o) => o.kind)).toEqual(['Namespace']);
  });

  it('rejects manifests without a name, and input with two sources', async () => {
    await expect(run({ manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }] })).rejects.toThrow('manifests[0]: ConfigMap has no metadata.name');
    await expect(run({ manifest: MANIFEST, manifestPath: 'x' })).rejects.toThrow('exactly one of manifest, manifests and manifestPath');
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });
});
