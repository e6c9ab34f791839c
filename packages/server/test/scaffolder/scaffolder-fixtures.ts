/**
 * Templates and a test-only action for the scaffolder tests: `hello` (catalog:write, a skipped `if`
 * step, catalog:register, notification:send, output links), `broken` (a failing step) and `slow`
 * (`test:wait`, which waits `gate.ms` or until its task is cancelled).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemplateAction } from '@sluice/scaffolder';
import { expect } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';

const HELLO = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: hello
  title: Hello
  description: Registers a component
spec:
  owner: group:default/developers
  type: service
  parameters:
    - title: Component
      required: [name]
      properties:
        name: { type: string, pattern: '^[a-z][a-z-]*$' }
        skip: { type: boolean, default: false }
  steps:
    - id: write
      name: Write catalog file
      action: catalog:write
      input:
        entity:
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata: { name: '\${{ parameters.name }}' }
          spec: { type: service, owner: group:default/developers, lifecycle: experimental }
    - id: maybe
      name: Only when asked
      if: \${{ parameters.skip }}
      action: debug:log
      input: { message: never }
    - id: log
      action: debug:log
      input: { message: 'token length \${{ secrets.token | length }} for \${{ secrets.token }}' }
    - id: register
      name: Register
      action: catalog:register
      input: { catalogInfoPath: catalog-info.yaml }
    - id: notify
      action: notification:send
      input: { recipients: entity, entityRefs: ['user:default/dev1'], title: 'Created \${{ parameters.name }}' }
  output:
    links:
      - title: Catalog
        icon: catalog
        entityRef: \${{ steps.register.output.entityRef }}
`;

const BROKEN = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: broken }
spec:
  owner: group:default/developers
  type: service
  steps:
    - id: register
      action: catalog:register
      input: { catalogInfoPath: missing/catalog-info.yaml }
`;

const SLOW = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: slow }
spec:
  owner: group:default/developers
  type: service
  steps:
    - id: wait
      action: test:wait
    - id: after
      action: debug:log
      input: { message: done waiting }
  output:
    text:
      - title: Result
        content: finished
`;

/** How long `test:wait` waits (tests change it between server restarts). */
export const gate = { ms: 60_000, started: 0 };

/** Waits `gate.ms`; rejects when the task is cancelled or interrupted. */
export const waitAction = createTemplateAction<Record<string, never>>({
  id: 'test:wait',
  description: 'Test only: waits',
  schema: { input: { type: 'object' } },
  async handler(ctx) {
    gate.started += 1;
    ctx.logger.info('waiting');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, gate.ms);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new Error('aborted'));
      }, { once: true });
    });
  },
});

/** Template folders `hello`, `broken`, `slow` in a new temp dir. */
export function templateFolders(): string[] {
  const root = mkdtempSync(join(tmpdir(), 'sluice-templates-'));
  return Object.entries({ hello: HELLO, broken: BROKEN, slow: SLOW }).map(([name, text]) => {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'template.yaml'), text);
    return join(root, name);
  });
}

/** POST /v2/tasks; expects 201 and returns the id. */
export async function createTask(server: TestServer, token: string, body: unknown): Promise<string> {
  const res = await server.request('/api/scaffolder/v2/tasks', { method: 'POST', token, json: body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Polls GET /v2/tasks/:id (like the seed workflow) until its status is not open/processing. */
export async function waitForEnd(server: TestServer, token: string, id: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.request(`/api/scaffolder/v2/tasks/${id}`, { token });
    expect(res.status).toBe(200);
    const task = (await res.json()) as Record<string, unknown>;
    if (task['status'] !== 'open' && task['status'] !== 'processing') return task;
    if (Date.now() > until) throw new Error(`task ${id} still ${String(task['status'])}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `check` holds (polling). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
