/** The composition root: self-wiring, unavailable workflows, logs with instance ids, reload on change. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_FOLDER, SERVICE_TOKEN, startTestServer, type TestServer } from './helpers/test-server.js';

const greeting = (message: string) => `id: greeting
version: '1.0'
specVersion: '0.8'
start: Hello
states:
  - name: Hello
    type: inject
    data: { message: ${message} }
    end: true
`;

let s: TestServer;
beforeAll(async () => {
  const extra = mkdtempSync(join(tmpdir(), 'sluice-greeting-'));
  mkdirSync(join(extra, 'greeting'));
  writeFileSync(join(extra, 'greeting/greeting.sw.yaml'), greeting('first'));
  s = await startTestServer({ workflows: [SEED_FOLDER, join(extra, 'greeting')] });
});
afterAll(() => s.stop());

async function until<T>(f: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('lists the seed workflow as unavailable while GITLAB_URL is unset, and wires Backstage calls to itself', () => {
  const e = s.ctx.workflows.entry('create-ocp-namespace-swt');
  expect(e?.available).toBe(false);
  expect(e?.problems.join('\n')).toMatch(/application\.properties:3: GITLAB_URL is not set/);
  expect(e?.problems.join('\n')).not.toMatch(/BACKSTAGE_BACKEND/);
  const token = readFileSync(join(s.dir, 'data/workflows.token'), 'utf8').trim();
  expect(token.length).toBeGreaterThanOrEqual(24);
  expect(e?.config?.get('rhdh_url')).toBe(s.url);
  expect(e?.config?.get('backend_token')).toBe(token);
});

it('answers unknown paths with 404 in Backstage error shape', async () => {
  const r = await s.request('/nope', { token: SERVICE_TOKEN });
  expect(r.status).toBe(404);
  expect(await r.json()).toMatchObject({ error: { name: 'NotFoundError' }, response: { statusCode: 404 } });
});

it('logs instance lifecycle as JSON lines carrying the instance id, and never a token', async () => {
  const id = await s.ctx.runtime.start('greeting', {});
  await until(async () => ((await s.ctx.runtime.get(id))?.status === 'completed' ? true : undefined));
  const lines = await until(() => {
    const l = s.logs().filter((x) => x.instanceId === id);
    return l.some((x) => x.event === 'instance.completed') ? l : undefined;
  });
  expect(lines.map((l) => l.event).filter(Boolean)).toEqual(['instance.started', 'instance.completed']);
  expect(lines.every((l) => l.workflowId === 'greeting')).toBe(true);
  const all = JSON.stringify(s.logs());
  expect(all).not.toContain(SERVICE_TOKEN);
  expect(all).not.toContain(readFileSync(join(s.dir, 'data/workflows.token'), 'utf8').trim());
});

it('reloads a definition when its file changes; an instance keeps the version it started with', async () => {
  const before = s.ctx.workflows.entry('greeting')!.version;
  writeFileSync(join(s.dir, 'workflows/greeting/greeting.sw.yaml'), greeting('second'));
  const after = await until(() => {
    const v = s.ctx.workflows.entry('greeting')!.version;
    return v !== before ? v : undefined;
  });
  const id = await s.ctx.runtime.start('greeting', {});
  await until(async () => ((await s.ctx.runtime.get(id))?.status === 'completed' ? true : undefined));
  const state = (await s.ctx.runtime.get(id))!;
  expect(state.workflowVersion).toBe(after);
  expect(state.output).toEqual({ message: 'second' });
  expect(s.ctx.workflows.get('greeting', before)).toBeDefined();
});
