/**
 * Importing a template from a URL served on 127.0.0.1: the template.yaml and the skeleton files it
 * lists in `sluice.dev/files` are fetched, stored under the data directory, registered in the
 * catalog, and a task from it renders the fetched skeleton. Broken imports are refused with 400.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';

const FILES: Record<string, string> = {
  '/t/template.yaml': `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: remote-hello
  annotations:
    sluice.dev/files: skeleton/README.md
spec:
  owner: group:default/developers
  type: service
  parameters:
    - properties:
        name: { type: string }
      required: [name]
  steps:
    - id: fetch
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: '\${{ parameters.name }}'
    - id: show
      action: debug:log
      input: { listWorkspace: true }
  output:
    text:
      - title: Name
        content: '\${{ parameters.name }}'
`,
  '/t/skeleton/README.md': '# Hello ${{ values.name }}\n',
  '/broken/template.yaml': 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: {}\n',
};

let http: Server;
let base = '';
let s: TestServer;

beforeAll(async () => {
  http = createServer((req, res) => {
    const body = FILES[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' }).end(body ?? 'not found');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
});

it('imports a template with its listed files and runs a task from it', async () => {
  const admin = await s.tokenFor('admin');
  const imported = await s.request('/api/scaffolder/v2/templates/import', { method: 'POST', token: admin, json: { url: `${base}/t/template.yaml` } });
  expect(imported.status, await imported.clone().text()).toBeLessThan(300);
  const entity = await s.request('/api/catalog/entities/by-name/template/default/remote-hello', { token: admin });
  expect(entity.status).toBe(200);

  const created = await s.request('/api/scaffolder/v2/tasks', { method: 'POST', token: SERVICE_TOKEN, json: { templateRef: 'template:default/remote-hello', values: { name: 'Ada' } } });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  let task: { status?: string } = {};
  for (let i = 0; i < 200 && task.status !== 'completed' && task.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    task = (await (await s.request(`/api/scaffolder/v2/tasks/${id}`, { token: SERVICE_TOKEN })).json()) as typeof task;
  }
  expect(task.status).toBe('completed');
  const events = (await (await s.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: SERVICE_TOKEN })).json()) as { body: { message: string } }[];
  expect(events.map((e) => e.body.message).join('\n')).toContain('README.md');
});

it('refuses an import whose template is invalid or unreachable, and users may not import', async () => {
  const admin = await s.tokenFor('admin');
  expect((await s.request('/api/scaffolder/v2/templates/import', { method: 'POST', token: admin, json: { url: `${base}/broken/template.yaml` } })).status).toBe(400);
  expect((await s.request('/api/scaffolder/v2/templates/import', { method: 'POST', token: admin, json: { url: `${base}/missing/template.yaml` } })).status).toBe(400);
  expect((await s.request('/api/scaffolder/v2/templates/import', { method: 'POST', token: await s.tokenFor('dev1'), json: { url: `${base}/t/template.yaml` } })).status).toBe(403);
});
