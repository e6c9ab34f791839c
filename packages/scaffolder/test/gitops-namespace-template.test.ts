/**
 * The GitOps fallback of `kubernetes:apply` driven by the namespace template (templates/namespace)
 * through `runTask`: the files and values committed per size, `size` winning over `namespace_size`,
 * one commit per call even when calls race, and nothing committed on a dry run.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { createBuiltinRegistry } from '../src/actions/builtin-actions.js';
import { createKubernetesApplyAction } from '../src/actions/kubernetes-apply-action.js';
import { createTemplateAction } from '../src/actions/template-action.js';
import { runTask } from '../src/runner/run-task.js';
import { loadTemplateFromDir } from '../src/template/load-template-from-dir.js';
import { validateValues } from '../src/template/validate-values.js';
import type { JsonObject } from '../src/template/template-types.js';
import { actionContext } from './action-context.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/namespace', import.meta.url));
const NOW = new Date('2025-10-01T10:00:00.000Z');
let root: string;
let repo: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sluice-gitops-'));
  repo = join(root, 'gitops');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function git(...args: string[]): Promise<string> {
  return (await promisify(execFile)('git', ['-C', repo, ...args])).stdout;
}
const show = async (path: string): Promise<Record<string, any>> => parse(await git('show', `HEAD:${path}`)); // eslint-disable-line @typescript-eslint/no-explicit-any
const commitFiles = async (rev = 'HEAD'): Promise<string[]> => (await git('show', '--name-only', '--format=', rev)).split('\n').filter(Boolean).sort();

/** Runs the namespace template with the GitOps fallback; `catalog:register` is a stand-in recording the entity. */
async function runTemplate(values: JsonObject, opts: { dryRun?: boolean; taskId?: string } = {}) {
  const { template, baseDir } = await loadTemplateFromDir(TEMPLATE_DIR);
  const registry = createBuiltinRegistry();
  registry.register(createKubernetesApplyAction({ gitops: { dir: repo, clock: { now: () => NOW } } }));
  const registered: Record<string, any>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  registry.register(
    createTemplateAction<{ catalogInfoPath: string }>({
      id: 'catalog:register',
      schema: { output: { type: 'object', properties: { entityRef: { type: 'string' } } } },
      async handler(ctx) {
        const entity = parse(await readFile(join(ctx.workspacePath, ctx.input.catalogInfoPath), 'utf8'));
        registered.push(entity);
        ctx.output('entityRef', `component:default/${entity.metadata.name}`);
      },
    }),
  );
  const result = await runTask({ template, templateBaseDir: baseDir, values, registry, workspaceRoot: join(root, 'ws'), taskId: opts.taskId ?? 'task-1', dryRun: opts.dryRun ?? false });
  return { result, registered };
}

const EXPECTED = {
  small: { deploy: ['2', '8Gi', '1', '8Gi'], build: ['2', '8Gi', '1', '8Gi'], storage: ['5', '15Gi', '60Gi'], limit: ['1', '1000Mi'] },
  medium: { deploy: ['3', '12Gi', '2', '12Gi'], build: ['3', '12Gi', '1', '12Gi'], storage: ['10', '20Gi', '100Gi'], limit: ['2', '2000Mi'] },
  large: { deploy: ['6', '24Gi', '4', '24Gi'], build: ['6', '24Gi', '4', '24Gi'], storage: ['20', '40Gi', '200Gi'], limit: ['4', '4000Mi'] },
} as const;

async function expectSize(ns: string, size: keyof typeof EXPECTED): Promise<void> {
  const e = EXPECTED[size];
  const hard = async (name: string) => (await show(`${ns}/resourcequota-${name}.yaml`)).spec.hard;
  const quota = (h: Record<string, string>) => [h['limits.cpu'], h['limits.memory'], h['requests.cpu'], h['requests.memory']];
  expect(quota(await hard('compute-deploy'))).toEqual(e.deploy);
  expect(quota(await hard('compute-build'))).toEqual(e.build);
  const storage = await hard('storage');
  expect([storage['count/persistentvolumeclaims'], storage['requests.ephemeral-storage'], storage['requests.storage']]).toEqual(e.storage);
  const limits = (await show(`${ns}/limitrange-resource-limits.yaml`)).spec.limits;
  expect(limits).toEqual([{ type: 'Container', default: { cpu: e.limit[0], memory: e.limit[1] }, defaultRequest: { cpu: '10m', memory: '64Mi' } }]);
  expect((await show(`${ns}/namespace-${ns}.yaml`)).metadata.labels['sluice.dev/size']).toBe(size);
}

describe('namespace template with the GitOps fallback', () => {
  it.each(['small', 'medium', 'large'] as const)('commits the %s namespace: files, quotas, LimitRange, RoleBinding, catalog entity', async (size) => {
    const ns = `dev1-${size}`;
    const { result, registered } = await runTemplate({ component_id: ns, namespace_owner: 'dev1', git_host: 'gitlab.example.com', namespace_size: size });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
    expect(await commitFiles()).toEqual(
      [
        `${ns}/namespace-${ns}.yaml`,
        `${ns}/resourcequota-compute-deploy.yaml`,
        `${ns}/resourcequota-compute-build.yaml`,
        `${ns}/resourcequota-storage.yaml`,
        `${ns}/limitrange-resource-limits.yaml`,
        `${ns}/rolebinding-dev1-admin.yaml`,
        `${ns}/networkpolicy-deny-by-default.yaml`,
        `${ns}/networkpolicy-allow-same-namespace.yaml`,
        `${ns}/networkpolicy-allow-from-openshift-ingress.yaml`,
        `${ns}/networkpolicy-allow-from-openshift-monitoring.yaml`,
      ].sort(),
    );
    await expectSize(ns, size);
    const binding = await show(`${ns}/rolebinding-dev1-admin.yaml`);
    expect(binding.metadata.namespace).toBe(ns);
    expect(binding.subjects).toEqual([{ kind: 'User', name: 'dev1', apiGroup: 'rbac.authorization.k8s.io' }]);
    expect(binding.roleRef).toEqual({ kind: 'ClusterRole', name: 'admin', apiGroup: 'rbac.authorization.k8s.io' });
    const namespace = await show(`${ns}/namespace-${ns}.yaml`);
    expect(namespace.metadata.labels).toMatchObject({ 'sluice.dev/owner': 'dev1' });
    const deny = await show(`${ns}/networkpolicy-deny-by-default.yaml`);
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });

    expect(await git('log', '-1', '--format=%s|%an <%ae>|%cI')).toBe(`namespace ${ns}: apply 10 objects (task task-1)|Sluice <sluice@localhost>|2025-10-01T10:00:00+00:00\n`);
    const commit = (await git('rev-parse', 'HEAD')).trim();
    const apply = result.steps.find((s) => s.id === 'apply')!.output;
    expect(apply['commit']).toBe(commit);
    expect(apply['repository']).toBe(repo);
    expect((apply['applied'] as { kind: string }[])[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', name: ns });

    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ kind: 'Component', metadata: { name: ns, annotations: { 'backstage.io/managed-by': 'orchestrator' } }, spec: { owner: 'user:default/dev1' } });
    const output = result.output as { links: unknown[]; text: { content: string }[] };
    expect(output.links).toEqual([{ title: 'Open Component in catalog', icon: 'catalog', entityRef: `component:default/${ns}` }]);
    expect(output.text[0]!.content).toContain(`GitOps commit ${commit} in ${repo}`);
    expect(output.text[0]!.content).toContain(`ResourceQuota ${ns}/compute-deploy`);
  });

  it('takes the size from `size` (the workflow) over `namespace_size` (the form), and defaults to small', async () => {
    const { template } = await loadTemplateFromDir(TEMPLATE_DIR);
    const seedValues = { git_host: 'gitlab.example.com', component_id: 'dev1-large', namespace_owner: 'dev1', size: 'large' };
    expect(validateValues(template, seedValues)).toEqual([]);
    expect(validateValues(template, { ...seedValues, size: 'huge' }).map((e) => e.name)).toEqual(['enum']);

    await runTemplate({ ...seedValues, namespace_size: 'small' });
    await expectSize('dev1-large', 'large');
    await runTemplate({ component_id: 'dev1-medium', namespace_owner: 'dev1', size: 'medium' });
    await expectSize('dev1-medium', 'medium');
    await runTemplate({ component_id: 'dev1-default', namespace_owner: 'dev1' });
    await expectSize('dev1-default', 'small');
  });

  it('makes one commit per call, also for a no-op re-apply and for racing calls', async () => {
    await runTemplate({ component_id: 'team-a', namespace_owner: 'dev1', namespace_size: 'small' });
    await runTemplate({ component_id: 'team-a', namespace_owner: 'dev1', namespace_size: 'small' }, { taskId: 'task-2' });
    expect(await git('log', '--format=%s')).toBe('namespace team-a: apply 10 objects (task task-2)\nnamespace team-a: apply 10 objects (task task-1)\n');

    const action = createKubernetesApplyAction({ gitops: { dir: repo } });
    const call = (ns: string) => {
      const manifests = ['cm-1', 'cm-2', 'cm-3'].map((name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { ns } }));
      return action.handler({ ...actionContext({ manifests, namespace: ns }, { workspacePath: root }), taskId: ns });
    };
    await Promise.all([call('team-b'), call('team-c'), call('team-d')]);
    const subjects = (await git('log', '-3', '--format=%s')).trim().split('\n').sort();
    expect(subjects).toEqual(['namespace team-b: apply 3 objects (task team-b)', 'namespace team-c: apply 3 objects (task team-c)', 'namespace team-d: apply 3 objects (task team-d)']);
    for (const rev of ['HEAD', 'HEAD~1', 'HEAD~2']) {
      const files = await commitFiles(rev);
      expect(files).toHaveLength(3);
      expect(new Set(files.map((f) => f.split('/')[0])).size).toBe(1);
    }
    expect(await git('status', '--porcelain')).toBe('');
  });

  it('commits nothing on a dry run (the repository is not even created)', async () => {
    const { result } = await runTemplate({ component_id: 'team-a', namespace_owner: 'dev1', namespace_size: 'large' }, { dryRun: true });
    expect(result.status).toBe('completed');
    const apply = result.steps.find((s) => s.id === 'apply')!.output;
    expect(apply['commit']).toBeUndefined();
    expect(apply['files']).toContain('team-a/limitrange-resource-limits.yaml');
    await expect(access(repo)).rejects.toThrow();
  });
});
