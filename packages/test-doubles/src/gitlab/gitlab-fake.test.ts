// The GitLab fake over real sockets on 127.0.0.1: each endpoint, auth and not-found answers,
// the approver hooks, request recording, spec violations and strict mode.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from './gitlab-fake.js';

let gitlab: GitLabFake;
let clock = Date.parse('2025-10-01T10:00:00.000Z');
const now = (): Date => new Date((clock += 1000));

beforeEach(async () => {
  gitlab = await startGitLabFake({ projects: [{ path_with_namespace: 'rhdh/orchestrator-approvals-old' }, SEED_APPROVALS_PROJECT], now });
});
afterEach(async () => {
  await gitlab.close();
});

/** The reply fields these tests read (lists are read through {@link list}). */
interface Reply {
  status: number;
  headers: Headers;
  body: { [key: string]: unknown; id?: number; labels?: string[]; description?: string | null; closed_at?: string | null; error?: string };
}
const list = (body: unknown): Record<string, unknown>[] => body as Record<string, unknown>[];

async function call(method: string, path: string, options: { body?: unknown; token?: string | null } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token !== null) headers['PRIVATE-TOKEN'] = options.token ?? gitlab.token;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${gitlab.url}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text), headers: response.headers };
}

const createIssue = (title = 'Request for large namespace dev1-large for user dev1') =>
  call('POST', '/api/v4/projects/2/issues', { body: { title, description: 'Required for production' } });

describe('GitLab fake: projects', () => {
  it('searches by substring, newest first, in the simple shape', async () => {
    const { status, body, headers } = await call('GET', '/api/v4/projects?search=orchestrator-approvals&simple=true');
    expect(status).toBe(200);
    expect(list(body).map((p) => p['path_with_namespace'])).toEqual([
      'rhdh/orchestrator-approvals',
      'rhdh/orchestrator-approvals-old',
    ]);
    expect(list(body)[0]).toMatchObject({
      id: 2,
      name: 'orchestrator-approvals',
      path: 'orchestrator-approvals',
      name_with_namespace: 'rhdh / orchestrator-approvals',
      web_url: `${gitlab.url}/rhdh/orchestrator-approvals`,
      namespace: { path: 'rhdh', full_path: 'rhdh', kind: 'group' },
    });
    expect(list(body)[0]).not.toHaveProperty('visibility');
    expect(headers.get('x-total')).toBe('2');
    expect(gitlab.violations).toEqual([]);
  });

  it('orders, pages and filters like GitLab, and returns the fuller shape without simple', async () => {
    gitlab.addProject({ path_with_namespace: 'other/tools', visibility: 'public' });
    const asc = await call('GET', '/api/v4/projects?order_by=id&sort=asc&per_page=2&page=2');
    expect(list(asc.body).map((p) => p['id'])).toEqual([3]);
    expect(asc.headers.get('x-prev-page')).toBe('1');
    expect(list(asc.body)[0]).toMatchObject({ visibility: 'public', archived: false, open_issues_count: 0 });
    expect((await call('GET', '/api/v4/projects?search=nothing-like-this')).body).toEqual([]);
    expect((await call('GET', '/api/v4/projects?per_page=x')).body).toEqual({ error: 'per_page is invalid' });
  });
});

describe('GitLab fake: issues', () => {
  it('creates issues with per-project iids and the API_Entities_Issue shape', async () => {
    const first = await createIssue();
    const second = await call('POST', '/api/v4/projects/rhdh%2Forchestrator-approvals/issues', { body: { title: 'Second', labels: ['b', 'a'] } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      iid: 1,
      project_id: 2,
      title: 'Request for large namespace dev1-large for user dev1',
      description: 'Required for production',
      state: 'opened',
      labels: [],
      web_url: `${gitlab.url}/rhdh/orchestrator-approvals/-/issues/1`,
      author: { username: 'root' },
      closed_at: null,
    });
    expect(second.body).toMatchObject({ iid: 2, labels: ['a', 'b'] });
    expect(second.body.id).not.toBe(first.body.id);
    expect(first.body['created_at']).toEqual(expect.any(String));
    expect(gitlab.issues('rhdh/orchestrator-approvals').map((i) => i.iid)).toEqual([1, 2]);
    expect(gitlab.violations).toEqual([]);
  });

  it('accepts description null, as the workflow sends when reason is absent', async () => {
    const { status, body } = await call('POST', '/api/v4/projects/2/issues', { body: { title: 'x', description: null } });
    expect([status, body.description]).toEqual([201, null]);
    expect(gitlab.violations).toEqual([]);
  });

  it('answers GitLab errors: title missing or blank, unknown project, unknown issue, bad iid', async () => {
    expect(await call('POST', '/api/v4/projects/2/issues', { body: { description: 'd' } })).toMatchObject({ status: 400, body: { error: 'title is missing' } });
    expect(await call('POST', '/api/v4/projects/2/issues', { body: { title: ' ' } })).toMatchObject({ status: 400, body: { message: { title: ["can't be blank"] } } });
    expect(await call('POST', '/api/v4/projects/null/issues', { body: { title: 'x' } })).toMatchObject({ status: 404, body: { message: '404 Project Not Found' } });
    expect(await call('GET', '/api/v4/projects/2/issues/9')).toMatchObject({ status: 404, body: { message: '404 Not found' } });
    expect(await call('GET', '/api/v4/projects/2/issues/x')).toMatchObject({ status: 400, body: { error: 'issue_iid is invalid' } });
    expect(await call('GET', '/api/v4/nothing')).toMatchObject({ status: 404, body: { error: '404 Not Found' } });
  });

  it('reads an issue and closes it with state_event in the query', async () => {
    await createIssue();
    expect((await call('GET', '/api/v4/projects/2/issues/1')).body).toMatchObject({ iid: 1, state: 'opened' });
    const closed = await call('PUT', '/api/v4/projects/2/issues/1?state_event=close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closed_by: { username: 'root' } });
    expect(closed.body.closed_at).toEqual(expect.any(String));
    expect(gitlab.issue(2, 1)?.state).toBe('closed');
    expect(gitlab.violations).toEqual([]);
  });

  it('edits with state_event and labels in the body: reopen, replace, add and remove labels', async () => {
    await createIssue();
    await call('PUT', '/api/v4/projects/2/issues/1', { body: { state_event: 'close' } });
    const reopened = await call('PUT', '/api/v4/projects/2/issues/1', { body: { state_event: 'reopen', labels: ['x', 'y'] } });
    expect(reopened.body).toMatchObject({ state: 'opened', closed_at: null, closed_by: null, labels: ['x', 'y'] });
    const added = await call('PUT', '/api/v4/projects/2/issues/1', { body: { add_labels: 'approved', remove_labels: 'x' } });
    expect(added.body.labels).toEqual(['approved', 'y']);
    expect(await call('PUT', '/api/v4/projects/2/issues/1', { body: { state_event: 'resolve' } })).toMatchObject({
      status: 400,
      body: { error: 'state_event does not have a valid value' },
    });
    expect((await call('PUT', '/api/v4/projects/2/issues/1')).body.error).toMatch(/at least one parameter must be provided$/);
  });
});

describe('GitLab fake: auth', () => {
  it('answers 401 without or with a wrong PRIVATE-TOKEN, and records a security violation when it is missing', async () => {
    expect(await call('GET', '/api/v4/projects', { token: null })).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect(await call('GET', '/api/v4/projects', { token: 'wrong' })).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect(gitlab.violations).toEqual([expect.stringContaining('security: missing credentials, expected PRIVATE-TOKEN header')]);
  });
});

describe('GitLab fake: approver hooks', () => {
  it('labelIssue sets labels that the next GET shows', async () => {
    await createIssue();
    gitlab.labelIssue('rhdh/orchestrator-approvals', 1, ['denied']);
    expect((await call('GET', '/api/v4/projects/2/issues/1')).body.labels).toEqual(['denied']);
    expect(() => gitlab.labelIssue(2, 5, ['x'])).toThrow('no issue');
  });

  it('onPoll approves after the third GET', async () => {
    await createIssue();
    gitlab.onPoll(2, 1, (reads) => (reads >= 3 ? ['approved'] : undefined));
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) seen.push((await call('GET', '/api/v4/projects/2/issues/1')).body.labels ?? []);
    expect(seen).toEqual([[], [], ['approved'], ['approved']]);
    expect(gitlab.pollCount(2, 1)).toBe(4);
  });

  it("onPoll with '*' scripts issues created later", async () => {
    gitlab.onPoll('rhdh/orchestrator-approvals', '*', (reads) => (reads === 2 ? ['denied', 'needs-info'] : undefined));
    await createIssue();
    await call('GET', '/api/v4/projects/2/issues/1');
    expect((await call('GET', '/api/v4/projects/2/issues/1')).body.labels).toEqual(['denied', 'needs-info']);
  });
});

describe('GitLab fake: recording and conformance', () => {
  it('records method, path, parsed and raw query, lower-cased headers, parsed and raw body, and the reply', async () => {
    await call('POST', '/api/v4/projects/2/issues?confidential=false&labels=a&labels=b', { body: { title: 't' } });
    const [recorded] = gitlab.requests;
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/api/v4/projects/2/issues',
      query: { confidential: 'false', labels: ['a', 'b'] },
      rawQuery: 'confidential=false&labels=a&labels=b',
      body: { title: 't' },
      rawBody: '{"title":"t"}',
      response: { status: 201 },
    });
    expect(recorded?.headers['private-token']).toBe(gitlab.token);
    expect(recorded?.headers['content-type']).toBe('application/json');
  });

  it('records violations for a malformed request but still serves it', async () => {
    const { status } = await call('POST', '/api/v4/projects/2/issues', { body: { title: 'x', labels: 7 } });
    expect(status).toBe(400);
    expect(gitlab.violations).toEqual([expect.stringMatching(/postApiV4ProjectsIdIssues\] request body: \/labels must be array$/)]);
  });

  it('strict mode answers 400 with the violation instead of serving', async () => {
    const strict = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT], strict: true });
    try {
      const response = await fetch(`${strict.url}/api/v4/projects?simple=maybe`, { headers: { 'PRIVATE-TOKEN': strict.token } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/query parameter "simple": must be boolean$/);
      const ok = await fetch(`${strict.url}/api/v4/projects?simple=true`, { headers: { 'PRIVATE-TOKEN': strict.token } });
      expect(ok.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
