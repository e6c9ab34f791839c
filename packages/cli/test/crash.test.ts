/**
 * Crash test (issue 4): 500 instances of a workflow with REST calls to a local counting server, a
 * sleep and an event, on SQLite; the worker process is SIGKILLed at random moments and restarted.
 * Every instance must finish exactly once with the right output, every counted call must be in the
 * history (repeats marked as retries), and no timer may be lost or fire twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqliteStore } from '@sluice/stores/sqlite';
import { startCountingServer, type CountingServer } from './harness/counting-server.js';
import { writeCrashWorkflow } from './harness/crash-workflow.js';
import { crashDefinition, createInstances, sendGo, waitFinished } from './harness/seed-instances.js';
import { verifyRuns } from './harness/verify-runs.js';
import { kill, spawnWorker, stopWorker, type WorkerProcess } from './harness/workers.js';

const INSTANCES = 500;
const KILLS = 6;
let server: CountingServer;

beforeAll(async () => {
  server = await startCountingServer({ maxDelayMs: 30 });
});
afterAll(async () => {
  await server.close();
});

it(`finishes ${INSTANCES} instances exactly once through ${KILLS} SIGKILLs of the worker`, async () => {
  const dir = writeCrashWorkflow(server.port);
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-crash-db-')), 'crash.db');
  const store = await openSqliteStore({ file });
  const ids = await createInstances(store, await crashDefinition(dir), INSTANCES, 'crash');
  let rnd = 42;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

  const events = (async () => {
    for (const [i, id] of ids.entries()) {
      await sendGo(store, id);
      if (i % 25 === 24) await new Promise((r) => setTimeout(r, 40));
    }
  })();

  let worker: WorkerProcess | undefined;
  const logs: string[] = [];
  for (let k = 0; k < KILLS; k++) {
    worker = spawnWorker({ name: `crash-${k}`, store: `sqlite:${file}`, dir, leaseMs: 1000 });
    // Killed at a random moment after it is up (start-up time varies with the machine's load).
    await worker.ready;
    await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 700)));
    await kill(worker);
    logs.push(worker.log());
  }
  worker = spawnWorker({ name: 'crash-final', store: `sqlite:${file}`, dir, leaseMs: 1000 });
  await events;
  try {
    await waitFinished(store, ids, 90_000);
  } finally {
    expect(await stopWorker(worker)).toBe(0);
  }
  const report = await verifyRuns(store, ids, server);
  console.log(
    `crash test: ${report.instances} instances, ${KILLS} SIGKILLs, ${report.restCalls} REST calls counted, ${report.retriedCalls} calls retried after a kill, instances by number of workers: ${JSON.stringify([...report.workersPerInstance])}`,
  );
  expect(report.problems.slice(0, 20), logs.join('\n').slice(-2000)).toEqual([]);
  expect(report.retriedCalls + [...report.workersPerInstance.entries()].filter(([w]) => w > 1).length).toBeGreaterThan(0);
  store.close();
}, 150_000);
