/**
 * The namespace template (templates/namespace) run through `runTask` against the Kubernetes fake:
 * every rendered object passes the API server's validation and lands in the cluster, Namespace
 * first, and a second run is a no-op.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parse } from 'yaml';
// Test-only relative import: @sluice/test-doubles is not a dependency of @sluice/scaffolder.
import { startKubernetesFake, type KubernetesFake } from '../../test-doubles/src/index.js';
import { createBuiltinRegistry } from '../src/actions/builtin-actions.js';
import { createKubernetesApplyAction } from '../src/actions/kubernetes-apply-action.js';
import { createTemplateAction } from '../src/actions/template-action.js';
import { runTask } from '../src/runner/run-task.js';
import { loadTemplateFromDir } from '../src/template/load-template-from-dir.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/namespace', import.meta.url));
let fake: KubernetesFake;
let root: string;

beforeEach(async () => {
  fake = await startKubernetesFake({ modelCheck: { serializer: ObjectSerializer } });
  root = await mkdtemp(join(tmpdir(), 'sluice-k8s-template-'));
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

async function runLarge() {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: fake.url, skipTLSVerify: true }],
    users: [{ name: 'sluice', token: fake.token }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'sluice' }],
    currentContext: 'fake',
  });
  const { template, baseDir } = await loadTemplateFromDir(TEMPLATE_DIR);
  const registry = createBuiltinRegistry();
  registry.register(createKubernetesApplyAction({ kubeconfig: kc }));
  registry.register(
    createTemplateAction<{ catalogInfoPath: string }>({
      id: 'catalog:register',
      async handler(ctx) {
        const entity = parse(await readFile(join(ctx.workspacePath, ctx.input.catalogInfoPath), 'utf8'));
        ctx.output('entityRef', `component:default/${entity.metadata.name}`);
      },
    }),
  );
  const values = { component_id: 'dev1-large', namespace_owner: 'dev1', git_host: 'gitlab.example.com', size: 'large' };
  return runTask({ template, templateBaseDir: baseDir, values, registry, workspaceRoot: root });
}

it('applies the large namespace to the cluster, LimitRange included, and re-applies as a no-op', async () => {
  const result = await runLarge();
  expect(result.error).toBeUndefined();
  expect(fake.objects().map((o) => `${o.kind} ${o.metadata?.name}`).sort()).toEqual([
    'LimitRange resource-limits',
    'Namespace dev1-large',
    'NetworkPolicy allow-from-openshift-ingress',
    'NetworkPolicy allow-from-openshift-monitoring',
    'NetworkPolicy allow-same-namespace',
    'NetworkPolicy deny-by-default',
    'ResourceQuota compute-build',
    'ResourceQuota compute-deploy',
    'ResourceQuota storage',
    'RoleBinding dev1-admin',
  ]);
  expect(fake.requests.find((r) => r.method === 'PATCH')?.path).toBe('/api/v1/namespaces/dev1-large');
  expect(fake.object('v1', 'LimitRange', 'dev1-large', 'resource-limits')?.['spec']).toMatchObject({ limits: [{ type: 'Container', default: { cpu: '4', memory: '4000Mi' } }] });
  expect(fake.object('v1', 'ResourceQuota', 'dev1-large', 'compute-deploy')?.['spec']).toMatchObject({ hard: { 'limits.cpu': '6', 'requests.memory': '24Gi' }, scopes: ['NotTerminating'] });
  const first = result.steps.find((s) => s.id === 'apply')?.output['applied'];
  expect(result.output['text']).toEqual([{ title: 'Namespace resources', content: expect.stringContaining('Applied to the cluster') }]);

  const again = await runLarge();
  expect(again.steps.find((s) => s.id === 'apply')?.output['applied']).toEqual(first);
});
