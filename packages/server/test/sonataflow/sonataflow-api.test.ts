// SonataFlow (Kogito) endpoints on a real server: start a run with extra process variables and a
// business key, process info, abort, retrigger and the error of a run; the same permission rules as
// the Orchestrator API; credentials from X-Authorization-* headers reach token propagation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { DEV1, DEV2, jsonOf, serverSettings, startTinyService, waitForState, writeWorkflows, type TinyService } from '../orchestrator/workflow-fixtures.js';

let s: TestServer;
let tiny: TinyService;
let fixtures: ReturnType<typeof writeWorkflows>;
let dev1: string;
let dev2: string;

beforeAll(async () => {
  fixtures = writeWorkflows();
  tiny = await startTinyService();
  s = await startTestServer({ workflows: fixtures.folders, settings: serverSettings(), env: { TINY_URL: tiny.url } });
  dev1 = await s.tokenFor('dev1');
  dev2 = await s.tokenFor(DEV2);
});
afterAll(async () => {
  await s?.stop();
  await tiny?.close();
  fixtures?.cleanup();
});

const start = (workflowId: string, body: unknown, token: string, query = '', headers: Record<string, string> = {}) =>
  s.request(`/${workflowId}${query}`, { method: 'POST', token, json: body, headers });

describe('POST /{workflowId}', () => {
  it('starts a run: 201, Location, {id, workflowdata}; extra keys become process variables; ?businessKey', async () => {
    const res = await start('greet', { workflowdata: { name: 'Ada' }, targetEntity: 'component:default/web', ticket: 7 }, dev1, '?businessKey=order-9');
    const body = await jsonOf<{ id: string; workflowdata: unknown }>(res, 201);
    expect(body.workflowdata).toEqual({ name: 'Ada' });
    expect(res.headers.get('location')).toBe(`${s.url}/greet/${body.id}`);
    const done = await waitForState(s, body.id, ['COMPLETED']);
    expect(done).toMatchObject({ initiatorEntity: DEV1, targetEntity: 'component:default/web', workflowdata: { name: 'Ada', result: { message: 'Hello Ada' } } });
    const state = (await s.ctx.runtime.get(body.id))!;
    expect(state.variables).toEqual({ targetEntity: 'component:default/web', ticket: 7, initiatorEntity: DEV1 });
    expect(await s.ctx.runtime.summary(body.id)).toMatchObject({ businessKey: 'order-9', initiator: DEV1 });
  });

  it('takes the initiator a service names; a user cannot name another', async () => {
    const bySvc = await jsonOf<{ id: string }>(await start('greet', { workflowdata: { name: 'x' }, initiatorEntity: DEV1 }, SERVICE_TOKEN), 201);
    const anon = await jsonOf<{ id: string }>(await start('greet', { workflowdata: { name: 'x' } }, SERVICE_TOKEN), 201);
    const spoof = await jsonOf<{ id: string }>(await start('greet', { workflowdata: { name: 'x' }, initiatorEntity: DEV1 }, dev2), 201);
    expect((await s.ctx.runtime.summary(bySvc.id))!.initiator).toBe(DEV1);
    expect((await s.ctx.runtime.summary(anon.id))!.initiator).toBe('user:default/system');
    expect((await s.ctx.runtime.summary(spoof.id))!.initiator).toBe(DEV2);
    expect((await s.ctx.runtime.get(spoof.id))!.variables?.initiatorEntity).toBe(DEV2);
    expect((await s.request(`/api/orchestrator/v2/workflows/instances/${bySvc.id}`, { token: dev1 })).status).toBe(200);
    expect((await s.request(`/api/orchestrator/v2/workflows/instances/${spoof.id}`, { token: dev1 })).status).toBe(403);
  });

  it('hands X-Authorization-* headers to token propagation, and keeps them out of $WORKFLOW.headers and data', async () => {
    const res = await start('caller', { workflowdata: { who: 'z' } }, SERVICE_TOKEN, '', { 'X-Authorization-Github': 'gh-sf-token', 'X-Trace': 't1' });
    const { id } = await jsonOf<{ id: string }>(res, 201);
    await waitForState(s, id, ['COMPLETED']);
    expect(tiny.requests.at(-1)!.headers.authorization).toBe('Bearer gh-sf-token');
    const state = (await s.ctx.runtime.get(id))!;
    expect(state.headers).toMatchObject({ 'x-trace': 't1' });
    expect(JSON.stringify([state, await s.ctx.runtime.history(id), s.logs()])).not.toContain('gh-sf-token');
    expect(JSON.stringify(state.headers)).not.toContain(SERVICE_TOKEN);
  });

  it('refuses bad input (pointer under /workflowdata), unknown and unavailable workflows, and callers without use', async () => {
    const bad = await start('greet', { workflowdata: { name: 3 } }, dev1);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { pointer: string }[] } }).error.details.map((d) => d.pointer)).toContain('/workflowdata/name');
    expect((await start('nope', {}, dev1)).status).toBe(404);
    expect((await start('broken', {}, dev1)).status).toBe(503);
    expect((await start('restricted', {}, dev1)).status).toBe(403);
    expect((await s.request('/greet', { method: 'POST', json: { workflowdata: { name: 'a' } } })).status).toBe(401);
  });
});

describe('management', () => {
  it('lists the ids of runnable workflows the caller may read', async () => {
    const ids = await jsonOf<string[]>(await s.request('/management/processes', { token: dev2 }));
    expect(ids.sort()).toEqual(['caller', 'greet', 'waiter']);
    expect((await jsonOf<string[]>(await s.request('/management/processes', { token: dev1 }))).sort()).toEqual(['caller', 'greet', 'restricted', 'waiter']);
    expect((await s.request('/management/processes')).status).toBe(401);
  });

  it('describes a workflow as Kogito does, schemas as their files hold them', async () => {
    const info = await jsonOf<Record<string, unknown>>(await s.request('/management/processes/greet', { token: dev1 }));
    expect(info).toEqual({
      id: 'greet',
      name: 'Greet someone',
      type: 'SW',
      version: '1.2',
      description: 'Says hello',
      annotations: ['workflow-type/infrastructure'],
      inputSchema: JSON.parse(readFileSync(join(s.dir, 'workflows/greet/schemas/greet-input.json'), 'utf8')),
      outputSchema: { type: 'object' },
    });
    expect(await jsonOf(await s.request('/management/processes/waiter', { token: dev1 }))).toEqual({ id: 'waiter', name: 'Wait an hour', type: 'SW', version: '1.0', annotations: [] });
    const un = await s.request('/management/processes/broken', { token: dev1 });
    expect(un.status).toBe(503);
    expect(await un.text()).toContain('SLUICE_TEST_NEVER_SET');
    expect((await s.request('/management/processes/nope', { token: dev1 })).status).toBe(404);
    expect((await s.request('/management/processes/restricted', { token: dev2 })).status).toBe(403);
  });

  it('aborts a run; 409 once ended; 403 for another user; 404 for another workflow', async () => {
    const { id } = await jsonOf<{ id: string }>(await start('waiter', {}, dev1), 201);
    await waitForState(s, id, ['ACTIVE']);
    const path = `/management/processes/waiter/instances/${id}`;
    expect((await s.request(path, { method: 'DELETE', token: dev2 })).status).toBe(403);
    expect((await s.request(`/management/processes/greet/instances/${id}`, { method: 'DELETE', token: dev1 })).status).toBe(404);
    const res = await s.request(path, { method: 'DELETE', token: dev1 });
    expect(await jsonOf(res)).toEqual({ id, workflowdata: {} });
    await waitForState(s, id, ['ABORTED']);
    expect((await s.request(path, { method: 'DELETE', token: dev1 })).status).toBe(409);
  });

  it('reports the error of a failed run and retriggers it; 400 for a run not in error', async () => {
    tiny.failing = true;
    const { id } = await jsonOf<{ id: string }>(await start('caller', { workflowdata: { who: 'q' } }, dev1), 201);
    const base = `/management/processes/caller/instances/${id}`;
    const failed = await waitForState(s, id, ['ERROR']);
    const err = await jsonOf<{ id: string; failedNodeId: string; message: string }>(await s.request(`${base}/error`, { token: dev1 }));
    expect(err).toEqual({ id, failedNodeId: 'Call', message: (failed.error as { message: string }).message });
    expect(err.message).toMatch(/500/);
    expect((await s.request(`${base}/error`, { token: dev2 })).status).toBe(403);
    tiny.failing = false;
    const again = await jsonOf<{ id: string }>(await s.request(`${base}/retrigger`, { method: 'POST', token: dev1 }));
    expect(again.id).toBe(id);
    await waitForState(s, id, ['COMPLETED']);
    expect((await s.request(`${base}/retrigger`, { method: 'POST', token: dev1 })).status).toBe(400);
    expect((await s.request(`${base}/error`, { token: dev1 })).status).toBe(400);
  });
});
