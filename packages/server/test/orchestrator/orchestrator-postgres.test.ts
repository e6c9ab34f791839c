// The Orchestrator API on PostgreSQL: runs, lists with push-down and variables filters, instance
// details, abort and retrigger against a fresh database (created here, dropped afterwards).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApi } from '../helpers/openapi-validator.js';
import { usePgTestDatabase } from '../helpers/pg-test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { DEV1, jsonOf, serverSettings, startTinyService, waitForState, writeWorkflows, type TinyService } from './workflow-fixtures.js';

const db = usePgTestDatabase();
const O = '/api/orchestrator/v2';
const api = openApi();
let s: TestServer | undefined;
let tiny: TinyService;
let fixtures: ReturnType<typeof writeWorkflows>;
let dev1: string;

beforeAll(async () => {
  fixtures = writeWorkflows();
  tiny = await startTinyService();
  s = await startTestServer({ workflows: fixtures.folders, settings: serverSettings(), env: { TINY_URL: tiny.url }, database: db.url() });
  dev1 = await s.tokenFor('dev1');
});
afterAll(async () => {
  await s?.stop();
  await tiny?.close();
  fixtures?.cleanup();
});

const post = async (path: string, spec: string, body: unknown) => {
  const b = await jsonOf<Record<string, unknown>>(await s!.request(`${O}${path}`, { method: 'POST', token: dev1, json: body }));
  api.assertValid(spec, 'POST', 200, b);
  return b;
};
const execute = async (workflowId: string, body: unknown) => ((await post(`/workflows/${workflowId}/execute`, '/v2/workflows/{workflowId}/execute', body)) as { id: string }).id;

it('runs, lists, filters, shows, aborts and retriggers on PostgreSQL', async () => {
  const server = s!;
  const greetA = await execute('greet', { inputData: { name: 'pg-a' }, targetEntity: 'component:default/pg' });
  const greetB = await execute('greet', { inputData: { name: 'pg-b' } });
  const waiter = await execute('waiter', { targetEntity: 'component:default/pg' });
  await waitForState(server, greetA, ['COMPLETED']);
  await waitForState(server, greetB, ['COMPLETED']);
  await waitForState(server, waiter, ['ACTIVE']);

  const detail = await jsonOf<Record<string, unknown>>(await server.request(`${O}/workflows/instances/${greetA}`, { token: dev1 }));
  api.assertValid('/v2/workflows/instances/{instanceId}', 'GET', 200, detail);
  expect(detail).toMatchObject({ state: 'COMPLETED', initiatorEntity: DEV1, targetEntity: 'component:default/pg', workflowdata: { result: { message: 'Hello pg-a' } } });
  expect((detail.nodes as { name: string }[]).map((n) => n.name)).toEqual(['Prepare', 'Answer']);

  const ids = async (body: unknown) => ((await post('/workflows/instances', '/v2/workflows/instances', body)).items as { id: string }[]).map((i) => i.id);
  expect(await ids({})).toEqual([waiter, greetB, greetA]);
  expect(await ids({ filters: { operator: 'AND', filters: [{ field: 'processId', operator: 'EQ', value: 'greet' }, { field: 'state', operator: 'EQ', value: 'COMPLETED' }] } })).toEqual([greetB, greetA]);
  expect(await ids({ filters: { field: 'variables', nested: { field: 'targetEntity', operator: 'EQ', value: 'component:default/pg' } }, paginationInfo: { orderBy: 'start', orderDirection: 'ASC' } })).toEqual([
    greetA,
    waiter,
  ]);
  expect(await ids({ paginationInfo: { offset: 1, pageSize: 1 } })).toEqual([greetB]);

  const abort = await server.request(`${O}/workflows/instances/${waiter}/abort`, { method: 'DELETE', token: dev1 });
  expect(abort.status).toBe(200);
  await waitForState(server, waiter, ['ABORTED']);

  tiny.failing = true;
  const call = await execute('caller', { inputData: { who: 'pg' } });
  expect((await waitForState(server, call, ['ERROR'])).error).toMatchObject({ nodeDefinitionId: 'Call' });
  tiny.failing = false;
  await post(`/workflows/caller/${call}/retrigger`, '/v2/workflows/{workflowId}/{instanceId}/retrigger', {});
  expect((await waitForState(server, call, ['COMPLETED'])).workflowdata).toMatchObject({ echo: { greeted: true } });
});
