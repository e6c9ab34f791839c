// Credentials given to execute (authTokens, and the user's own token) reach the functions that ask
// for them through token propagation, and appear nowhere else: not in instance data or history, not
// in any API response, not in the logs; the vault forgets them once the run has ended.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { jsonOf, serverSettings, startTinyService, waitForState, writeWorkflows, type TinyService } from './workflow-fixtures.js';

const O = '/api/orchestrator/v2';
let s: TestServer;
let tiny: TinyService;
let fixtures: ReturnType<typeof writeWorkflows>;
let dev1: string;

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

/** Everything a caller or an operator can see of a run: API answers, stored state and history, logs. */
async function everythingAbout(id: string): Promise<string> {
  const parts = [
    await (await s.request(`${O}/workflows/instances/${id}`, { token: dev1 })).text(),
    await (await s.request(`${O}/workflows/instances`, { method: 'POST', token: dev1, json: {} })).text(),
    await (await s.request(`${O}/workflows/caller/instances`, { method: 'POST', token: SERVICE_TOKEN, json: {} })).text(),
    await (await s.request(`${O}/workflows/caller/overview`, { token: dev1 })).text(),
    await (await s.request(`${O}/workflows/caller/inputSchema?instanceId=${id}`, { token: dev1 })).text(),
    JSON.stringify(await s.ctx.runtime.get(id)),
    JSON.stringify(await s.ctx.runtime.history(id)),
    JSON.stringify(await s.ctx.runtime.summary(id)),
    JSON.stringify(s.logs()),
  ];
  return parts.join('\n');
}

it('passes authTokens to the invoker that propagates them, and keeps them out of everything else', async () => {
  const set = vi.spyOn(s.ctx.credentials, 'set');
  const gh = 'gh-secret-0123456789';
  const res = await s.request(`${O}/workflows/caller/execute`, {
    method: 'POST',
    token: dev1,
    json: { inputData: { who: 'ada' }, authTokens: [{ provider: 'github', token: gh }, { provider: 'github-two', token: 'gh2-secret-xyz' }], targetEntity: 'component:default/web' },
  });
  const { id } = await jsonOf<{ id: string }>(res);
  expect(set).toHaveBeenCalledWith(id, { 'X-Authorization-Github': gh, 'X-Authorization-Github-two': 'gh2-secret-xyz', 'X-Authorization-Backstage': dev1 });
  set.mockRestore();
  const done = await waitForState(s, id, ['COMPLETED', 'ERROR']);
  expect(done.state).toBe('COMPLETED');
  const call = tiny.requests.at(-1)!;
  expect(call.headers.authorization).toBe(`Bearer ${gh}`);
  expect(JSON.parse(call.body)).toEqual({ who: 'ada' });
  const seen = await everythingAbout(id);
  for (const secret of [gh, 'gh2-secret-xyz', dev1, SERVICE_TOKEN]) expect(seen).not.toContain(secret);
  expect(seen).toContain('component:default/web');
  expect(s.ctx.credentials.get(id)).toBeUndefined();
});

it('keeps credentials while a failed run can be retriggered, and adds the ones given with the retrigger', async () => {
  tiny.failing = true;
  const before = tiny.requests.length;
  const { id } = await jsonOf<{ id: string }>(
    await s.request(`${O}/workflows/caller/execute`, { method: 'POST', token: dev1, json: { inputData: { who: 'bo' }, authTokens: [{ provider: 'github', token: 'gh-first-token' }] } }),
  );
  await waitForState(s, id, ['ERROR']);
  expect(tiny.requests.slice(before).map((r) => r.headers.authorization)).toContain('Bearer gh-first-token');
  expect(s.ctx.credentials.get(id)).toMatchObject({ 'X-Authorization-Github': 'gh-first-token' });
  tiny.failing = false;
  const again = await s.request(`${O}/workflows/caller/${id}/retrigger`, { method: 'POST', token: dev1, json: { authTokens: [{ provider: 'github', token: 'gh-second-token' }] } });
  expect(again.status).toBe(200);
  await waitForState(s, id, ['COMPLETED']);
  expect(tiny.requests.at(-1)!.headers.authorization).toBe('Bearer gh-second-token');
  const seen = await everythingAbout(id);
  for (const secret of ['gh-first-token', 'gh-second-token', dev1]) expect(seen).not.toContain(secret);
  expect(s.ctx.credentials.get(id)).toBeUndefined();
});

it('never passes on the service token, and refuses a provider name that cannot be a header', async () => {
  const set = vi.spyOn(s.ctx.credentials, 'set');
  const { id } = await jsonOf<{ id: string }>(await s.request(`${O}/workflows/caller/execute`, { method: 'POST', token: SERVICE_TOKEN, json: {} }));
  expect(set).toHaveBeenCalledWith(id, {});
  set.mockRestore();
  await waitForState(s, id, ['COMPLETED']);
  expect(tiny.requests.at(-1)!.headers.authorization).toBeUndefined();
  const bad = await s.request(`${O}/workflows/caller/execute`, { method: 'POST', token: dev1, json: { authTokens: [{ provider: 'git hub', token: 't' }] } });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { details: { pointer: string }[] } }).error.details[0]!.pointer).toBe('/authTokens/0/provider');
});
