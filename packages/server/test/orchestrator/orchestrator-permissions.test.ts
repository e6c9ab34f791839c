// Who may do what on the Orchestrator API: anonymous callers get 401 everywhere; users see and act
// on their own runs only (also on a workflow's run list), admins and the service token on all;
// read and use permissions per workflow give 403, never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../helpers/openapi-validator.js';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { ADMIN, DEV1, DEV2, jsonOf, serverSettings, startTinyService, waitForState, writeWorkflows, type TinyService } from './workflow-fixtures.js';

const O = '/api/orchestrator/v2';
const api = openApi();
let s: TestServer;
let tiny: TinyService;
let fixtures: ReturnType<typeof writeWorkflows>;
const tokens: Record<'dev1' | 'dev2' | 'admin' | 'service', string> = { dev1: '', dev2: '', admin: '', service: SERVICE_TOKEN };
const runs: Record<'dev1' | 'dev2' | 'service', string> = { dev1: '', dev2: '', service: '' };

type Who = keyof typeof tokens;
type Item = { id: string; initiatorEntity?: string };

const req = (who: Who | undefined, path: string, init: { method?: string; json?: unknown } = {}) =>
  s.request(`${O}${path}`, { ...init, ...(who ? { token: tokens[who] } : {}) });

async function listIds(who: Who, path = '/workflows/instances', spec = '/v2/workflows/instances'): Promise<string[]> {
  const body = await jsonOf<{ items: Item[] }>(await req(who, path, { method: 'POST', json: {} }));
  api.assertValid(spec, 'POST', 200, body);
  return body.items.map((i) => i.id);
}

beforeAll(async () => {
  fixtures = writeWorkflows();
  tiny = await startTinyService();
  s = await startTestServer({ workflows: fixtures.folders, settings: serverSettings(), env: { TINY_URL: tiny.url } });
  tokens.dev1 = await s.tokenFor('dev1');
  tokens.dev2 = await s.tokenFor(DEV2);
  tokens.admin = await s.tokenFor('admin');
  for (const who of ['dev1', 'dev2', 'service'] as const) {
    runs[who] = (await jsonOf<{ id: string }>(await req(who, '/workflows/waiter/execute', { method: 'POST', json: {} }))).id;
  }
  for (const id of Object.values(runs)) await waitForState(s, id, ['ACTIVE']);
});
afterAll(async () => {
  await s?.stop();
  await tiny?.close();
  fixtures?.cleanup();
});

it('answers 401 to anonymous callers on every operation', async () => {
  for (const op of api.operations()) {
    const path = op.path.replace('{workflowId}', 'waiter').replace('{instanceId}', runs.dev1);
    const res = await s.request(`/api/orchestrator${path}`, { method: op.method, ...(op.method === 'POST' ? { json: {} } : {}) });
    expect(res.status, `${op.method} ${path}`).toBe(401);
    expect(await res.json()).toMatchObject({ error: { name: 'AuthenticationError' }, response: { statusCode: 401 } });
  }
  const bogus = await s.request(`${O}/workflows/overview`, { method: 'POST', token: 'not-a-token', json: {} });
  expect(bogus.status).toBe(401);
});

it('records who started a run: the user, or user:default/system for the service token', async () => {
  const initiator = async (id: string) => (await jsonOf<Item>(await req('admin', `/workflows/instances/${id}`))).initiatorEntity;
  expect(await initiator(runs.dev1)).toBe(DEV1);
  expect(await initiator(runs.dev2)).toBe(DEV2);
  expect(await initiator(runs.service)).toBe('user:default/system');
});

describe('instance visibility', () => {
  it('lists only the caller’s own runs unless admin or service, on both list routes', async () => {
    for (const [path, spec] of [['/workflows/instances', '/v2/workflows/instances'], ['/workflows/waiter/instances', '/v2/workflows/{workflowId}/instances']] as const) {
      expect(await listIds('dev1', path, spec)).toEqual([runs.dev1]);
      expect(await listIds('dev2', path, spec)).toEqual([runs.dev2]);
      for (const who of ['admin', 'service'] as const) expect((await listIds(who, path, spec)).sort()).toEqual(Object.values(runs).sort());
    }
  });

  it('shows a run to its initiator, admins and the service; 403 to another user; 404 when unknown', async () => {
    for (const who of ['dev1', 'admin', 'service'] as const) expect((await req(who, `/workflows/instances/${runs.dev1}`)).status).toBe(200);
    const denied = await req('dev2', `/workflows/instances/${runs.dev1}`);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { name: 'NotAllowedError' }, response: { statusCode: 403 } });
    expect((await req('dev2', `/workflows/waiter/inputSchema?instanceId=${runs.dev1}`)).status).toBe(403);
    expect((await req('dev2', '/workflows/instances/nope')).status).toBe(404);
  });

  it('bases the last run of an overview on the runs the caller may see', async () => {
    const last = async (who: Who) => (await jsonOf<{ lastRunId?: string }>(await req(who, '/workflows/waiter/overview'))).lastRunId;
    expect(await last('dev1')).toBe(runs.dev1);
    expect(await last('dev2')).toBe(runs.dev2);
    expect(await last('admin')).toBe(runs.service);
  });

  it('lets only the initiator, admins and the service abort a run', async () => {
    expect((await req('dev2', `/workflows/instances/${runs.dev1}/abort`, { method: 'DELETE' })).status).toBe(403);
    expect((await req('admin', `/workflows/instances/${runs.dev1}/abort`, { method: 'DELETE' })).status).toBe(200);
    expect((await req('dev2', `/workflows/instances/${runs.dev2}/abort`, { method: 'DELETE' })).status).toBe(200);
    expect((await req('service', `/workflows/instances/${runs.service}/abort`, { method: 'DELETE' })).status).toBe(200);
    for (const id of Object.values(runs)) await waitForState(s, id, ['ABORTED']);
  });

  it('lets only the initiator, admins and the service retrigger a run', async () => {
    tiny.failing = true;
    const id = (await jsonOf<{ id: string }>(await req('dev1', '/workflows/caller/execute', { method: 'POST', json: {} }))).id;
    await waitForState(s, id, ['ERROR']);
    tiny.failing = false;
    expect((await req('dev2', `/workflows/caller/${id}/retrigger`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await req('admin', `/workflows/caller/${id}/retrigger`, { method: 'POST', json: {} })).status).toBe(200);
    await waitForState(s, id, ['COMPLETED']);
  });
});

describe('workflow permissions', () => {
  it('hides a workflow from users without read: not listed, 403 on its routes', async () => {
    const listed = async (who: Who) => (await jsonOf<{ overviews: { workflowId: string }[] }>(await req(who, '/workflows/overview', { method: 'POST', json: {} }))).overviews.map((o) => o.workflowId);
    expect(await listed('dev1')).toContain('restricted');
    expect(await listed('admin')).toContain('restricted');
    expect(await listed('dev2')).not.toContain('restricted');
    for (const path of ['/workflows/restricted/overview', '/workflows/restricted/source', '/workflows/restricted/inputSchema', '/workflows/restricted/pingWorkflowService']) {
      expect((await req('dev2', path)).status, path).toBe(403);
      expect((await req('dev1', path)).status, path).toBe(200);
    }
    expect((await req('dev2', '/workflows/restricted/instances', { method: 'POST', json: {} })).status).toBe(403);
  });

  it('lets only users with use run it', async () => {
    const run = (who: Who) => req(who, '/workflows/restricted/execute', { method: 'POST', json: {} });
    const denied = await run('dev1');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { name: 'NotAllowedError', message: expect.stringContaining('restricted') } });
    const ok = await run('admin');
    expect(ok.status).toBe(200);
    const { id } = (await ok.json()) as { id: string };
    expect((await waitForState(s, id, ['COMPLETED'])).initiatorEntity).toBe(ADMIN);
    expect((await run('service')).status).toBe(200);
    // A reader may list the runs of a workflow they may read, but only their own (they have none).
    expect(await listIds('dev1', '/workflows/restricted/instances', '/v2/workflows/{workflowId}/instances')).toEqual([]);
  });
});
