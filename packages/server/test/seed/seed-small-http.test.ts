/**
 * The seed workflow's small path through HTTP only: executed through the Orchestrator API as dev1,
 * the scaffolder calls go to the Backstage test double, and the workflow's notification reaches
 * Sluice's own notifications API with the generated token; dev1 then reads it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_APPROVALS_PROJECT, startBackstageFake, startGitLabFake, type BackstageFake, type GitLabFake } from '@sluice/test-doubles';
import { SEED_FOLDER, SkewedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const selfToken = randomBytes(18).toString('base64url');
const clock = new SkewedClock();
let s: TestServer;
let gitlab: GitLabFake;
let scaffolder: BackstageFake;

beforeAll(async () => {
  gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  scaffolder = await startBackstageFake({ tokens: [{ token: selfToken, subject: 'sluice-workflows' }], defaultTaskStatuses: ['processing', 'completed'] });
  s = await startTestServer({
    workflows: [SEED_FOLDER],
    selfToken,
    clock,
    env: { GITLAB_URL: gitlab.url, GITLAB_TOKEN: gitlab.token, SWT_REF: 'template:default/orchestrator-namespace-request' },
    settings: { workflowProperties: { 'create-ocp-namespace-swt': { 'quarkus.rest-client.scaffolder_openapi_yaml.url': scaffolder.url } } },
  });
});
afterAll(async () => {
  await s.stop();
  await Promise.all([gitlab.close(), scaffolder.close()]);
});

it('creates a small namespace and notifies dev1 through Sluice itself', async () => {
  const dev1 = await s.tokenFor('dev1');
  const input = { namespace: 'dev1-small', git_host: 'gitlab.example.com', requester: 'dev1', size: 'small', recipients: ['user:default/dev1'] };
  const exec = await s.request('/api/orchestrator/v2/workflows/create-ocp-namespace-swt/execute', { method: 'POST', token: dev1, json: { inputData: input } });
  expect(exec.status).toBe(200);
  const { id } = (await exec.json()) as { id: string };

  let detail: { state?: string; workflowdata?: Record<string, unknown>; initiatorEntity?: string } = {};
  for (let i = 0; i < 400 && detail.state !== 'COMPLETED' && detail.state !== 'ERROR'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    clock.advance(1_000); // the seed sleeps 15 s before reading the task
    const r = await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: dev1 });
    detail = (await r.json()) as typeof detail;
  }
  expect(detail.state).toBe('COMPLETED');
  expect(detail.initiatorEntity).toBe('user:default/dev1');
  expect(detail.workflowdata).toMatchObject({ namespace: 'dev1-small', readTask: { status: 'completed' } });

  expect(scaffolder.tasks()).toHaveLength(1);
  expect(scaffolder.tasks()[0]!.values).toEqual({ git_host: 'gitlab.example.com', component_id: 'dev1-small', namespace_owner: 'dev1', size: 'small' });
  expect(scaffolder.violations).toEqual([]);

  const list = await s.request('/api/notifications', { token: dev1 });
  expect(list.status).toBe(200);
  const body = (await list.json()) as { totalCount: number; notifications: { origin: string; user: string; payload: { title: string; severity: string; topic: string } }[] };
  expect(body.notifications).toEqual([
    expect.objectContaining({
      user: 'user:default/dev1',
      origin: 'sluice-workflows',
      payload: expect.objectContaining({ title: 'Namespace dev1-small created', severity: 'normal', topic: 'Create OCP Namespace workflow' }),
    }),
  ]);
  // admin, not a recipient, sees nothing.
  const admin = await s.request('/api/notifications', { token: await s.tokenFor('admin') });
  expect(((await admin.json()) as { totalCount: number }).totalCount).toBe(0);
});
