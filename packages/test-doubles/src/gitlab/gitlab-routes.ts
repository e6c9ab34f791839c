// The GitLab REST v4 routes the seed workflow calls: project search, issue create, read and edit,
// with GitLab's parameter rules and error bodies (`{"error": ...}` for parameters, `{"message": ...}` otherwise).
import type { FakeReply, FakeRoute, RouteContext } from '../http/fake-server.js';
import { renderIssue, renderProject } from './gitlab-entities.js';
import { normalizeLabels, type GitLabProject, type GitLabState, type GitLabUser } from './gitlab-state.js';

const EDITABLE = ['title', 'description', 'labels', 'add_labels', 'remove_labels', 'state_event', 'confidential', 'due_date'];
const ORDERABLE = new Set(['id', 'name', 'path', 'created_at', 'updated_at', 'last_activity_at']);

/** Builds the GitLab routes over a state; `user` is the token's owner. @internal */
export function gitLabRoutes(state: GitLabState, user: GitLabUser): FakeRoute[] {
  return [
    { method: 'GET', path: '/api/v4/projects', handle: (c) => listProjects(state, c) },
    { method: 'POST', path: '/api/v4/projects/{id}/issues', handle: (c) => withProject(state, c, (p) => createIssue(state, user, p, c)) },
    { method: 'GET', path: '/api/v4/projects/{id}/issues/{issue_iid}', handle: (c) => withIssue(state, c, (p, iid) => readIssue(state, p, iid, c)) },
    { method: 'PUT', path: '/api/v4/projects/{id}/issues/{issue_iid}', handle: (c) => withIssue(state, c, (p, iid) => editIssue(state, user, p, iid, c)) },
  ];
}

function listProjects(state: GitLabState, { request, baseUrl }: RouteContext): FakeReply {
  const q = params(request.query, null);
  const page = positiveInt(q['page'], 1);
  const perPage = positiveInt(q['per_page'], 20);
  if (page === undefined) return invalid('page');
  if (perPage === undefined) return invalid('per_page');
  const terms = typeof q['search'] === 'string' ? q['search'].toLowerCase().split(/\s+/).filter((t) => t !== '') : [];
  const withNamespaces = truthy(q['search_namespaces']);
  const ordered = typeof q['order_by'] === 'string' && ORDERABLE.has(q['order_by']) ? q['order_by'] : 'created_at';
  const orderBy = ordered === 'updated_at' ? 'last_activity_at' : ordered;
  const direction = q['sort'] === 'asc' ? 1 : -1;
  const matches = state
    .projects()
    .filter((p) => q['visibility'] === undefined || p.visibility === q['visibility'])
    .filter((p) => {
      const haystack = [p.name, p.path, p.description ?? '', withNamespaces ? p.path_with_namespace : ''].join('\n').toLowerCase();
      return terms.every((t) => haystack.includes(t));
    })
    .sort((a, b) => direction * (compare(a, b, orderBy) || a.id - b.id));
  const size = Math.min(perPage, 100);
  const totalPages = Math.max(1, Math.ceil(matches.length / size));
  const body = matches.slice((page - 1) * size, page * size).map((p) =>
    renderProject(p, baseUrl, { simple: truthy(q['simple']), openIssues: state.issues(p.id).filter((i) => i.state === 'opened').length }),
  );
  const headers = {
    'x-page': String(page),
    'x-per-page': String(size),
    'x-total': String(matches.length),
    'x-total-pages': String(totalPages),
    'x-next-page': page < totalPages ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
  };
  return { status: 200, body, headers };
}

function createIssue(state: GitLabState, user: GitLabUser, project: GitLabProject, { request, baseUrl }: RouteContext): FakeReply {
  const p = params(request.query, request.body);
  if (p['title'] === undefined || p['title'] === null) return { status: 400, body: { error: 'title is missing' } };
  if (typeof p['title'] !== 'string') return invalid('title');
  if (p['title'].trim() === '') return { status: 400, body: { message: { title: ["can't be blank"] } } };
  if (p['description'] !== undefined && p['description'] !== null && typeof p['description'] !== 'string') return invalid('description');
  const labels = labelList(p['labels']);
  if (labels === undefined) return invalid('labels');
  const issue = state.createIssue(
    project,
    {
      title: p['title'],
      description: (p['description'] as string | null | undefined) ?? null,
      labels,
      confidential: truthy(p['confidential']),
      due_date: typeof p['due_date'] === 'string' ? p['due_date'] : null,
      issue_type: typeof p['issue_type'] === 'string' ? p['issue_type'] : 'issue',
    },
    user,
  );
  return { status: 201, body: renderIssue(issue, project, baseUrl) };
}

function readIssue(state: GitLabState, project: GitLabProject, iid: number, { baseUrl }: RouteContext): FakeReply {
  const issue = state.issue(project.id, iid);
  if (!issue) return issueNotFound();
  state.recordPoll(issue);
  return { status: 200, body: renderIssue(issue, project, baseUrl) };
}

function editIssue(state: GitLabState, user: GitLabUser, project: GitLabProject, iid: number, { request, baseUrl }: RouteContext): FakeReply {
  const issue = state.issue(project.id, iid);
  if (!issue) return issueNotFound();
  const p = params(request.query, request.body);
  if (!EDITABLE.some((name) => p[name] !== undefined)) {
    return { status: 400, body: { error: `${EDITABLE.join(', ')} are missing, at least one parameter must be provided` } };
  }
  const event = p['state_event'];
  if (event !== undefined && event !== 'close' && event !== 'reopen') return { status: 400, body: { error: 'state_event does not have a valid value' } };
  const [labels, add, remove] = [labelList(p['labels']), labelList(p['add_labels']), labelList(p['remove_labels'])];
  if (labels === undefined || add === undefined || remove === undefined) return invalid('labels');
  if (typeof p['title'] === 'string' && p['title'].trim() !== '') issue.title = p['title'];
  if (p['description'] !== undefined) issue.description = typeof p['description'] === 'string' ? p['description'] : null;
  if (p['confidential'] !== undefined) issue.confidential = truthy(p['confidential']);
  if (p['due_date'] !== undefined) issue.due_date = typeof p['due_date'] === 'string' ? p['due_date'] : null;
  const base = p['labels'] !== undefined ? labels : issue.labels;
  const next = normalizeLabels([...base, ...add]).filter((l) => !remove.includes(l));
  if (next.join(',') !== issue.labels.join(',')) state.setLabels(issue, next);
  if (event === 'close' || event === 'reopen') state.setState(issue, event, user);
  else state.touch(issue);
  return { status: 200, body: renderIssue(issue, project, baseUrl) };
}

function withProject(state: GitLabState, context: RouteContext, next: (project: GitLabProject) => FakeReply): FakeReply {
  const project = state.project(context.params['id'] ?? '');
  return project ? next(project) : { status: 404, body: { message: '404 Project Not Found' } };
}

function withIssue(state: GitLabState, context: RouteContext, next: (project: GitLabProject, iid: number) => FakeReply): FakeReply {
  const iid = context.params['issue_iid'] ?? '';
  if (!/^\d+$/.test(iid)) return invalid('issue_iid');
  return withProject(state, context, (project) => next(project, Number(iid)));
}

/** Grape reads parameters from the query string and the JSON body together; the body wins. */
function params(query: Record<string, string | string[]>, body: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...query };
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) Object.assign(merged, body);
  return merged;
}

/** Labels arrive as a comma-separated string or an array of names; undefined means "bad type". */
function labelList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return normalizeLabels(value.split(','));
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return normalizeLabels(value.flatMap((v: string) => v.split(',')));
  return undefined;
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function positiveInt(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

function compare(a: GitLabProject, b: GitLabProject, field: string): number {
  const x = (a as unknown as Record<string, string | number>)[field] ?? '';
  const y = (b as unknown as Record<string, string | number>)[field] ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function invalid(name: string): FakeReply {
  return { status: 400, body: { error: `${name} is invalid` } };
}

function issueNotFound(): FakeReply {
  return { status: 404, body: { message: '404 Not found' } };
}
