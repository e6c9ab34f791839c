/**
 * The scaffolder task API against a real server (SQLite or PostgreSQL): create, poll, end states,
 * `if` steps, cancel (and the service-caller mitigation), values validation, listing, events, SSE,
 * dry-run, actions, auth, and secrets never leaving memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { createTask, eventually, gate, templateFolders, waitAction, waitForEnd } from './scaffolder-fixtures.js';

const SECRET = 'sup3r-s3cret-value';

export function scaffolderSuite(database?: () => string): void {
  let server: TestServer;
  let dev1: string;
  let admin: string;

  beforeAll(async () => {
    gate.ms = 60_000;
    server = await startTestServer({ templates: templateFolders(), scaffolderActions: [waitAction], ...(database ? { database: database() } : {}) });
    dev1 = await server.tokenFor('dev1');
    admin = await server.tokenFor('admin');
  });
  afterAll(() => server?.stop());

  describe('tasks', () => {
    it('runs a template to completed with its output, skipping a false `if` step, registering and notifying', async () => {
      const id = await createTask(server, dev1, { templateRef: 'template:default/hello', values: { name: 'my-app' }, secrets: { token: SECRET } });
      const task = await waitForEnd(server, dev1, id);
      expect(task).toMatchObject({ id, status: 'completed', createdBy: 'user:default/dev1', output: { links: [{ title: 'Catalog', icon: 'catalog', entityRef: 'component:default/my-app' }] } });
      expect(task['spec']).toMatchObject({ parameters: { name: 'my-app' }, templateInfo: { entityRef: 'template:default/hello' }, user: { ref: 'user:default/dev1' } });
      expect(Date.parse(String(task['lastHeartbeatAt']))).toBeGreaterThan(0);
      expect((await server.ctx.catalog.get('component:default/my-app'))?.metadata.name).toBe('my-app');
      expect(await server.ctx.catalog.sourceOf('component:default/my-app')).toBe(`task:${id}`);

      const events = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: dev1 })).json()) as { type: string; body: { stepId?: string; status?: string; message: string } }[];
      expect(events.find((e) => e.body.stepId === 'maybe' && e.body.status === 'skipped')).toBeDefined();
      expect(events.at(-1)).toMatchObject({ type: 'completion', body: { status: 'completed' } });
      expect(events.some((e) => e.body.message.includes('token length 18 for ***'))).toBe(true);

      const notes = (await (await server.request('/api/notifications', { token: dev1 })).json()) as { notifications: { origin: string; payload: { title: string } }[] };
      expect(notes.notifications).toContainEqual(expect.objectContaining({ origin: 'scaffolder', payload: expect.objectContaining({ title: 'Created my-app' }) }));

      // Secrets are nowhere: not in the task, its events, the rows or the logs.
      const raw = JSON.stringify([task, events, await server.ctx.scaffolder.o.store.list({}), server.logs()]);
      expect(raw).not.toContain(SECRET);
    });

    it('ends failed with the failing step error', async () => {
      const id = await createTask(server, SERVICE_TOKEN, { templateRef: 'broken', values: {} });
      const task = await waitForEnd(server, SERVICE_TOKEN, id);
      expect(task['status']).toBe('failed');
      expect(task['createdBy']).toBe('');
      expect(String((task['error'] as { message: string }).message)).toMatch(/missing\/catalog-info\.yaml|ENOENT/);
      const events = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: SERVICE_TOKEN })).json()) as { type: string; body: { status?: string; error?: { message: string } } }[];
      expect(events.at(-1)).toMatchObject({ type: 'completion', body: { status: 'failed', error: { message: expect.any(String) } } });
    });

    it('cancels a running task: cancelled for users, failed for services (the seed workflow stops polling)', async () => {
      const started = gate.started;
      const id = await createTask(server, dev1, { templateRef: 'template:default/slow', values: {} });
      await eventually(async () => gate.started > started);
      const res = await server.request(`/api/scaffolder/v2/tasks/${id}/cancel`, { method: 'POST', token: dev1 });
      expect(await res.json()).toEqual({ status: 'cancelled' });
      expect((await waitForEnd(server, dev1, id))['status']).toBe('cancelled');
      expect((await waitForEnd(server, SERVICE_TOKEN, id))['status']).toBe('failed');
      const events = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: dev1 })).json()) as { type: string; body: { status?: string; message: string } }[];
      expect(events.map((e) => e.type)).toContain('cancelled');
      expect(events.at(-1)).toMatchObject({ type: 'completion', body: { status: 'cancelled' } });
      expect(events.some((e) => e.body.message === 'done waiting')).toBe(false);
    });

    it('answers 400 {errors} when values fail the parameters schema, 404 for an unknown template', async () => {
      const res = await server.request('/api/scaffolder/v2/tasks', { method: 'POST', token: dev1, json: { templateRef: 'template:default/hello', values: { name: 'Bad Name' } } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { property: string; name: string }[] };
      expect(body.errors).toEqual([expect.objectContaining({ property: 'instance.name', name: 'pattern' })]);
      const missing = await server.request('/api/scaffolder/v2/tasks', { method: 'POST', token: dev1, json: { templateRef: 'template:default/nope', values: {} } });
      expect(missing.status).toBe(404);
    });

    it('lists with createdBy, status, limit, offset and order; users only see their own', async () => {
      const a = await createTask(server, admin, { templateRef: 'hello', values: { name: 'list-a' } });
      const b = await createTask(server, admin, { templateRef: 'hello', values: { name: 'list-b' } });
      await waitForEnd(server, admin, a);
      await waitForEnd(server, admin, b);
      type Page = { tasks: { id: string; status: string; createdBy: string }[]; totalTasks: number };
      const mine = (await (await server.request('/api/scaffolder/v2/tasks?createdBy=user:default/admin&order=asc:created_at', { token: admin })).json()) as Page;
      expect(mine.tasks.map((t) => t.id)).toEqual([a, b]);
      expect(mine.totalTasks).toBe(2);
      const paged = (await (await server.request('/api/scaffolder/v2/tasks?createdBy=user:default/admin&limit=1&offset=1&order=desc:created_at', { token: admin })).json()) as Page;
      expect(paged).toMatchObject({ totalTasks: 2, tasks: [{ id: a }] });
      const failed = (await (await server.request('/api/scaffolder/v2/tasks?status=failed', { token: SERVICE_TOKEN })).json()) as Page;
      expect(failed.tasks.length).toBeGreaterThan(0);
      expect(failed.tasks.every((t) => t.status === 'failed')).toBe(true);
      const asDev1 = (await (await server.request('/api/scaffolder/v2/tasks', { token: dev1 })).json()) as Page;
      expect(asDev1.tasks.length).toBeGreaterThan(0);
      expect(asDev1.tasks.every((t) => t.createdBy === 'user:default/dev1')).toBe(true);
    });

    it('serves events after an id, and an SSE stream that closes after completion', async () => {
      const id = await createTask(server, dev1, { templateRef: 'hello', values: { name: 'events-app' } });
      await waitForEnd(server, dev1, id);
      const all = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: dev1 })).json()) as { id: number; taskId: string; createdAt: string }[];
      expect(all.length).toBeGreaterThan(3);
      expect(all.every((e) => e.taskId === id && Date.parse(e.createdAt) > 0)).toBe(true);
      const after = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events?after=${all[1]!.id}`, { token: dev1 })).json()) as { id: number }[];
      expect(after.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));

      const sse = await server.request(`/api/scaffolder/v2/tasks/${id}/eventstream?after=${all[1]!.id}`, { token: dev1 });
      expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);
      const text = await sse.text(); // ends: the stream closes after the completion event
      const names = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
      expect(names.length).toBe(all.length - 2);
      expect(names.at(-1)).toBe('completion');
      const first = JSON.parse(/^data: (.+)$/m.exec(text)![1]!) as { id: number };
      expect(first.id).toBe(all[2]!.id);
    });

    it('long-polls events until the running task emits one', async () => {
      const started = gate.started;
      const id = await createTask(server, dev1, { templateRef: 'slow', values: {} });
      await eventually(async () => gate.started > started);
      const seen = (await (await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: dev1 })).json()) as { id: number }[];
      const last = seen.at(-1)!.id;
      const polling = server.request(`/api/scaffolder/v2/tasks/${id}/events?after=${last}`, { token: dev1 });
      await new Promise((r) => setTimeout(r, 300));
      await server.request(`/api/scaffolder/v2/tasks/${id}/cancel`, { method: 'POST', token: dev1 });
      const next = (await (await polling).json()) as { id: number; type: string }[];
      expect(next.length).toBeGreaterThan(0);
      expect(next[0]!.id).toBeGreaterThan(last);
      expect(next[0]!.type).toBe('cancelled');
    });
  });

  describe('templates, actions, dry-run', () => {
    it('lists the built-in, server and extra actions', async () => {
      const actions = (await (await server.request('/api/scaffolder/v2/actions', { token: dev1 })).json()) as { id: string; schema: { input?: unknown } }[];
      const ids = actions.map((a) => a.id);
      for (const want of ['fetch:template', 'debug:log', 'catalog:register', 'catalog:write', 'notification:send', 'test:wait']) expect(ids).toContain(want);
      expect(actions.find((a) => a.id === 'notification:send')?.schema.input).toMatchObject({ required: ['recipients', 'title'] });
    });

    it('serves the parameter schema and lists templates in the catalog', async () => {
      const res = await server.request('/api/scaffolder/v2/templates/default/template/hello/parameter-schema', { token: dev1 });
      expect(await res.json()).toMatchObject({ title: 'Hello', description: 'Registers a component', steps: [{ title: 'Component', schema: { required: ['name'] } }] });
      expect((await server.ctx.catalog.get('template:default/hello'))?.kind).toBe('Template');
    });

    it('dry-runs a template with directory contents: log, files, output; side-effect actions are skipped', async () => {
      const template = {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'dry' },
        spec: {
          owner: 'group:default/developers',
          type: 'service',
          steps: [
            { id: 'fetch', action: 'fetch:template', input: { url: './skeleton', values: { name: '${{ parameters.name }}' } } },
            { id: 'write', action: 'catalog:write', input: { entity: { kind: 'Component', metadata: { name: '${{ parameters.name }}' } } } },
            { id: 'register', action: 'catalog:register', input: { catalogInfoPath: 'catalog-info.yaml' } },
          ],
          output: { text: [{ title: 'name', content: '${{ parameters.name }}' }] },
        },
      };
      const res = await server.request('/api/scaffolder/v2/dry-run', {
        method: 'POST',
        token: dev1,
        json: { template, values: { name: 'dry-app' }, directoryContents: [{ path: 'skeleton/README.md', base64Content: Buffer.from('# ${{ values.name }}\n').toString('base64') }] },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { log: { body: { message: string } }[]; directoryContents: { path: string; base64Content: string }[]; output: unknown };
      const files = Object.fromEntries(body.directoryContents.map((f) => [f.path, Buffer.from(f.base64Content, 'base64').toString('utf8')]));
      expect(files['README.md']).toBe('# dry-app\n');
      expect(files['catalog-info.yaml']).toContain('name: dry-app');
      expect(body.output).toEqual({ text: [{ title: 'name', content: 'dry-app' }] });
      expect(body.log.some((l) => l.body.message.includes('catalog:register does not support dry-run'))).toBe(true);
      expect(await server.ctx.catalog.get('component:default/dry-app')).toBeUndefined();
    });
  });

  describe('auth', () => {
    it('refuses anonymous callers and hides tasks of other users', async () => {
      expect((await server.request('/api/scaffolder/v2/tasks', { method: 'POST', json: { templateRef: 'hello', values: { name: 'x' } } })).status).toBe(401);
      expect((await server.request('/api/scaffolder/v2/tasks')).status).toBe(401);
      const id = await createTask(server, admin, { templateRef: 'hello', values: { name: 'admins-app' } });
      expect((await server.request(`/api/scaffolder/v2/tasks/${id}`)).status).toBe(401);
      expect((await server.request(`/api/scaffolder/v2/tasks/${id}`, { token: dev1 })).status).toBe(404);
      expect((await server.request(`/api/scaffolder/v2/tasks/${id}/cancel`, { method: 'POST', token: dev1 })).status).toBe(404);
      expect((await server.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: dev1 })).status).toBe(404);
      expect((await server.request(`/api/scaffolder/v2/tasks/${id}`, { token: SERVICE_TOKEN })).status).toBe(200);
      expect((await server.request('/api/scaffolder/v2/templates/import', { method: 'POST', token: dev1, json: { url: 'http://127.0.0.1:1/template.yaml' } })).status).toBe(403);
      await waitForEnd(server, admin, id);
    });
  });
}
