// Admission control: with more work in progress than `limits.maxPendingWork`, new runs are refused
// with 503 and Retry-After (nothing stored) instead of being accepted and then timing out; once the
// work drains, runs are accepted again.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHoldServer, type HoldServer } from '../helpers/hold-server.js';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitForState } from './workflow-fixtures.js';

let s: TestServer;
let hold: HoldServer;

beforeAll(async () => {
  hold = await startHoldServer();
  const root = mkdtempSync(join(tmpdir(), 'sluice-admission-'));
  mkdirSync(join(root, 'slow'));
  writeFileSync(
    join(root, 'slow/slow.sw.yaml'),
    `id: slow
specVersion: '0.8'
functions:
  - { name: work, type: custom, operation: 'rest:post:${hold.url}/work' }
start: Work
states:
  - name: Work
    type: operation
    actions: [ { functionRef: work } ]
    end: true
`,
  );
  s = await startTestServer({ workflows: [join(root, 'slow')], settings: { maxPendingWork: 1 } });
});
afterAll(async () => {
  await hold?.close();
  await s?.stop();
});

const execute = () => s.request('/api/orchestrator/v2/workflows/slow/execute', { method: 'POST', token: SERVICE_TOKEN, json: { inputData: {} } });

it('refuses new runs with 503 and Retry-After while the server is busy, and accepts them again after', async () => {
  const first = await execute();
  expect(first.status).toBe(200);
  const { id } = (await first.json()) as { id: string };
  await hold.arrived('/work');

  const refused = await execute();
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('1');
  expect(await refused.json()).toMatchObject({ error: { name: 'ServiceUnavailableError', message: expect.stringMatching(/^busy: /) } });
  expect((await s.ctx.runtime.query({ workflowId: 'slow' })).items.map((i) => i.id)).toEqual([id]);

  hold.release('/work', { ok: true });
  await waitForState(s, id, ['COMPLETED']);
  await s.ctx.runtime.idle();
  const again = await execute();
  expect(again.status).toBe(200);
  await hold.arrived('/work');
  hold.release('/work', { ok: true });
  await waitForState(s, ((await again.json()) as { id: string }).id, ['COMPLETED']);
});
