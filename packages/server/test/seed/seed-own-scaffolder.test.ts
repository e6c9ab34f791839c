/**
 * The seed workflow, unchanged, against Sluice's own scaffolder on the embedded default: its
 * scaffolder and notification calls reach Sluice itself with the generated token, the namespace
 * template runs on the durable task worker, and with no cluster configured the manifests are
 * committed to the local GitOps repository under the data directory (one commit per request).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from '@sluice/test-doubles';
import { REPO, SEED_FOLDER, SERVICE_TOKEN, SkewedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const clock = new SkewedClock();
let s: TestServer;
let gitlab: GitLabFake;

beforeAll(async () => {
  gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  s = await startTestServer({
    workflows: [SEED_FOLDER],
    templates: [join(REPO, 'templates/namespace')],
    clock,
    env: { GITLAB_URL: gitlab.url, GITLAB_TOKEN: gitlab.token, SWT_REF: 'template:default/orchestrator-namespace-request' },
  });
});
afterAll(async () => {
  await s.stop();
  await gitlab.close();
});

it('creates a medium namespace through the namespace template and commits its manifests', async () => {
  const dev1 = await s.tokenFor('dev1');
  const input = { namespace: 'team-b-dev', git_host: 'gitlab.example.com', requester: 'dev1', size: 'medium', recipients: ['user:default/dev1'] };
  const exec = await s.request('/api/orchestrator/v2/workflows/create-ocp-namespace-swt/execute', { method: 'POST', token: dev1, json: { inputData: input } });
  expect(exec.status).toBe(200);
  const { id } = (await exec.json()) as { id: string };

  let detail: { state?: string; workflowdata?: Record<string, unknown> } = {};
  for (let i = 0; i < 400 && detail.state !== 'COMPLETED' && detail.state !== 'ERROR'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    clock.advance(1_000); // the seed sleeps 15 s between reads of the task
    detail = (await (await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: dev1 })).json()) as typeof detail;
  }
  expect(detail.state).toBe('COMPLETED');
  expect(detail.workflowdata).toMatchObject({ readTask: { status: 'completed' } });

  // The GitOps repository: one commit with the namespace's manifests, medium quotas.
  const repo = join(s.dir, 'data/gitops');
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  const files = git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
  expect(files).toEqual(expect.arrayContaining(['team-b-dev/namespace-team-b-dev.yaml', 'team-b-dev/resourcequota-compute-deploy.yaml', 'team-b-dev/limitrange-resource-limits.yaml']));
  const quota = git('show', 'HEAD:team-b-dev/resourcequota-compute-deploy.yaml');
  expect(quota).toMatch(/limits\.cpu: "?'?3'?"?/);
  expect(quota).toMatch(/limits\.memory: 12Gi/);

  // The catalog Component, and dev1's notification from Sluice's own workflow token.
  const comp = await s.request('/api/catalog/entities/by-name/component/default/team-b-dev', { token: dev1 });
  expect(comp.status).toBe(200);
  expect(((await comp.json()) as { metadata: { annotations: Record<string, string> } }).metadata.annotations['backstage.io/managed-by']).toBe('orchestrator');
  const notes = (await (await s.request('/api/notifications', { token: dev1 })).json()) as { notifications: { origin: string; payload: { title: string } }[] };
  expect(notes.notifications.map((n) => [n.origin, n.payload.title])).toContainEqual(['sluice-workflows', 'Namespace team-b-dev created']);
});

it('does not show the scaffolder task runs Sluice makes for itself in the Orchestrator API', async () => {
  const body = (await (await s.request('/api/orchestrator/v2/workflows/instances', { method: 'POST', token: SERVICE_TOKEN, json: {} })).json()) as { items: { processId: string }[] };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.map((i) => i.processId)).toEqual(body.items.map(() => 'create-ocp-namespace-swt'));
  const internal = (await s.ctx.runtime.query({ workflowId: 'sluice.scaffolder-task' })).items;
  expect(internal.length).toBeGreaterThan(0);
  expect((await s.request(`/api/orchestrator/v2/workflows/instances/${internal[0]!.id}`, { token: SERVICE_TOKEN })).status).toBe(404);
});
