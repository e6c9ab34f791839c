// Plays the seed workflow's HTTP traffic (seed scenario §4) for a large request that is approved
// after three polls, against both fakes, and checks state and spec conformance end to end.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBackstageFake, type BackstageFake } from './backstage/backstage-fake.js';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from './gitlab/gitlab-fake.js';

let gitlab: GitLabFake;
let backstage: BackstageFake;

beforeEach(async () => {
  [gitlab, backstage] = await Promise.all([startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] }), startBackstageFake()]);
});
afterEach(async () => {
  await Promise.all([gitlab.close(), backstage.close()]);
});

async function send(base: string, auth: Record<string, string>, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const headers = { Accept: 'application/json', ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

it('serves the large-namespace path: issue, approval on the third poll, template, notifications, close', async () => {
  const git = (method: string, path: string, body?: unknown) => send(gitlab.url, { 'PRIVATE-TOKEN': gitlab.token }, method, path, body);
  const bs = (method: string, path: string, body?: unknown) => send(backstage.url, { Authorization: `Bearer ${backstage.token}` }, method, path, body);
  const notify = (title: string, link?: string) =>
    bs('POST', '/api/notifications', {
      recipients: { type: 'entity', entityRef: ['user:default/dev1'] },
      payload: { title, description: title, ...(link ? { link } : {}), severity: 'normal', topic: 'Create OCP Namespace workflow' },
    });
  gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, 1, (reads) => (reads >= 3 ? ['approved'] : undefined));
  backstage.scriptTemplate('template:default/orchestrator-namespace-request', ['processing', 'completed']);

  const projects = (await git('GET', '/api/v4/projects?search=orchestrator-approvals&simple=true')) as unknown as { id: number }[];
  const projectId = String(projects[0]?.id);
  const title = 'Request for large namespace dev1-large for user dev1';
  const issue = await git('POST', `/api/v4/projects/${projectId}/issues`, { title, description: null });
  await notify(`Issue created: ${title}`, String(issue['web_url']));
  let labels: unknown[] = [];
  while (labels[0] !== 'approved') labels = (await git('GET', `/api/v4/projects/${projectId}/issues/${String(issue['iid'])}`))['labels'] as unknown[];
  const values = { git_host: 'gitlab.example.com', component_id: 'dev1-large', namespace_owner: 'dev1', size: 'large' };
  const launched = await bs('POST', '/api/scaffolder/v2/tasks', { templateRef: 'template:default/orchestrator-namespace-request', values });
  let status = '';
  while (status !== 'completed') status = String((await bs('GET', `/api/scaffolder/v2/tasks/${String(launched['id'])}`))['status']);
  await notify('Namespace dev1-large created', `${backstage.url}/catalog/default/component/dev1-large`);
  const closed = await git('PUT', `/api/v4/projects/${projectId}/issues/${String(issue['iid'])}?state_event=close`);

  expect(closed).toMatchObject({ state: 'closed', labels: ['approved'] });
  expect(gitlab.pollCount(1, 1)).toBe(3);
  expect(backstage.task(String(launched['id']))?.reads).toBe(2);
  expect(backstage.notifications().map((n) => n.payload.title)).toEqual([`Issue created: ${title}`, 'Namespace dev1-large created']);
  expect(gitlab.requests.map((r) => `${r.method} ${r.response?.status}`)).toEqual(['GET 200', 'POST 201', 'GET 200', 'GET 200', 'GET 200', 'PUT 200']);
  expect([...gitlab.violations, ...backstage.violations]).toEqual([]);
});
