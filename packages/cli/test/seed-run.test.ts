/**
 * `sluice run --fast-timers` on the unchanged seed workflow against the GitLab and Backstage test
 * doubles on 127.0.0.1: every path, with every request asserted (method, path, query, headers, body).
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_APPROVALS_PROJECT, startBackstageFake, startGitLabFake, type BackstageFake, type GitLabFake } from '@sluice/test-doubles';
import { main } from '../src/main.js';
import { memoryIo } from './cli-io.js';

const WORKFLOW = fileURLToPath(new URL('../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url));
const TEMPLATE = 'template:default/orchestrator-namespace-request';

let gitlab: GitLabFake;
let backstage: BackstageFake;

beforeEach(async () => {
  [gitlab, backstage] = await Promise.all([startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] }), startBackstageFake()]);
});
afterEach(async () => {
  expect([...gitlab.violations, ...backstage.violations]).toEqual([]);
  await Promise.all([gitlab.close(), backstage.close()]);
});

function env(): Record<string, string> {
  return {
    BACKSTAGE_BACKEND_URL: backstage.url,
    BACKSTAGE_BACKEND_BEARER_TOKEN: backstage.token,
    GITLAB_URL: gitlab.url,
    GITLAB_TOKEN: gitlab.token,
    SWT_REF: TEMPLATE,
  };
}

async function run(input: object, extra: string[] = []) {
  const io = memoryIo(env());
  const code = await main(['run', WORKFLOW, '--input', JSON.stringify(input), '--fast-timers', ...extra], io);
  return { code, output: io.out() ? (JSON.parse(io.out()) as Record<string, unknown>) : undefined, err: io.err() };
}

const small = { namespace: 'dev1-small', git_host: 'gitlab.example.com', requester: 'dev1', size: 'small', recipients: ['user:default/dev1'] };
const large = { ...small, namespace: 'dev1-large', size: 'large', reason: 'Required for a production deployment' };

function bearerOnly(r: { headers: Record<string, string | string[] | undefined> }) {
  expect(r.headers['authorization']).toBe(`Bearer ${backstage.token}`);
  expect(r.headers['private-token']).toBeUndefined();
}

describe('sluice run on the seed workflow', () => {
  it('small: launches the template, polls it, notifies, completes', async () => {
    backstage.scriptTemplate(TEMPLATE, ['processing', 'completed']);
    const r = await run(small);
    expect(r.code, r.err).toBe(0);
    expect(gitlab.requests).toEqual([]);
    const reqs = backstage.requests.map((q) => `${q.method} ${q.path}`);
    const taskId = String((r.output!['launchedTemplate'] as { id: string }).id);
    expect(reqs).toEqual(['POST /api/scaffolder/v2/tasks', `GET /api/scaffolder/v2/tasks/${taskId}`, `GET /api/scaffolder/v2/tasks/${taskId}`, 'POST /api/notifications']);
    const create = backstage.requests[0]!;
    expect(create.rawBody).toBe(JSON.stringify({ templateRef: TEMPLATE, values: { git_host: 'gitlab.example.com', component_id: 'dev1-small', namespace_owner: 'dev1', size: 'small' } }));
    expect(create.headers['content-type']).toMatch(/^application\/json/);
    backstage.requests.forEach(bearerOnly);
    expect(backstage.requests[3]!.body).toEqual({
      recipients: { type: 'entity', entityRef: ['user:default/dev1'] },
      payload: {
        description: 'Namespace dev1-small created',
        link: `${backstage.url}/catalog/default/component/dev1-small`,
        severity: 'normal',
        title: 'Namespace dev1-small created',
        topic: 'Create OCP Namespace workflow',
      },
    });
    expect(r.output!['result']).toEqual({ outputs: [{ key: 'Component in Catalog', value: `${backstage.url}/catalog/default/component/`, format: 'link' }] });
    expect(r.output!['readTask']).toMatchObject({ status: 'completed' });
    expect(Array.isArray(r.output!['response'])).toBe(true);
    expect(r.err).toMatch(/NamespaceSizeSwitch[\s\S]*GetSoftwareTemplate[\s\S]*CloseIssueSwitch[\s\S]*completed after/);
    expect(r.err).toContain('[INFO] Sleeping before checking the software template');
    // Two task polls, each after sleep.after PT15S, on the simulated clock.
    expect(r.err).toContain('completed after 30.000s');
  });

  it('medium: completes without touching GitLab', async () => {
    const r = await run({ ...small, namespace: 'team-b', size: 'medium' });
    expect(r.code, r.err).toBe(0);
    expect(gitlab.requests).toEqual([]);
    expect(backstage.notifications().map((n) => n.payload.title)).toEqual(['Namespace team-b created']);
    expect(r.err).toContain('completed after 15.000s');
  });

  it('large approved: opens an issue, polls until the approved label, creates, closes the issue', async () => {
    gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, '*', (reads) => (reads >= 3 ? ['approved'] : undefined));
    const r = await run(large);
    expect(r.code, r.err).toBe(0);
    const g = gitlab.requests;
    expect(g.map((q) => `${q.method} ${q.path}${q.rawQuery ? `?${q.rawQuery}` : ''}`)).toEqual([
      'GET /api/v4/projects?search=orchestrator-approvals&simple=true',
      'POST /api/v4/projects/1/issues',
      'GET /api/v4/projects/1/issues/1',
      'GET /api/v4/projects/1/issues/1',
      'GET /api/v4/projects/1/issues/1',
      'PUT /api/v4/projects/1/issues/1?state_event=close',
    ]);
    for (const q of g) expect(q.headers['private-token']).toBe(gitlab.token);
    for (const q of g) expect(q.headers['authorization']).toBeUndefined();
    expect(g[1]!.body).toEqual({ title: 'Request for large namespace dev1-large for user dev1', description: 'Required for a production deployment' });
    expect(g[1]!.headers['content-type']).toMatch(/^application\/json/);
    expect(g[5]!.rawBody).toBe('');
    expect(backstage.notifications().map((n) => n.payload.title)).toEqual([
      'Issue created: Request for large namespace dev1-large for user dev1',
      'Namespace dev1-large created',
    ]);
    expect(backstage.notifications()[0]!.payload.link).toBe(String((r.output!['createIssueResult'] as { web_url: string }).web_url));
    expect(r.output!['closeIssueResult']).toMatchObject({ state: 'closed' });
    expect(r.err).toMatch(/PollIssue[\s\S]*PollIssue[\s\S]*PollIssue[\s\S]*LaunchSoftwareTemplateLarge/);
    // Three polls after sleep.before PT60S, then one task poll after PT15S.
    expect(r.err).toContain('completed after 195.000s');
  });

  it('large denied: notifies, closes the issue and exits 1 with the denial message', async () => {
    gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, '*', (reads) => (reads >= 2 ? ['denied'] : undefined));
    const r = await run({ ...large, reason: undefined });
    expect(r.code).toBe(1);
    expect(r.err).toContain('END_ERROR_MESSAGE Creation of namespace dev1-large denied');
    // An absent reason is sent as JSON null, as SonataFlow does (seed scenario §4).
    expect(JSON.parse(gitlab.requests[1]!.rawBody)).toEqual({ title: 'Request for large namespace dev1-large for user dev1', description: null });
    expect(gitlab.requests.at(-1)!.method).toBe('PUT');
    expect(backstage.requests.some((q) => q.path.startsWith('/api/scaffolder'))).toBe(false);
    expect(backstage.notifications().map((n) => n.payload.title)).toEqual([
      'Issue created: Request for large namespace dev1-large for user dev1',
      'Denied: Request for large namespace dev1-large for user dev1',
    ]);
    expect(r.output!['result']).toMatchObject({ message: 'Creation of namespace dev1-large denied' });
    expect(r.err).toContain('faulted after 120.000s');
  });

  it('template failed: notifies with severity high and still completes', async () => {
    backstage.scriptTemplate(TEMPLATE, ['processing', 'failed']);
    const r = await run(small);
    expect(r.code, r.err).toBe(0);
    expect(backstage.notifications().map((n) => [n.payload.title, n.payload.severity])).toEqual([['Namespace dev1-small could not be created', 'high']]);
    expect(r.output!['result']).toEqual({ completedWith: 'error', message: 'Launching software template failed.', outputs: [] });
  });

  it('rejects input that breaks the schema before anything is called', async () => {
    const r = await run({ ...small, size: 'huge' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('/size must be one of ["small","medium","large"]');
    expect(backstage.requests).toEqual([]);
  });

  it('ends in error when GitLab rejects the token, naming the state and status', async () => {
    const io = memoryIo({ ...env(), GITLAB_TOKEN: 'wrong' });
    const code = await main(['run', WORKFLOW, '--input', JSON.stringify(large), '--fast-timers'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/instance faulted: 401 .*state GetGitlabProjectId/);
    expect(io.err()).not.toContain('wrong');
  });
});
