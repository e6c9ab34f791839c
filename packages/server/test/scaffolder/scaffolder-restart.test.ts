/**
 * Durability: a task running when its server stops (gracefully) is not ended; the restarted server
 * on the same data directory starts it over (a `recovered` event) and completes it.
 */
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { createTask, eventually, gate, templateFolders, waitAction, waitForEnd } from './scaffolder-fixtures.js';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  if (servers[0]) rmSync(servers[0].dir, { recursive: true, force: true });
});

it('resumes a task interrupted by a restart and completes it', async () => {
  gate.ms = 60_000;
  const first = await startTestServer({ templates: templateFolders(), scaffolderActions: [waitAction] });
  servers.push(first);
  const started = gate.started;
  const id = await createTask(first, SERVICE_TOKEN, { templateRef: 'slow', values: {} });
  await eventually(async () => gate.started > started);
  expect((await (await first.request(`/api/scaffolder/v2/tasks/${id}`, { token: SERVICE_TOKEN })).json()) as unknown).toMatchObject({ status: 'processing' });
  const closing = Date.now();
  await first.close();
  expect(Date.now() - closing).toBeLessThan(10_000); // the waiting action did not hold the shutdown

  gate.ms = 50;
  const second = await startTestServer({ dir: first.dir, scaffolderActions: [waitAction] });
  servers.push(second);
  const task = await waitForEnd(second, SERVICE_TOKEN, id, 20_000);
  expect(task).toMatchObject({ status: 'completed', output: { text: [{ title: 'Result', content: 'finished' }] } });
  const events = (await (await second.request(`/api/scaffolder/v2/tasks/${id}/events`, { token: SERVICE_TOKEN })).json()) as { type: string; body: { status?: string } }[];
  const types = events.map((e) => e.type);
  expect(types).toContain('recovered');
  expect(types.filter((t) => t === 'completion')).toHaveLength(1);
  expect(events.at(-1)).toMatchObject({ type: 'completion', body: { status: 'completed' } });
});
