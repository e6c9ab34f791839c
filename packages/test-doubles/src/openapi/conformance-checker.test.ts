// The OpenAPI conformance checker against the seed specs: valid and invalid requests and responses,
// errata, the scaffolder's undefined security scheme, and operation lookup.
import { describe, expect, it } from 'vitest';
import { parseJsonBody, parseQuery, type RecordedRequest } from '../http/recorded-request.js';
import { SEED_SPEC_FILES, seedSpecPath } from '../seed-specs.js';
import { ConformanceChecker } from './conformance-checker.js';
import { loadOpenApiFile } from './openapi-document.js';

const gitlab = ConformanceChecker.fromFiles([seedSpecPath(SEED_SPEC_FILES.gitlab)]);
const backstage = ConformanceChecker.fromFiles([
  seedSpecPath(SEED_SPEC_FILES.notifications),
  seedSpecPath(SEED_SPEC_FILES.scaffolder),
]);

function request(method: string, target: string, options: { headers?: Record<string, string>; body?: unknown; raw?: string } = {}): RecordedRequest {
  const [path = '', rawQuery = ''] = target.split('?');
  const rawBody = options.raw ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const headers = { ...(rawBody === '' ? {} : { 'content-type': 'application/json' }), ...options.headers };
  return { method, path, query: parseQuery(rawQuery), rawQuery, headers, body: parseJsonBody(rawBody), rawBody };
}

const GITLAB_AUTH = { 'private-token': 'secret' };
const BEARER = { authorization: 'Bearer secret' };

describe('ConformanceChecker, GitLab spec', () => {
  it('accepts the four requests the seed workflow sends', () => {
    const requests = [
      request('GET', '/api/v4/projects?search=orchestrator-approvals&simple=true', { headers: GITLAB_AUTH }),
      request('POST', '/api/v4/projects/7/issues', { headers: GITLAB_AUTH, body: { title: 'Request for large namespace a for user b', description: null } }),
      request('GET', '/api/v4/projects/7/issues/1', { headers: GITLAB_AUTH }),
      request('PUT', '/api/v4/projects/7/issues/1?state_event=close', { headers: GITLAB_AUTH }),
    ];
    for (const r of requests) expect(gitlab.checkRequest(r).violations).toEqual([]);
  });

  it('finds operations by method and path template, with decoded variables', () => {
    const match = gitlab.findOperation('GET', '/api/v4/projects/rhdh%2Fapprovals/issues/3');
    expect(match?.operation.operationId).toBe('getApiV4ProjectsIdIssuesIssueId');
    expect(match?.pathParams).toEqual({ id: 'rhdh/approvals', issue_iid: '3' });
    expect(gitlab.findOperation('DELETE', '/api/v4/projects/7/issues/1')).toBeUndefined();
  });

  it('reports a request no operation matches', () => {
    const { violations, operation } = gitlab.checkRequest(request('GET', '/api/v4/users', { headers: GITLAB_AUTH }));
    expect(operation).toBeUndefined();
    expect(violations).toEqual(['GET /api/v4/users: no operation in gitlab-openapi.yaml matches this method and path']);
  });

  it('reports a missing PRIVATE-TOKEN header', () => {
    expect(gitlab.checkRequest(request('GET', '/api/v4/projects')).violations).toEqual([
      'GET /api/v4/projects [gitlab-openapi.yaml#getApiV4Projects] security: missing credentials, expected PRIVATE-TOKEN header',
    ]);
  });

  it('reports parameters that break their schema after style decoding', () => {
    const bad = gitlab.checkRequest(request('GET', '/api/v4/projects?simple=yes&order_by=stars&per_page=ten&topic=a,b', { headers: GITLAB_AUTH }));
    expect(bad.violations).toEqual([
      expect.stringContaining('query parameter "order_by": must be equal to one of the allowed values'),
      expect.stringContaining('query parameter "per_page": must be integer'),
      expect.stringContaining('query parameter "simple": must be boolean'),
    ]);
    expect(gitlab.checkRequest(request('GET', '/api/v4/projects/7/issues/x', { headers: GITLAB_AUTH })).violations).toEqual([
      expect.stringContaining('path parameter "issue_iid": must be integer'),
    ]);
  });

  it('reports a body that breaks the requestBody schema, a missing body, non-JSON and a wrong content type', () => {
    const at = '/api/v4/projects/7/issues';
    expect(gitlab.checkRequest(request('POST', at, { headers: GITLAB_AUTH, body: { title: 5, labels: 'x' } })).violations).toEqual([
      expect.stringMatching(/request body: \/labels must be array$/),
      expect.stringMatching(/request body: \/title must be string$/),
    ]);
    expect(gitlab.checkRequest(request('POST', at, { headers: GITLAB_AUTH })).violations).toEqual([expect.stringMatching(/request body: required but missing$/)]);
    expect(gitlab.checkRequest(request('POST', at, { headers: GITLAB_AUTH, raw: '{"title":' })).violations).toEqual([
      expect.stringMatching(/request body: not valid JSON$/),
    ]);
    const form = request('POST', at, { headers: { ...GITLAB_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, raw: 'title=x' });
    expect(gitlab.checkRequest(form).violations).toEqual([expect.stringContaining('content type "application/x-www-form-urlencoded" not declared')]);
  });

  it('validates responses, with the GitLab errata in force', () => {
    const operation = gitlab.operationById('getApiV4ProjectsIdIssuesIssueId');
    if (!operation) throw new Error('operation missing');
    const issue = { id: 1, iid: 1, description: null, milestone: null, user_notes_count: 0, has_tasks: false, labels: [] };
    expect(gitlab.checkResponse(operation, 200, issue)).toEqual([]);
    expect(gitlab.checkResponse(operation, 200, { ...issue, iid: '1', labels: 'approved' })).toEqual([
      'GET /api/v4/projects/{id}/issues/{issue_iid} [gitlab-openapi.yaml#getApiV4ProjectsIdIssuesIssueId] response 200: /iid must be integer',
      'GET /api/v4/projects/{id}/issues/{issue_iid} [gitlab-openapi.yaml#getApiV4ProjectsIdIssuesIssueId] response 200: /labels must be array',
    ]);
    expect(gitlab.checkResponse(operation, 404, { message: '404 Not found' })).toEqual([]);
    expect(gitlab.notes).toEqual([
      'gitlab-openapi.yaml: erratum GITLAB_ISSUE_SCALAR_TYPES applied',
      'gitlab-openapi.yaml: erratum GITLAB_NULLABLE_OPTIONALS applied',
    ]);
  });

  it('without errata, the published spec rejects what GitLab really sends', () => {
    const raw = new ConformanceChecker({ specs: [loadOpenApiFile(seedSpecPath(SEED_SPEC_FILES.gitlab))], errata: [] });
    const operation = raw.operationById('getApiV4ProjectsIdIssuesIssueId');
    if (!operation) throw new Error('operation missing');
    expect(raw.checkResponse(operation, 200, { description: null, user_notes_count: 0 })).toEqual([
      expect.stringMatching(/\/description must be string$/),
      expect.stringMatching(/\/user_notes_count must be string$/),
    ]);
  });
});

describe('ConformanceChecker, Backstage specs', () => {
  const notification = {
    recipients: { type: 'entity', entityRef: ['user:default/dev1'] },
    payload: { title: 'Namespace a created', description: 'Namespace a created', severity: 'normal', topic: 'Create OCP Namespace workflow' },
  };

  it('accepts the seed workflow requests and a conforming response', () => {
    expect(backstage.checkRequest(request('POST', '/api/notifications', { headers: BEARER, body: notification })).violations).toEqual([]);
    const launch = { templateRef: 'template:default/orchestrator-namespace-request', values: { component_id: 'a', size: 'small' } };
    expect(backstage.checkRequest(request('POST', '/api/scaffolder/v2/tasks', { headers: BEARER, body: launch })).violations).toEqual([]);
    expect(backstage.checkRequest(request('GET', '/api/scaffolder/v2/tasks/abc', { headers: BEARER })).violations).toEqual([]);
    const create = backstage.operationById('createNotification');
    if (!create) throw new Error('operation missing');
    const sent = [{ id: 'x', user: null, created: '2025-01-01T00:00:00.000Z', origin: 'external:Orchestrator', payload: { title: 't' } }];
    expect(backstage.checkResponse(create, 200, sent)).toEqual([]);
    expect(backstage.checkResponse(create, 200, [{ id: 'x', user: 'u' }])).toEqual([
      expect.stringMatching(/response 200: \/0 must have required property 'created'$/),
      expect.stringMatching(/response 200: \/0 must have required property 'origin'$/),
      expect.stringMatching(/response 200: \/0 must have required property 'payload'$/),
    ]);
  });

  it('reports a payload without title, a bad severity and a wrong Authorization scheme', () => {
    const body = { recipients: { type: 'entity', entityRef: 'user:default/dev1' }, payload: { severity: 'urgent' } };
    const { violations } = backstage.checkRequest(request('POST', '/api/notifications', { headers: { authorization: 'Basic abc' }, body }));
    expect(violations).toEqual([
      'POST /api/notifications [notifications-openapi.yaml#createNotification] security: missing credentials, expected Authorization: bearer',
      expect.stringMatching(/request body: \/recipients\/entityRef must be array$/),
      expect.stringMatching(/request body: \/payload must have required property 'title'$/),
      expect.stringMatching(/request body: \/payload\/severity must be equal to one of the allowed values \("critical", "high", "normal", "low"\)$/),
    ]);
  });

  it('checks an aliased route as the operation it names', () => {
    const alias = request('POST', '/api/notifications/notifications', { headers: BEARER, body: { payload: {} } });
    expect(backstage.checkRequest(alias).violations).toEqual([expect.stringContaining('no operation')]);
    expect(backstage.checkRequest(alias, { operationId: 'createNotification', pathParams: {} }).violations).toEqual([
      expect.stringMatching(/\[notifications-openapi.yaml#createNotification\] request body: \/payload must have required property 'title'$/),
    ]);
  });

  it('checks the scaffolder operations against the document-level BearerToken and notes the undefined bearerAuth', () => {
    expect(backstage.checkRequest(request('GET', '/api/scaffolder/v2/tasks/abc')).violations).toEqual([
      'GET /api/scaffolder/v2/tasks/abc [scaffolder-openapi.yaml#getTaskDetails] security: missing credentials, expected Authorization: bearer',
    ]);
    expect(backstage.notes).toContain(
      'scaffolder-openapi.yaml: getTaskDetails: security scheme(s) bearerAuth not defined in components.securitySchemes; checked against the document-level security instead',
    );
    expect(backstage.notes.filter((n) => n.includes('bearerAuth'))).toHaveLength(7);
  });

  it('reports a createTask body of the wrong shape', () => {
    const body = { templateRef: ['x'], values: 'none' };
    expect(backstage.checkRequest(request('POST', '/api/scaffolder/v2/tasks', { headers: BEARER, body })).violations).toEqual([
      expect.stringMatching(/request body: \/templateRef must be string$/),
      expect.stringMatching(/request body: \/values must be object$/),
    ]);
  });
});
