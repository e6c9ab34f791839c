/**
 * Small workflows for the Orchestrator and SonataFlow tests, written into a temp folder (SonataFlow
 * layout: one folder per workflow with schemas/, specs/ and application.properties), a tiny HTTP
 * service their OpenAPI function calls, and server settings with users, admins and permissions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SERVICE_SUBJECT, SERVICE_TOKEN, type TestServer } from '../helpers/test-server.js';

export const DEV1 = 'user:default/dev1';
export const DEV2 = 'user:default/dev2';
export const ADMIN = 'user:default/admin';

const GREET_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Greeting',
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', minLength: 1, 'ui:autofocus': true },
    language: { type: 'string', enum: ['en', 'fr'], 'ui:widget': 'radio' },
  },
  'ui:order': ['name', 'language'],
};

const FILES: Record<string, string> = {
  'greet/greet.sw.yaml': `id: greet
version: '1.2'
specVersion: '0.8'
name: Greet someone
description: Says hello
annotations: [workflow-type/infrastructure]
dataInputSchema:
  failOnValidationErrors: true
  schema: schemas/greet-input.json
extensions:
  - extensionid: workflow-output-schema
    outputSchema: schemas/greet-output.json
functions:
  - name: resultOf
    type: expression
    operation: '{ result: { message: ("Hello " + .name), outputs: [ { key: "Greeting", value: ("Hello " + .name), format: "text" } ] } }'
start: Prepare
states:
  - name: Prepare
    type: inject
    data: { prepared: true }
    transition: Answer
  - name: Answer
    type: operation
    actions:
      - functionRef: resultOf
    end: true
`,
  'greet/schemas/greet-input.json': JSON.stringify(GREET_SCHEMA, null, 2),
  'greet/schemas/greet-output.json': JSON.stringify({ type: 'object' }),
  'waiter/waiter.sw.json': JSON.stringify(
    {
      id: 'waiter',
      specVersion: '0.8',
      name: 'Wait an hour',
      start: 'Nap',
      states: [
        { name: 'Nap', type: 'sleep', duration: 'PT1H', transition: 'Done' },
        { name: 'Done', type: 'inject', data: { done: true }, end: true },
      ],
    },
    null,
    2,
  ),
  'caller/caller.sw.yaml': `id: caller
specVersion: '0.8'
name: Call the tiny service
functions:
  - name: echo
    type: rest
    operation: specs/tiny.yaml#echo
start: Prepare
states:
  - name: Prepare
    type: inject
    data: { step: prepared }
    transition: Call
  - name: Call
    type: operation
    actions:
      - functionRef: { refName: echo, arguments: { who: .who } }
        actionDataFilter: { toStateData: .echo }
    end: true
`,
  'caller/specs/tiny.yaml': `openapi: 3.0.3
info: { title: tiny, version: '1' }
paths:
  /echo:
    post:
      operationId: echo
      security: [ { githubAuth: [] } ]
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    githubAuth: { type: http, scheme: bearer }
`,
  'caller/application.properties': `quarkus.rest-client.tiny_yaml.url=\${TINY_URL}
quarkus.openapi-generator.tiny_yaml.auth.githubAuth.token-propagation=true
quarkus.openapi-generator.tiny_yaml.auth.githubAuth.header-name=X-Authorization-Github
`,
  'broken/broken.sw.yaml': `id: broken
specVersion: '0.8'
name: Needs a setting
start: Only
states:
  - { name: Only, type: inject, data: {}, end: true }
`,
  'broken/application.properties': 'needed=${SLUICE_TEST_NEVER_SET}\n',
  'restricted/restricted.sw.yaml': `id: restricted
specVersion: '0.8'
name: Restricted
start: Only
states:
  - { name: Only, type: inject, data: { ok: true }, end: true }
`,
};

/** Writes the fixture workflows; returns their folders (for startTestServer) and a cleanup. */
export function writeWorkflows(): { folders: string[]; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'sluice-orch-wf-'));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const folders = [...new Set(Object.keys(FILES).map((f) => f.split('/')[0]!))].map((d) => join(root, d));
  return { folders, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Server settings: the service token, admins (the admin user and its group), and who may use what. */
export function serverSettings(): Record<string, unknown> {
  return {
    auth: { externalAccess: [{ token: SERVICE_TOKEN, subject: SERVICE_SUBJECT }], guest: true, admins: [ADMIN, 'group:default/platform-admins'] },
    workflowPermissions: { restricted: { read: [DEV1], use: [ADMIN] } },
  };
}

/** The tiny service the `caller` workflow calls: records requests; fails while `failing` is set. */
export interface TinyService {
  readonly url: string;
  readonly requests: { headers: IncomingHttpHeaders; body: string }[];
  failing: boolean;
  close(): Promise<void>;
}

export async function startTinyService(): Promise<TinyService> {
  const svc = { requests: [] as TinyService['requests'], failing: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      svc.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(svc.failing ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(svc.failing ? { error: 'down' } : { greeted: true }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(svc, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

/** JSON of a response, failing the test with the body when the status is not `status`. */
export async function jsonOf<T = unknown>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Polls an instance (as the service) until its Orchestrator state is one of `states`. */
export async function waitForState(s: TestServer, id: string, states: readonly string[], timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: SERVICE_TOKEN });
    const body = (await res.json()) as Record<string, unknown>;
    if (states.includes(body.state as string)) return body;
    if (Date.now() > until) throw new Error(`instance ${id} stayed ${String(body.state)}: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
