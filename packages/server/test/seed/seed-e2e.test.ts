/**
 * The seed scenario end to end with the unchanged upstream workflow folder: BACKSTAGE_BACKEND_URL is
 * Sluice itself (self-wiring: its scaffolder runs the namespace template, its notifications API
 * receives the workflow's notifications), GITLAB_URL is the GitLab double (checked against the
 * seed's gitlab-openapi.yaml), and KUBECONFIG points at the Kubernetes API double, which the
 * template's `kubernetes:apply` reaches through @kubernetes/client-node. All five paths; the
 * workflow's 60 s and 15 s sleeps run on a skewed clock.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_APPROVALS_PROJECT, startGitLabFake, startKubernetesFake, type GitLabFake, type KubernetesFake } from '@sluice/test-doubles';
import { REPO, SEED_FOLDER, SkewedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const clock = new SkewedClock();
let s: TestServer;
let gitlab: GitLabFake;
let kube: KubernetesFake;
let dev1 = '';

beforeAll(async () => {
  gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  kube = await startKubernetesFake();
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'sluice-kube-')), 'config');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fake', cluster: { server: kube.url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'sluice', user: { token: kube.token } }],
      contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'sluice' } }],
      'current-context': 'fake',
    }),
  );
  s = await startTestServer({
    workflows: [SEED_FOLDER],
    templates: [join(REPO, 'templates/namespace')],
    clock,
    env: { GITLAB_URL: gitlab.url, GITLAB_TOKEN: gitlab.token, SWT_REF: 'template:default/orchestrator-namespace-request', KUBECONFIG: kubeconfig },
  });
  dev1 = await s.tokenFor('dev1');
});
afterAll(async () => {
  await s?.stop();
  await Promise.all([gitlab?.close(), kube?.close()]);
});

type Detail = { state?: string; error?: { message?: string }; workflowdata?: { result?: { completedWith?: string; message?: string } } & Record<string, unknown> };

async function run(namespace: string, size: string): Promise<Detail> {
  const input = { namespace, git_host: 'gitlab.example.com', requester: 'dev1', size, reason: 'e2e', recipients: ['user:default/dev1'] };
  const exec = await s.request('/api/orchestrator/v2/workflows/create-ocp-namespace-swt/execute', { method: 'POST', token: dev1, json: { inputData: input } });
  expect(exec.status).toBe(200);
  const { id } = (await exec.json()) as { id: string };
  let detail: Detail = {};
  for (let i = 0; i < 600 && detail.state !== 'COMPLETED' && detail.state !== 'ERROR'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(5_000);
    detail = (await (await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: dev1 })).json()) as Detail;
  }
  return detail;
}

async function titles(): Promise<string[]> {
  const body = (await (await s.request('/api/notifications?limit=100', { token: dev1 })).json()) as { notifications: { origin: string; payload: { title: string } }[] };
  expect(new Set(body.notifications.map((n) => n.origin))).toEqual(new Set(['sluice-workflows']));
  return body.notifications.map((n) => n.payload.title);
}

const quota = (ns: string, name: string) => kube.object('v1', 'ResourceQuota', ns, name) as { spec: { hard: Record<string, string> } } | undefined;

describe('create-ocp-namespace-swt against Sluice', () => {
  it('small: created at once with small quotas, a LimitRange, the owner binding and a catalog Component', async () => {
    const d = await run('e2e-small', 'small');
    expect(d.state).toBe('COMPLETED');
    expect(kube.object('v1', 'Namespace', '', 'e2e-small')).toBeDefined();
    expect(quota('e2e-small', 'compute-deploy')?.spec.hard).toMatchObject({ 'limits.cpu': '2', 'limits.memory': '8Gi' });
    expect(kube.object('v1', 'LimitRange', 'e2e-small', 'resource-limits')).toBeDefined();
    expect(kube.object('rbac.authorization.k8s.io/v1', 'RoleBinding', 'e2e-small', 'dev1-admin')).toMatchObject({ subjects: [expect.objectContaining({ kind: 'User', name: 'dev1' })] });
    const comp = await s.request('/api/catalog/entities/by-name/component/default/e2e-small', { token: dev1 });
    expect(comp.status).toBe(200);
    expect(await titles()).toContain('Namespace e2e-small created');
  });

  it('medium: created at once with medium quotas', async () => {
    const d = await run('e2e-medium', 'medium');
    expect(d.state).toBe('COMPLETED');
    expect(quota('e2e-medium', 'compute-deploy')?.spec.hard).toMatchObject({ 'limits.cpu': '3', 'limits.memory': '12Gi' });
    expect(await titles()).toContain('Namespace e2e-medium created');
  });

  it('large approved: an issue is opened, labelled approved, the namespace created with large quotas and a LimitRange, the issue closed', async () => {
    gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, 1, (reads) => (reads >= 2 ? ['approved'] : undefined));
    const d = await run('e2e-large', 'large');
    expect(d.state).toBe('COMPLETED');
    expect(quota('e2e-large', 'compute-deploy')?.spec.hard).toMatchObject({ 'limits.cpu': '6', 'limits.memory': '24Gi' });
    expect(kube.object('v1', 'LimitRange', 'e2e-large', 'resource-limits')).toBeDefined();
    expect(gitlab.issue(SEED_APPROVALS_PROJECT.path_with_namespace, 1)).toMatchObject({ state: 'closed', title: 'Request for large namespace e2e-large for user dev1' });
    expect(await titles()).toEqual(expect.arrayContaining(['Issue created: Request for large namespace e2e-large for user dev1', 'Namespace e2e-large created']));
  });

  it('large denied: nothing is applied, the requester is told, the issue closed', async () => {
    gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, 2, (reads) => (reads >= 1 ? ['denied'] : undefined));
    const d = await run('e2e-denied', 'large');
    // The end state carries metadata.errorMessage: SonataFlow ends such a run in error (see the seed's cases).
    expect(d.state).toBe('ERROR');
    expect(d.error?.message).toBe('Creation of namespace e2e-denied denied');
    expect(d.workflowdata?.result?.message).toBe('Creation of namespace e2e-denied denied');
    expect(kube.object('v1', 'Namespace', '', 'e2e-denied')).toBeUndefined();
    expect(gitlab.issue(SEED_APPROVALS_PROJECT.path_with_namespace, 2)).toMatchObject({ state: 'closed' });
    expect(await titles()).toContain('Denied: Request for large namespace e2e-denied for user dev1');
  });

  it('template failed: the cluster refuses the namespace, the task fails, the requester is told', async () => {
    kube.failNext({ method: 'PATCH', path: /\/namespaces\/e2e-failed$/, code: 403, reason: 'Forbidden', message: 'namespaces "e2e-failed" is forbidden' });
    const d = await run('e2e-failed', 'small');
    expect(d.state).toBe('COMPLETED');
    expect(d.workflowdata?.result).toMatchObject({ completedWith: 'error', message: 'Launching software template failed.' });
    expect(await titles()).toContain('Namespace e2e-failed could not be created');
  });

  it('the doubles saw no request or reply outside their published APIs', () => {
    expect(gitlab.violations).toEqual([]);
    expect(kube.violations).toEqual([]);
  });
});
