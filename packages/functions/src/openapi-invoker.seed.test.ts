// The six REST calls of the seed workflow (create-ocp-namespace-swt), with its real OpenAPI specs and
// application.properties, checked byte for byte against a local HTTP server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigSource, JsonObject } from '@sluice/engine';
import {
  SEED_DIR,
  invokeRequest,
  json,
  loadProperties,
  mapConfig,
  openApiFunction,
  readYaml,
  startRecordingServer,
  type RecordingServer,
} from '../test/recording-server.js';
import { OpenApiInvoker } from './openapi-invoker.js';

const GITLAB_TOKEN = 'glpat-seed-token';
const BACKEND_TOKEN = 'backend-seed-token';
const spec = (file: string): JsonObject => readYaml(new URL(`specs/${file}`, SEED_DIR));
const gitlab = spec('gitlab-openapi.yaml');
const notifications = spec('notifications-openapi.yaml');
const scaffolder = spec('scaffolder-openapi.yaml');

describe('OpenApiInvoker on the seed workflow', () => {
  let server: RecordingServer;
  let config: ConfigSource;
  const invoker = new OpenApiInvoker();

  beforeAll(async () => {
    server = await startRecordingServer();
    const properties = readFileSync(new URL('application.properties', SEED_DIR), 'utf8');
    config = mapConfig(
      loadProperties(properties, {
        GITLAB_URL: server.url,
        GITLAB_TOKEN,
        BACKSTAGE_BACKEND_URL: server.url,
        BACKSTAGE_BACKEND_BEARER_TOKEN: BACKEND_TOKEN,
        SWT_REF: 'template:default/orchestrator-namespace-request',
      }),
    );
  });
  afterAll(() => server.close());

  const last = () => server.requests[server.requests.length - 1]!;

  it('getProjectId: GET /api/v4/projects?search=orchestrator-approvals&simple=true with PRIVATE-TOKEN', async () => {
    server.respond((_r, res) => json(res, 200, [{ id: 42, name: 'orchestrator-approvals' }]));
    const fn = openApiFunction('getProjectId', 'specs/gitlab-openapi.yaml', 'getApiV4Projects', gitlab);
    const result = await invoker.invoke(invokeRequest(fn, { search: 'orchestrator-approvals', simple: true }, config));
    const r = last();
    expect(r.method).toBe('GET');
    expect(r.target).toBe('/api/v4/projects?search=orchestrator-approvals&simple=true');
    expect(r.headers['private-token']).toBe(GITLAB_TOKEN);
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers['content-type']).toBeUndefined();
    expect(r.headers.authorization).toBeUndefined();
    expect(r.body).toBe('');
    expect(result.status).toBe(200);
    expect(result.body).toEqual([{ id: 42, name: 'orchestrator-approvals' }]);
  });

  it('createIssue: POST /api/v4/projects/42/issues with {"title","description":null}', async () => {
    server.respond((_r, res) => json(res, 201, { iid: 7, web_url: 'https://gitlab/x/-/issues/7' }));
    const fn = openApiFunction('createIssue', 'specs/gitlab-openapi.yaml', 'postApiV4ProjectsIdIssues', gitlab);
    const result = await invoker.invoke(invokeRequest(fn, { id: '42', title: 'T', description: null }, config));
    const r = last();
    expect(r.method).toBe('POST');
    expect(r.target).toBe('/api/v4/projects/42/issues');
    expect(r.body).toBe('{"title":"T","description":null}');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers['private-token']).toBe(GITLAB_TOKEN);
    expect(result).toMatchObject({ status: 201, body: { iid: 7, web_url: 'https://gitlab/x/-/issues/7' } });
  });

  it('closeIssue: PUT /api/v4/projects/42/issues/7?state_event=close with no body', async () => {
    server.respond((_r, res) => json(res, 200, { iid: 7, state: 'closed' }));
    const fn = openApiFunction('closeIssue', 'specs/gitlab-openapi.yaml', 'putApiV4ProjectsIdIssuesIssueId', gitlab);
    const result = await invoker.invoke(invokeRequest(fn, { id: '42', issue_iid: 7, state_event: 'close' }, config));
    const r = last();
    expect(r.method).toBe('PUT');
    expect(r.target).toBe('/api/v4/projects/42/issues/7?state_event=close');
    expect(r.body).toBe('');
    expect(r.headers['content-type']).toBeUndefined();
    expect(r.headers['private-token']).toBe(GITLAB_TOKEN);
    expect(result.body).toEqual({ iid: 7, state: 'closed' });
  });

  it('createNotification: POST /api/notifications with {recipients, payload} and a bearer token', async () => {
    server.respond((_r, res) => json(res, 200, [{ id: 'n-1' }]));
    const fn = openApiFunction('createNotification', 'specs/notifications-openapi.yaml', 'createNotification', notifications);
    const args = {
      recipients: { type: 'entity', entityRef: ['user:default/dev1', 'group:default/admins'] },
      payload: {
        title: 'Namespace request',
        description: 'Request for large namespace ns1 for user dev1',
        link: 'https://gitlab/x/-/issues/7',
        severity: 'normal',
        topic: 'Create OCP Namespace workflow',
      },
    };
    const result = await invoker.invoke(invokeRequest(fn, args, config));
    const r = last();
    expect(r.method).toBe('POST');
    expect(r.target).toBe('/api/notifications');
    expect(r.body).toBe(
      '{"recipients":{"type":"entity","entityRef":["user:default/dev1","group:default/admins"]},' +
        '"payload":{"title":"Namespace request","description":"Request for large namespace ns1 for user dev1",' +
        '"link":"https://gitlab/x/-/issues/7","severity":"normal","topic":"Create OCP Namespace workflow"}}',
    );
    expect(r.headers.authorization).toBe(`Bearer ${BACKEND_TOKEN}`);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['private-token']).toBeUndefined();
    expect(result.body).toEqual([{ id: 'n-1' }]);
  });

  it('launchSoftwareTemplate: POST /api/scaffolder/v2/tasks (undefined bearerAuth falls back to BearerToken)', async () => {
    server.respond((_r, res) => json(res, 201, { id: 'task-1' }));
    const fn = openApiFunction('launchSoftwareTemplate', 'specs/scaffolder-openapi.yaml', 'createTask', scaffolder);
    const args = {
      templateRef: 'template:default/orchestrator-namespace-request',
      values: { git_host: 'gitlab.example.com', component_id: 'ns1', namespace_owner: 'dev1', size: 'large' },
    };
    const result = await invoker.invoke(invokeRequest(fn, args, config));
    const r = last();
    expect(r.method).toBe('POST');
    expect(r.target).toBe('/api/scaffolder/v2/tasks');
    expect(r.body).toBe(
      '{"templateRef":"template:default/orchestrator-namespace-request",' +
        '"values":{"git_host":"gitlab.example.com","component_id":"ns1","namespace_owner":"dev1","size":"large"}}',
    );
    expect(r.headers.authorization).toBe(`Bearer ${BACKEND_TOKEN}`);
    expect(r.headers['content-type']).toBe('application/json');
    expect(result).toMatchObject({ status: 201, body: { id: 'task-1' } });
  });

  it('getSoftwareTemplateTask: GET /api/scaffolder/v2/tasks/<id> with a bearer token', async () => {
    server.respond((_r, res) => json(res, 200, { id: 'task-1', status: 'completed' }));
    const fn = openApiFunction('getSoftwareTemplateTask', 'specs/scaffolder-openapi.yaml', 'getTaskDetails', scaffolder);
    const result = await invoker.invoke(invokeRequest(fn, { taskId: 'task-1' }, config));
    const r = last();
    expect(r.method).toBe('GET');
    expect(r.target).toBe('/api/scaffolder/v2/tasks/task-1');
    expect(r.body).toBe('');
    expect(r.headers.authorization).toBe(`Bearer ${BACKEND_TOKEN}`);
    expect(r.headers['content-type']).toBeUndefined();
    expect(result.body).toEqual({ id: 'task-1', status: 'completed' });
    expect(result.headers?.['content-type']).toBe('application/json');
  });
});
