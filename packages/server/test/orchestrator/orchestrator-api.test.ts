// The Orchestrator v2 API on a real server over HTTP: every operation of the spec, responses
// validated against orchestrator-openapi.yaml, instance details from real runs, filters, sorting and
// paging, abort and retrigger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApi } from '../helpers/openapi-validator.js';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { DEV1, jsonOf, serverSettings, startTinyService, waitForState, writeWorkflows, type TinyService } from './workflow-fixtures.js';

const O = '/api/orchestrator/v2';
const api = openApi();
let s: TestServer;
let tiny: TinyService;
let fixtures: ReturnType<typeof writeWorkflows>;
let dev1: string;

type Json = Record<string, unknown>;
type Instance = Json & { id: string; state: string; nodes: Json[] };

/** POSTs as dev1 (or `token`) and validates a 200 answer against the spec path. */
async function post(specPath: string, url: string, body: unknown, token = dev1): Promise<Json> {
  const body200 = await jsonOf<Json>(await s.request(`${O}${url}`, { method: 'POST', token, json: body }));
  api.assertValid(specPath, 'POST', 200, body200);
  return body200;
}

async function get(specPath: string, url: string, token = dev1): Promise<unknown> {
  const body = await jsonOf(await s.request(`${O}${url}`, { token }));
  api.assertValid(specPath, 'GET', 200, body);
  return body;
}

const execute = async (workflowId: string, body: unknown, token = dev1): Promise<string> =>
  ((await post('/v2/workflows/{workflowId}/execute', `/workflows/${workflowId}/execute`, body, token)) as { id: string }).id;

const instance = async (id: string): Promise<Instance> => (await get('/v2/workflows/instances/{instanceId}', `/workflows/instances/${id}`)) as Instance;

beforeAll(async () => {
  fixtures = writeWorkflows();
  tiny = await startTinyService();
  s = await startTestServer({ workflows: fixtures.folders, settings: serverSettings(), env: { TINY_URL: tiny.url } });
  dev1 = await s.tokenFor('dev1');
});
afterAll(async () => {
  await s?.stop();
  await tiny?.close();
  fixtures?.cleanup();
});

it('validates against the spec (and would catch a wrong body)', () => {
  expect(api.validate('/v2/workflows/{workflowId}/overview', 'GET', 200, { workflowId: 'x', format: 'xml' })).not.toEqual([]);
  expect(api.validate('/v2/workflows/instances/{instanceId}', 'GET', 200, { id: 'x', processId: 'y', nodes: [{ name: 'no id' }] })).not.toEqual([]);
  expect(api.validate('/v2/workflows/instances/{instanceId}', 'GET', 200, { id: 'x', processId: 'y', nodes: [], state: 'RUNNING' })).not.toEqual([]);
  expect(api.validate('/v2/workflows/instances/{instanceId}', 'GET', 200, { id: 'x', processId: 'y', nodes: [], workflowdata: { result: { outputs: [{ key: 'k' }] } } })).not.toEqual([]);
  expect(api.validate('/v2/workflows/instances/{instanceId}', 'GET', 200, { id: 'x', processId: 'y', nodes: [] })).toEqual([]);
});

it('serves every operation of the spec under /api/orchestrator', () => {
  const ops = api.operations();
  expect(ops.length).toBeGreaterThanOrEqual(13);
  for (const op of ops) {
    const url = `/api/orchestrator${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
    expect(s.app.hasRoute({ method: op.method as 'GET', url }), `${op.operationId}: ${op.method} ${url}`).toBe(true);
  }
});

describe('workflows', () => {
  it('lists every readable workflow with availability, format, name and description', async () => {
    const { overviews } = (await post('/v2/workflows/overview', '/workflows/overview', {})) as { overviews: Json[] };
    const byId = Object.fromEntries(overviews.map((o) => [o.workflowId, o]));
    expect(Object.keys(byId).sort()).toEqual(['broken', 'caller', 'greet', 'restricted', 'waiter']);
    expect(byId.greet).toMatchObject({ format: 'yaml', name: 'Greet someone', description: 'Says hello', isAvailable: true });
    expect(byId.waiter).toMatchObject({ format: 'json', name: 'Wait an hour', isAvailable: true });
    expect(byId.broken).toMatchObject({ isAvailable: false });
    // Why, with paths relative to the workflows folder (no server paths leak).
    const reasons = (byId.broken as { unavailableReasons: string[] }).unavailableReasons;
    expect(reasons[0]).toMatch(/^broken\/application\.properties:1: SLUICE_TEST_NEVER_SET is not set/);
    expect(reasons.join('\n')).not.toContain(s.dir);
    expect(byId.greet).not.toHaveProperty('unavailableReasons');
  });

  it('filters, sorts and pages overviews', async () => {
    const ids = async (body: unknown) => ((await post('/v2/workflows/overview', '/workflows/overview', body)) as { overviews: Json[] }).overviews.map((o) => o.workflowId);
    expect(await ids({ filters: { field: 'isAvailable', operator: 'EQ', value: false } })).toEqual(['broken']);
    expect(await ids({ filters: { field: 'name', operator: 'LIKE', value: '%ai%' } })).toEqual(['waiter']);
    expect(await ids({ filters: { operator: 'OR', filters: [{ field: 'id', operator: 'EQ', value: 'greet' }, { field: 'format', operator: 'EQ', value: 'json' }] } })).toEqual(['greet', 'waiter']);
    expect(await ids({ filters: { operator: 'NOT', filters: [{ field: 'workflowId', operator: 'IN', value: ['greet', 'waiter', 'broken'] }] } })).toEqual(['caller', 'restricted']);
    expect(await ids({ paginationInfo: { orderBy: 'name', orderDirection: 'DESC' } })).toEqual(['waiter', 'restricted', 'broken', 'greet', 'caller']);
    const page = await post('/v2/workflows/overview', '/workflows/overview', { paginationInfo: { orderBy: 'workflowId', orderDirection: 'ASC', offset: 1, pageSize: 2 } });
    expect((page.overviews as Json[]).map((o) => o.workflowId)).toEqual(['caller', 'greet']);
    expect(page.paginationInfo).toEqual({ orderBy: 'workflowId', orderDirection: 'ASC', offset: 1, pageSize: 2 });
  });

  it('answers 400 with the pointer of a bad filter or page', async () => {
    const bad = async (body: unknown) => {
      const res = await s.request(`${O}/workflows/overview`, { method: 'POST', token: dev1, json: body });
      expect(res.status).toBe(400);
      const b = (await res.json()) as { error: { name: string; details: { pointer: string }[] } };
      expect(b.error.name).toBe('InputError');
      return b.error.details[0]!.pointer;
    };
    expect(await bad({ filters: { field: 'colour', operator: 'EQ', value: 'x' } })).toBe('/filters/field');
    expect(await bad({ filters: { operator: 'AND', filters: [{ field: 'name', operator: 'EQ', value: 'x' }, { field: 'name', operator: 'GT', value: 'x' }] } })).toBe('/filters/filters/1/operator');
    expect(await bad({ filters: { field: 'isAvailable', operator: 'EQ', value: 'yes' } })).toBe('/filters/value');
    expect(await bad({ paginationInfo: { pageSize: -1 } })).toBe('/paginationInfo/pageSize');
    expect(await bad({ paginationInfo: { total: 3 } })).toBe('/paginationInfo/total');
    expect(await bad({ paginationInfo: { orderBy: 'colour' } })).toBe('/paginationInfo/orderBy');
  });

  it('serves one overview, 404 for an unknown workflow', async () => {
    expect(await get('/v2/workflows/{workflowId}/overview', '/workflows/waiter/overview')).toMatchObject({ workflowId: 'waiter', format: 'json', isAvailable: true });
    expect((await s.request(`${O}/workflows/nope/overview`, { token: dev1 })).status).toBe(404);
  });

  it('serves the source untouched as text/plain', async () => {
    for (const [id, file] of [['greet', 'greet/greet.sw.yaml'], ['waiter', 'waiter/waiter.sw.json']] as const) {
      const res = await s.request(`${O}/workflows/${id}/source`, { token: dev1 });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe(readFileSync(join(s.dir, 'workflows', file), 'utf8'));
    }
  });

  it('serves the input schema file with its ui:* keys, {} without one', async () => {
    const schema = JSON.parse(readFileSync(join(s.dir, 'workflows/greet/schemas/greet-input.json'), 'utf8')) as Json;
    expect(await get('/v2/workflows/{workflowId}/inputSchema', '/workflows/greet/inputSchema')).toEqual({ inputSchema: schema });
    expect(schema['ui:order']).toEqual(['name', 'language']);
    expect(await get('/v2/workflows/{workflowId}/inputSchema', '/workflows/waiter/inputSchema')).toEqual({});
  });

  it('pings: true when the workflow can run, false when unavailable', async () => {
    expect(await get('/v2/workflows/{workflowId}/pingWorkflowService', '/workflows/greet/pingWorkflowService')).toBe(true);
    expect(await get('/v2/workflows/{workflowId}/pingWorkflowService', '/workflows/broken/pingWorkflowService')).toBe(false);
    expect((await s.request(`${O}/workflows/nope/pingWorkflowService`, { token: dev1 })).status).toBe(404);
  });

  it('lists the six statuses', async () => {
    const statuses = (await get('/v2/workflows/instances/statuses', '/workflows/instances/statuses')) as { key: string; value: string }[];
    expect(statuses.map((x) => x.value)).toEqual(['ACTIVE', 'ERROR', 'COMPLETED', 'ABORTED', 'SUSPENDED', 'PENDING']);
    expect(statuses[0]).toEqual({ key: 'Active', value: 'ACTIVE' });
  });
});

describe('runs', () => {
  it('executes and shows the completed run with nodes, result, owner, target and summary', async () => {
    const id = await execute('greet', { inputData: { name: 'Ada', language: 'en' }, targetEntity: 'component:default/web' });
    const done = await waitForState(s, id, ['COMPLETED', 'ERROR']);
    expect(done.state).toBe('COMPLETED');
    const i = await instance(id);
    expect(i).toMatchObject({
      id,
      processId: 'greet',
      processName: 'Greet someone',
      description: 'Says hello',
      initiatorEntity: DEV1,
      targetEntity: 'component:default/web',
      duration: 'a few seconds',
      workflowdata: { name: 'Ada', language: 'en', prepared: true, result: { message: 'Hello Ada' } },
    });
    expect(Date.parse(i.end as string)).toBeGreaterThanOrEqual(Date.parse(i.start as string));
    expect(i.start).toBe(new Date(Date.parse(i.start as string)).toISOString());
    expect(i.nodes.map((n) => [n.name, n.type, n.definitionId])).toEqual([
      ['Prepare', 'inject', 'Prepare'],
      ['Answer', 'operation', 'Answer'],
    ]);
    for (const n of i.nodes) expect(Date.parse(n.exit as string)).toBeGreaterThanOrEqual(Date.parse(n.enter as string));
    expect(new Set(i.nodes.map((n) => n.id)).size).toBe(2);
    expect((await instance(id)).nodes.map((n) => n.id)).toEqual(i.nodes.map((n) => n.id));
    expect(i.error).toBeUndefined();
    expect((i.executionSummary as string[]).join('\n')).toMatch(/started at .*\n.*completed at/);
    const last = await get('/v2/workflows/{workflowId}/overview', '/workflows/greet/overview');
    expect(last).toMatchObject({ lastRunId: id, lastRunStatus: 'COMPLETED', lastTriggeredMs: Date.parse(i.start as string) });
  });

  it('prefills the input schema data from a run: its input, top-level schema properties only', async () => {
    const id = await execute('greet', { inputData: { name: 'Bo', language: 'fr', extra: 'not in the schema' } });
    const r = (await get('/v2/workflows/{workflowId}/inputSchema', `/workflows/greet/inputSchema?instanceId=${id}`)) as Json;
    expect(r.data).toEqual({ name: 'Bo', language: 'fr' });
    expect((await s.request(`${O}/workflows/waiter/inputSchema?instanceId=${id}`, { token: dev1 })).status).toBe(404);
  });

  it('refuses input that fails the schema with the violation pointers, and unavailable or unknown workflows', async () => {
    const res = await s.request(`${O}/workflows/greet/execute`, { method: 'POST', token: dev1, json: { inputData: { name: 5 } } });
    expect(res.status).toBe(400);
    const b = (await res.json()) as { error: { details: { pointer: string }[] } };
    expect(b.error.details.map((d) => d.pointer)).toContain('/inputData/name');
    const missing = await s.request(`${O}/workflows/greet/execute`, { method: 'POST', token: dev1, json: { inputData: {} } });
    expect(((await missing.json()) as { error: { details: { pointer: string }[] } }).error.details.map((d) => d.pointer)).toContain('/inputData');
    const un = await s.request(`${O}/workflows/broken/execute`, { method: 'POST', token: dev1, json: {} });
    expect(un.status).toBe(503);
    const ub = (await un.json()) as { error: { name: string; message: string; details: { problems: string[] } } };
    expect(ub.error.name).toBe('ServiceUnavailableError');
    expect(ub.error.details.problems.join('\n')).toMatch(/SLUICE_TEST_NEVER_SET is not set/);
    expect(ub.error.message).not.toContain(s.dir);
    expect((await s.request(`${O}/workflows/nope/execute`, { method: 'POST', token: dev1, json: {} })).status).toBe(404);
    const badBody = await s.request(`${O}/workflows/greet/execute`, { method: 'POST', token: dev1, json: { authTokens: [{ provider: 'github' }] } });
    expect(badBody.status).toBe(400);
  });

  it('aborts an active run (text/plain answer); a second abort is a conflict', async () => {
    const id = await execute('waiter', {});
    expect((await waitForState(s, id, ['ACTIVE'])).nodes).toEqual([expect.objectContaining({ name: 'Nap', type: 'sleep' })]);
    const active = await instance(id);
    expect(active.end).toBeUndefined();
    expect(active.duration).toBeUndefined();
    expect((active.executionSummary as string[]).at(-1)).toMatch(/^Workflow waiting at node Nap since \d{4}-/);
    const res = await s.request(`${O}/workflows/instances/${id}/abort`, { method: 'DELETE', token: dev1 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(api.validate('/v2/workflows/instances/{instanceId}/abort', 'DELETE', 200, text, 'text/plain')).toEqual([]);
    expect(text).toBe(`Workflow instance ${id} successfully aborted`);
    const aborted = await waitForState(s, id, ['ABORTED']);
    expect(aborted.nodes).toEqual([expect.objectContaining({ name: 'Nap' })]);
    expect(aborted.error).toBeUndefined();
    expect((await s.request(`${O}/workflows/instances/${id}/abort`, { method: 'DELETE', token: dev1 })).status).toBe(409);
    expect((await s.request(`${O}/workflows/instances/nope/abort`, { method: 'DELETE', token: dev1 })).status).toBe(404);
  });

  it('shows a failed run in ERROR with the failed node, and retriggers it from there', async () => {
    tiny.failing = true;
    const id = await execute('caller', { inputData: { who: 'x' } });
    const failed = (await waitForState(s, id, ['ERROR', 'COMPLETED'])) as Instance;
    api.assertValid('/v2/workflows/instances/{instanceId}', 'GET', 200, failed);
    expect(failed.state).toBe('ERROR');
    const callNode = failed.nodes.find((n) => n.name === 'Call')!;
    expect(failed.error).toMatchObject({ nodeDefinitionId: 'Call', nodeInstanceId: callNode.id, message: expect.stringMatching(/500/) });
    expect(callNode.exit).toBeUndefined();
    expect(callNode.errorMessage).toBe((failed.error as Json).message);
    expect((failed.executionSummary as string[]).some((l) => /failed at .* in node Call/.test(l))).toBe(true);
    tiny.failing = false;
    const r = await post('/v2/workflows/{workflowId}/{instanceId}/retrigger', `/workflows/caller/${id}/retrigger`, {});
    expect(r).toEqual({});
    const done = (await waitForState(s, id, ['COMPLETED', 'ERROR'])) as Instance;
    expect(done.state).toBe('COMPLETED');
    expect(done.workflowdata).toMatchObject({ who: 'x', step: 'prepared', echo: { greeted: true } });
    expect(done.nodes.find((n) => n.name === 'Call')).toMatchObject({ id: callNode.id, exit: expect.any(String) });
    expect(done.nodes.some((n) => n.errorMessage !== undefined)).toBe(false);
    expect((done.executionSummary as string[]).some((l) => l.includes('retriggered'))).toBe(true);
    expect((await s.request(`${O}/workflows/caller/${id}/retrigger`, { method: 'POST', token: dev1, json: {} })).status).toBe(409);
    expect((await s.request(`${O}/workflows/greet/${id}/retrigger`, { method: 'POST', token: dev1, json: {} })).status).toBe(404);
  });
});

describe('instance lists', () => {
  const started: { id: string; workflow: string; target?: string }[] = [];
  beforeAll(async () => {
    for (const [workflow, target] of [['greet', 'component:default/a'], ['greet', 'component:default/b'], ['waiter', 'component:default/a'], ['greet', undefined]] as const) {
      const id = await execute(workflow, { inputData: workflow === 'greet' ? { name: `n-${started.length}` } : {}, ...(target ? { targetEntity: target } : {}) }, SERVICE_TOKEN);
      started.push({ id, workflow, ...(target ? { target } : {}) });
      await new Promise((r) => setTimeout(r, 5)); // distinct start times
    }
    for (const x of started) await waitForState(s, x.id, x.workflow === 'waiter' ? ['ACTIVE'] : ['COMPLETED']);
  });

  const search = async (body: unknown, url = '/workflows/instances', spec = '/v2/workflows/instances') =>
    ((await post(spec, url, body, SERVICE_TOKEN)) as { items: Instance[] }).items;
  const mine = (items: Instance[]) => items.map((i) => i.id).filter((id) => started.some((x) => x.id === id));

  it('lists newest first by default, with workflowdata and variables but no nodes', async () => {
    const items = await search({});
    expect(mine(items)).toEqual(started.map((x) => x.id).reverse());
    const first = items.find((i) => i.id === started[0]!.id)!;
    expect(first).toMatchObject({ processId: 'greet', processName: 'Greet someone', state: 'COMPLETED', targetEntity: 'component:default/a', initiatorEntity: 'user:default/system', nodes: [] });
    expect((first.workflowdata as Json).result).toEqual(expect.objectContaining({ message: 'Hello n-0' }));
  });

  it('filters by state, processId, start and nested variables', async () => {
    expect(mine(await search({ filters: { field: 'state', operator: 'EQ', value: 'ACTIVE' } }))).toEqual([started[2]!.id]);
    expect(mine(await search({ filters: { field: 'state', operator: 'IN', value: ['PENDING'] } }))).toEqual([]);
    const entityA = { field: 'variables', nested: { field: 'targetEntity', operator: 'EQ', value: 'component:default/a' } };
    expect(mine(await search({ filters: entityA }))).toEqual([started[2]!.id, started[0]!.id]);
    expect(mine(await search({ filters: { operator: 'AND', filters: [entityA, { field: 'processId', operator: 'EQ', value: 'greet' }] } }))).toEqual([started[0]!.id]);
    expect(mine(await search({ filters: { field: 'variables.workflowdata.name', operator: 'LIKE', value: 'n-%' } }))).toEqual([started[3]!.id, started[1]!.id, started[0]!.id]);
    expect(mine(await search({ filters: { field: 'variables', nested: { field: 'workflowdata', nested: { field: 'name', operator: 'EQ', value: 'n-1' } } } }))).toEqual([started[1]!.id]);
    expect(mine(await search({ filters: { field: 'variables.targetEntity', operator: 'IS_NULL', value: true } }))).toEqual([started[3]!.id]);
    const all = await search({});
    const startOf = (id: string) => Date.parse(all.find((i) => i.id === id)!.start as string);
    const from = new Date(startOf(started[1]!.id)).toISOString();
    const to = new Date(startOf(started[2]!.id)).toISOString();
    expect(mine(await search({ filters: { field: 'start', operator: 'BETWEEN', value: [from, to] } }))).toEqual([started[2]!.id, started[1]!.id]);
    expect(mine(await search({ filters: { field: 'start', operator: 'GT', value: to } }))).toEqual([started[3]!.id]);
  });

  it('sorts and pages', async () => {
    const filters = { field: 'id', operator: 'IN', value: started.map((x) => x.id) };
    const asc = await search({ filters, paginationInfo: { orderBy: 'start', orderDirection: 'ASC' } });
    expect(asc.map((i) => i.id)).toEqual(started.map((x) => x.id));
    const page = await post('/v2/workflows/instances', '/workflows/instances', { filters, paginationInfo: { orderBy: 'start', orderDirection: 'ASC', offset: 1, pageSize: 2 } }, SERVICE_TOKEN);
    expect((page.items as Instance[]).map((i) => i.id)).toEqual([started[1]!.id, started[2]!.id]);
    expect(page.paginationInfo).toEqual({ orderBy: 'start', orderDirection: 'ASC', offset: 1, pageSize: 2 });
    const byName = await search({ filters, paginationInfo: { orderBy: 'processName', orderDirection: 'DESC', pageSize: 1 } });
    expect(byName.map((i) => i.processId)).toEqual(['waiter']);
    const byData = await search({ filters, paginationInfo: { orderBy: 'variables.workflowdata.name', orderDirection: 'DESC' } });
    expect(byData.map((i) => i.id)).toEqual([started[3]!.id, started[1]!.id, started[0]!.id, started[2]!.id]);
  });

  it('lists the runs of one workflow', async () => {
    const items = await search({}, '/workflows/waiter/instances', '/v2/workflows/{workflowId}/instances');
    expect(items.every((i) => i.processId === 'waiter')).toBe(true);
    expect(mine(items)).toEqual([started[2]!.id]);
    expect(await search({ filters: { field: 'processId', operator: 'EQ', value: 'greet' } }, '/workflows/waiter/instances', '/v2/workflows/{workflowId}/instances')).toEqual([]);
    expect((await s.request(`${O}/workflows/nope/instances`, { method: 'POST', token: SERVICE_TOKEN, json: {} })).status).toBe(404);
  });

  it('answers 400 with the pointer of a bad instance filter', async () => {
    const bad = async (filters: unknown) => {
      const res = await s.request(`${O}/workflows/instances`, { method: 'POST', token: SERVICE_TOKEN, json: { filters } });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: { pointer: string }[] } }).error.details[0]!.pointer;
    };
    expect(await bad({ field: 'state', operator: 'EQ', value: 'RUNNING' })).toBe('/filters/value');
    expect(await bad({ field: 'start', operator: 'LIKE', value: '2024%' })).toBe('/filters/operator');
    expect(await bad({ field: 'start', operator: 'BETWEEN', value: ['2024-01-01'] })).toBe('/filters/value');
    expect(await bad({ field: 'variables', nested: { field: 'targetEntity', operator: 'GT', value: 'x' } })).toBe('/filters/nested/operator');
    expect(await bad({ field: 'processId', nested: { field: 'x', operator: 'EQ', value: 'y' } })).toBe('/filters/field');
    expect(await bad({ operator: 'OR', filters: [{ field: 'id', operator: 'EQ', value: 'a' }, { field: 'nope', operator: 'EQ', value: 'a' }] })).toBe('/filters/filters/1/field');
    expect(await bad({ field: 'variables', operator: 'EQ', value: 'x' })).toBe('/filters/field');
  });

  it('finds the workflows run for an entity, with the last run for it, plus annotation ids', async () => {
    const r = await post('/v2/workflows/overview/entity', '/workflows/overview/entity', { targetEntity: 'component:default/b', annotationWorkflowIds: ['waiter', 'nope'] }, SERVICE_TOKEN);
    const overviews = r.overviews as Json[];
    expect(overviews.map((o) => o.workflowId)).toEqual(['greet', 'waiter']);
    expect(overviews[0]).toMatchObject({ lastRunId: started[1]!.id, lastRunStatus: 'COMPLETED' });
    expect(overviews[1]!.lastRunId).toBeUndefined();
  });
});
