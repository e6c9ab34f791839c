/**
 * The auth matrix: every route of the server against anonymous, a user (dev1), another user (dev2),
 * an admin and the static service token. Each cell is the status class the caller must get: 2xx
 * when allowed (or the route's own non-auth answer, e.g. 409 for a run in the wrong state), 401,
 * 403 or 404 when not. A route added without a row here fails the completeness check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from './helpers/test-server.js';
import { DEV2, jsonOf, serverSettings, waitForState, writeWorkflows } from './orchestrator/workflow-fixtures.js';
import { templateFolders, waitForEnd } from './scaffolder/scaffolder-fixtures.js';

type Who = 'anon' | 'dev1' | 'dev2' | 'admin' | 'service';
const WHO: readonly Who[] = ['anon', 'dev1', 'dev2', 'admin', 'service'];
/** Expected status per caller: a number, or 'ok' for any 2xx. */
type Cell = number | 'ok';
type Row = {
  route: string; // `METHOD /pattern` as fastify lists it
  /** The request for one caller (fresh resources per caller where the call consumes them). */
  call: (who: Who) => Promise<{ path: string; method: string; json?: unknown; body?: string; headers?: Record<string, string> }>;
  expect: Record<Who, Cell>;
};

const O = '/api/orchestrator/v2/workflows';
const ALL_OK: Record<Who, Cell> = { anon: 'ok', dev1: 'ok', dev2: 'ok', admin: 'ok', service: 'ok' };
const SIGNED_IN: Record<Who, Cell> = { anon: 401, dev1: 'ok', dev2: 'ok', admin: 'ok', service: 'ok' };
const USERS_ONLY: Record<Who, Cell> = { anon: 401, dev1: 'ok', dev2: 'ok', admin: 'ok', service: 403 };
const ADMINS: Record<Who, Cell> = { anon: 401, dev1: 403, dev2: 403, admin: 'ok', service: 'ok' };
const OWNER_OR_ADMIN: Record<Who, Cell> = { anon: 401, dev1: 'ok', dev2: 403, admin: 'ok', service: 'ok' };

let s: TestServer;
let fixtures: ReturnType<typeof writeWorkflows>;
const tokens: Record<Who, string | undefined> = { anon: undefined, dev1: '', dev2: '', admin: '', service: SERVICE_TOKEN };
let doneRun = '';
let dev1Notification = '';
let dev1Task = '';
const SC = '/api/scaffolder/v2';
/** A task of dev1: other users are told it does not exist. */
const OWN_TASK: Record<Who, Cell> = { anon: 401, dev1: 'ok', dev2: 404, admin: 'ok', service: 'ok' };
let seq = 0;
let portalDir = '';

async function execute(wf: string, who: Exclude<Who, 'anon'>, inputData: unknown = {}): Promise<string> {
  return (await jsonOf<{ id: string }>(await s.request(`${O}/${wf}/execute`, { method: 'POST', token: tokens[who]!, json: { inputData } }))).id;
}
const waitingRunOfDev1 = async (): Promise<string> => {
  const id = await execute('waiter', 'dev1');
  await waitForState(s, id, ['ACTIVE']);
  return id;
};
const approvalRequest = async () => ({ instanceId: await waitingRunOfDev1(), title: 'matrix', approvers: ['group:default/platform-admins'], requester: 'user:default/dev1' });
async function newApproval(): Promise<string> {
  const res = await s.request('/api/approvals', { method: 'POST', token: SERVICE_TOKEN, json: await approvalRequest() });
  return ((await jsonOf<{ id: string }>(res, 201)) as { id: string }).id;
}
const event = () => ({ specversion: '1.0', id: `evt-${++seq}`, source: '/tests/matrix', type: 'matrix.nothing', data: {} });

const ROWS: Row[] = [
  { route: 'GET /health', call: async () => ({ method: 'GET', path: '/health' }), expect: ALL_OK },
  { route: 'GET /ready', call: async () => ({ method: 'GET', path: '/ready' }), expect: ALL_OK },
  { route: 'GET /metrics', call: async () => ({ method: 'GET', path: '/metrics' }), expect: ALL_OK },
  { route: 'GET /api/auth/providers', call: async () => ({ method: 'GET', path: '/api/auth/providers' }), expect: ALL_OK },
  { route: 'GET /api/auth/me', call: async () => ({ method: 'GET', path: '/api/auth/me' }), expect: SIGNED_IN },
  { route: 'GET /api/auth/guest/users', call: async () => ({ method: 'GET', path: '/api/auth/guest/users' }), expect: ALL_OK },
  { route: 'POST /api/auth/guest/refresh', call: async () => ({ method: 'POST', path: '/api/auth/guest/refresh', json: { user: 'dev1' } }), expect: ALL_OK },
  { route: 'GET /api/catalog/entities', call: async () => ({ method: 'GET', path: '/api/catalog/entities' }), expect: SIGNED_IN },
  {
    route: 'POST /api/catalog/entities',
    call: async (who) => ({
      method: 'POST',
      path: '/api/catalog/entities',
      json: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: `matrix-${who}-${++seq}` }, spec: { type: 'service', owner: 'group:default/developers', lifecycle: 'experimental' } },
    }),
    expect: ADMINS,
  },
  { route: 'GET /api/catalog/entities/by-name/:kind/:namespace/:name', call: async () => ({ method: 'GET', path: '/api/catalog/entities/by-name/user/default/dev1' }), expect: SIGNED_IN },
  {
    route: 'DELETE /api/catalog/entities/by-name/:kind/:namespace/:name',
    call: async (who) => {
      const name = `doomed-${who}-${++seq}`;
      await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name }, spec: { type: 'service', owner: 'group:default/developers', lifecycle: 'experimental' } } });
      return { method: 'DELETE', path: `/api/catalog/entities/by-name/component/default/${name}` };
    },
    expect: ADMINS,
  },
  { route: 'GET /api/catalog/entities/by-refs', call: async () => ({ method: 'GET', path: '/api/catalog/entities/by-refs?entityRef=user:default/dev1' }), expect: SIGNED_IN },
  { route: 'POST /api/catalog/entities/by-refs', call: async () => ({ method: 'POST', path: '/api/catalog/entities/by-refs', json: { entityRefs: ['user:default/dev1'] } }), expect: SIGNED_IN },
  ...['/api/notifications', '/api/notifications/notifications'].map(
    (path): Row => ({
      route: `POST ${path}`,
      call: async () => ({ method: 'POST', path, json: { recipients: { type: 'entity', entityRef: 'user:default/dev1' }, payload: { title: 'matrix' } } }),
      expect: { anon: 401, dev1: 403, dev2: 403, admin: 403, service: 'ok' },
    }),
  ),
  ...['/api/notifications', '/api/notifications/notifications', '/api/notifications/status', '/api/notifications/topics'].map(
    (path): Row => ({ route: `GET ${path}`, call: async () => ({ method: 'GET', path }), expect: USERS_ONLY }),
  ),
  ...['/api/notifications/update', '/api/notifications/notifications/update'].map(
    (path): Row => ({ route: `POST ${path}`, call: async () => ({ method: 'POST', path, json: { ids: [dev1Notification], read: true } }), expect: USERS_ONLY }),
  ),
  ...['/api/notifications/:id', '/api/notifications/notifications/:id'].map(
    (route): Row => ({
      route: `GET ${route}`,
      call: async () => ({ method: 'GET', path: route.replace(':id', dev1Notification) }),
      // Only the recipient sees it; others are told it does not exist.
      expect: { anon: 401, dev1: 'ok', dev2: 404, admin: 404, service: 403 },
    }),
  ),
  // The live feed never ends for an allowed caller, so only refusals are checked here (the
  // notifications suite reads the stream).
  { route: 'GET /api/notifications/live', call: async () => ({ method: 'GET', path: '/api/notifications/live' }), expect: { anon: 401, dev1: 0, dev2: 0, admin: 0, service: 403 } },
  { route: 'POST /api/orchestrator/v2/workflows/overview', call: async () => ({ method: 'POST', path: `${O}/overview`, json: {} }), expect: SIGNED_IN },
  { route: 'POST /api/orchestrator/v2/workflows/overview/entity', call: async () => ({ method: 'POST', path: `${O}/overview/entity`, json: { targetEntity: 'component:default/x' } }), expect: SIGNED_IN },
  { route: 'POST /api/orchestrator/v2/workflows/instances', call: async () => ({ method: 'POST', path: `${O}/instances`, json: {} }), expect: SIGNED_IN },
  { route: 'GET /api/orchestrator/v2/workflows/instances/statuses', call: async () => ({ method: 'GET', path: `${O}/instances/statuses` }), expect: SIGNED_IN },
  { route: 'GET /api/orchestrator/v2/workflows/instances/:instanceId', call: async () => ({ method: 'GET', path: `${O}/instances/${doneRun}` }), expect: OWNER_OR_ADMIN },
  { route: 'DELETE /api/orchestrator/v2/workflows/instances/:instanceId/abort', call: async () => ({ method: 'DELETE', path: `${O}/instances/${await waitingRunOfDev1()}/abort` }), expect: OWNER_OR_ADMIN },
  ...['overview', 'source', 'inputSchema', 'pingWorkflowService'].map(
    (op): Row => ({
      route: `GET /api/orchestrator/v2/workflows/:workflowId/${op}`,
      call: async () => ({ method: 'GET', path: `${O}/greet/${op}` }),
      expect: SIGNED_IN,
    }),
  ),
  // `restricted` may be read by dev1 only (and admins); dev2 is refused.
  { route: 'GET /api/orchestrator/v2/workflows/:workflowId/overview#restricted', call: async () => ({ method: 'GET', path: `${O}/restricted/overview` }), expect: { anon: 401, dev1: 'ok', dev2: 403, admin: 'ok', service: 'ok' } },
  { route: 'POST /api/orchestrator/v2/workflows/:workflowId/instances', call: async () => ({ method: 'POST', path: `${O}/greet/instances`, json: {} }), expect: SIGNED_IN },
  { route: 'POST /api/orchestrator/v2/workflows/:workflowId/execute', call: async () => ({ method: 'POST', path: `${O}/greet/execute`, json: { inputData: { name: 'Ada' } } }), expect: SIGNED_IN },
  // Only admins may use `restricted`.
  { route: 'POST /api/orchestrator/v2/workflows/:workflowId/execute#restricted', call: async () => ({ method: 'POST', path: `${O}/restricted/execute`, json: { inputData: {} } }), expect: { anon: 401, dev1: 403, dev2: 403, admin: 'ok', service: 'ok' } },
  // A completed run cannot be retriggered (409) — but only callers past the permission check learn that.
  { route: 'POST /api/orchestrator/v2/workflows/:workflowId/:instanceId/retrigger', call: async () => ({ method: 'POST', path: `${O}/greet/${doneRun}/retrigger`, json: {} }), expect: { anon: 401, dev1: 409, dev2: 403, admin: 409, service: 409 } },
  { route: 'POST /:workflowId', call: async () => ({ method: 'POST', path: '/greet', json: { workflowdata: { name: 'Ada' } } }), expect: SIGNED_IN },
  { route: 'GET /management/processes', call: async () => ({ method: 'GET', path: '/management/processes' }), expect: SIGNED_IN },
  { route: 'GET /management/processes/:workflowId', call: async () => ({ method: 'GET', path: '/management/processes/greet' }), expect: SIGNED_IN },
  { route: 'DELETE /management/processes/:workflowId/instances/:instanceId', call: async () => ({ method: 'DELETE', path: `/management/processes/waiter/instances/${await waitingRunOfDev1()}` }), expect: OWNER_OR_ADMIN },
  { route: 'POST /management/processes/:workflowId/instances/:instanceId/retrigger', call: async () => ({ method: 'POST', path: `/management/processes/greet/instances/${doneRun}/retrigger` }), expect: { anon: 401, dev1: 400, dev2: 403, admin: 400, service: 400 } },
  { route: 'GET /management/processes/:workflowId/instances/:instanceId/error', call: async () => ({ method: 'GET', path: `/management/processes/greet/instances/${doneRun}/error` }), expect: { anon: 401, dev1: 400, dev2: 403, admin: 400, service: 400 } },
  { route: 'POST /api/events', call: async () => ({ method: 'POST', path: '/api/events', body: JSON.stringify(event()), headers: { 'content-type': 'application/cloudevents+json' } }), expect: SIGNED_IN },
  { route: 'POST /', call: async () => ({ method: 'POST', path: '/', body: JSON.stringify(event()), headers: { 'content-type': 'application/cloudevents+json' } }), expect: SIGNED_IN },
  { route: 'GET /api/scaffolder/v2/actions', call: async () => ({ method: 'GET', path: `${SC}/actions` }), expect: ALL_OK },
  { route: 'GET /api/scaffolder/v2/tasks', call: async () => ({ method: 'GET', path: `${SC}/tasks` }), expect: SIGNED_IN },
  { route: 'POST /api/scaffolder/v2/tasks', call: async () => ({ method: 'POST', path: `${SC}/tasks`, json: { templateRef: 'template:default/broken', values: {} } }), expect: SIGNED_IN },
  { route: 'GET /api/scaffolder/v2/tasks/:taskId', call: async () => ({ method: 'GET', path: `${SC}/tasks/${dev1Task}` }), expect: OWN_TASK },
  { route: 'POST /api/scaffolder/v2/tasks/:taskId/cancel', call: async () => ({ method: 'POST', path: `${SC}/tasks/${dev1Task}/cancel` }), expect: OWN_TASK },
  { route: 'GET /api/scaffolder/v2/tasks/:taskId/events', call: async () => ({ method: 'GET', path: `${SC}/tasks/${dev1Task}/events` }), expect: OWN_TASK },
  { route: 'GET /api/scaffolder/v2/tasks/:taskId/eventstream', call: async () => ({ method: 'GET', path: `${SC}/tasks/${dev1Task}/eventstream` }), expect: OWN_TASK },
  { route: 'GET /api/scaffolder/v2/templates/:namespace/:kind/:name/parameter-schema', call: async () => ({ method: 'GET', path: `${SC}/templates/default/template/hello/parameter-schema` }), expect: SIGNED_IN },
  {
    route: 'POST /api/scaffolder/v2/dry-run',
    call: async () => ({
      method: 'POST',
      path: `${SC}/dry-run`,
      json: { template: { apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', metadata: { name: 'm' }, spec: { type: 'x', steps: [{ id: 'log', action: 'debug:log', input: { message: 'hi' } }] } }, values: {}, directoryContents: [] },
    }),
    expect: SIGNED_IN,
  },
  // Past the permission check the unreachable URL is a 400.
  // GitLab webhooks authenticate with X-Gitlab-Token, not bearer tokens; off unless a secret is configured.
  { route: 'POST /api/gitlab/webhook', call: async () => ({ method: 'POST', path: '/api/gitlab/webhook', json: { object_kind: 'issue' } }), expect: { anon: 404, dev1: 404, dev2: 404, admin: 404, service: 404 } },
  // Approvals: requested by services for a waiting run of dev1, decided by approvers (platform-admins), never by the requester.
  { route: 'POST /api/approvals', call: async () => ({ method: 'POST', path: '/api/approvals', json: await approvalRequest() }), expect: { anon: 401, dev1: 403, dev2: 403, admin: 403, service: 'ok' } },
  { route: 'GET /api/approvals', call: async () => ({ method: 'GET', path: '/api/approvals' }), expect: SIGNED_IN },
  { route: 'GET /api/approvals/:id', call: async () => ({ method: 'GET', path: `/api/approvals/${await newApproval()}` }), expect: { anon: 401, dev1: 'ok', dev2: 404, admin: 'ok', service: 'ok' } },
  {
    route: 'POST /api/approvals/:id/decision',
    call: async () => ({ method: 'POST', path: `/api/approvals/${await newApproval()}/decision`, json: { decision: 'approved', comment: 'ok' } }),
    expect: { anon: 401, dev1: 403, dev2: 403, admin: 'ok', service: 403 },
  },
  { route: 'GET /api/sluice/workflows/:workflowId/graph', call: async () => ({ method: 'GET', path: '/api/sluice/workflows/greet/graph' }), expect: SIGNED_IN },
  { route: 'GET /api/sluice/workflows/:workflowId/graph#restricted', call: async () => ({ method: 'GET', path: '/api/sluice/workflows/restricted/graph' }), expect: { anon: 401, dev1: 'ok', dev2: 403, admin: 'ok', service: 'ok' } },
  { route: 'GET /api/sluice/instances/:instanceId/graph', call: async () => ({ method: 'GET', path: `/api/sluice/instances/${doneRun}/graph` }), expect: OWNER_OR_ADMIN },
  { route: 'GET /api/sluice/instances/:instanceId/history', call: async () => ({ method: 'GET', path: `/api/sluice/instances/${doneRun}/history` }), expect: OWNER_OR_ADMIN },
  // The portal's files are public: it signs in in the browser.
  { route: 'GET /*', call: async () => ({ method: 'GET', path: '/', headers: { accept: 'text/html' } }), expect: ALL_OK },
  { route: 'POST /api/scaffolder/v2/templates/import', call: async () => ({ method: 'POST', path: `${SC}/templates/import`, json: { url: 'http://127.0.0.1:9/template.yaml' } }), expect: { anon: 401, dev1: 403, dev2: 403, admin: 400, service: 400 } },
];

beforeAll(async () => {
  fixtures = writeWorkflows();
  portalDir = mkdtempSync(join(tmpdir(), 'sluice-matrix-portal-'));
  writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>portal</title>');
  s = await startTestServer({ workflows: fixtures.folders, templates: templateFolders(), settings: { ...serverSettings(), portalDir }, env: { TINY_URL: 'http://127.0.0.1:9' } });
  tokens.dev1 = await s.tokenFor('dev1');
  tokens.dev2 = await s.tokenFor(DEV2);
  tokens.admin = await s.tokenFor('admin');
  doneRun = await execute('greet', 'dev1', { name: 'Ada' });
  await waitForState(s, doneRun, ['COMPLETED']);
  const res = await s.request('/api/notifications', { method: 'POST', token: SERVICE_TOKEN, json: { recipients: { type: 'entity', entityRef: 'user:default/dev1' }, payload: { title: 'for dev1' } } });
  expect(res.ok).toBe(true);
  const sent = (await res.json()) as { id: string }[];
  dev1Notification = sent[0]!.id;
  dev1Task = (await jsonOf<{ id: string }>(await s.request(`${SC}/tasks`, { method: 'POST', token: tokens.dev1!, json: { templateRef: 'broken', values: {} } }), 201)).id;
  await waitForEnd(s, tokens.dev1!, dev1Task);
});
afterAll(async () => {
  await s?.stop();
  fixtures?.cleanup();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
});

it('has a row for every route the server serves', () => {
  const served = new Set<string>();
  const text = s.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([│ ]*)(?:[└├]── )(.*?) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('').replace(/^\/?/, '/').replace(/\/\//g, '/');
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') served.add(`${method} ${path}`);
  }
  expect(served.size).toBeGreaterThan(40);
  expect(served).toContain('POST /api/orchestrator/v2/workflows/:workflowId/execute');
  const rows = new Set(ROWS.map((r) => r.route.replace(/#.*$/, '')));
  expect([...served].filter((r) => !rows.has(r)).sort()).toEqual([]);
});

it.each(ROWS.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
  const got: Record<string, number | string> = {};
  const want: Record<string, number | string> = {};
  for (const who of WHO) {
    const expected = row.expect[who];
    if (expected === 0) continue; // not checked (see the row's comment)
    const { path, method, json, body, headers } = await row.call(who);
    const res = await s.request(path, { method, ...(json !== undefined ? { json } : {}), ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}), ...(tokens[who] ? { token: tokens[who] } : {}) });
    await res.body?.cancel();
    got[who] = res.status >= 200 && res.status < 300 ? 'ok' : res.status;
    want[who] = expected;
  }
  expect(got).toEqual(want);
});
