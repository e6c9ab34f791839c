import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_FOLDER, SERVICE_TOKEN, startTestServer, type TestServer } from './helpers/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ workflows: [SEED_FOLDER] });
});
afterAll(() => s.stop());

it('loads the seed workflow; it is unavailable while GITLAB_URL is unset, with the reason', () => {
  const e = s.ctx.workflows.entry('create-ocp-namespace-swt');
  expect(e?.available).toBe(false);
  expect(e?.problems.join('\n')).toMatch(/GITLAB_URL is not set/);
  expect(e?.problems.join('\n')).not.toMatch(/BACKSTAGE_BACKEND_URL/);
});

it('answers unknown paths with 404 in Backstage error shape', async () => {
  const r = await s.request('/nope', { token: SERVICE_TOKEN });
  expect(r.status).toBe(404);
  expect(await r.json()).toMatchObject({ error: { name: 'NotFoundError' }, response: { statusCode: 404 } });
});
