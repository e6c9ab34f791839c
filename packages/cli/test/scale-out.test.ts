/**
 * Scale-out test (issue 4): three worker processes share one PostgreSQL database and 1,000
 * instances; one is SIGKILLed mid-way. Every instance must complete, and the history must show no
 * instance worked on by two processes at once (each state entered once, each call counted).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '@sluice/stores/postgres';
import { startCountingServer, type CountingServer } from './harness/counting-server.js';
import { writeCrashWorkflow } from './harness/crash-workflow.js';
import { createDatabase, dropDatabase } from './harness/pg-database.js';
import { countCompleted, crashDefinition, createInstances, sendGo, waitFinished, waitUntil } from './harness/seed-instances.js';
import { verifyRuns } from './harness/verify-runs.js';
import { kill, spawnWorker, stopWorker } from './harness/workers.js';

const INSTANCES = 1000;
let server: CountingServer;
let db: { name: string; url: string };

beforeAll(async () => {
  server = await startCountingServer({ maxDelayMs: 20 });
  db = await createDatabase('scaleout');
});
afterAll(async () => {
  await server.close();
  await dropDatabase(db.name);
});

it(`runs ${INSTANCES} instances on 3 processes, one SIGKILLed mid-way`, async () => {
  const dir = writeCrashWorkflow(server.port);
  const store = await openPostgresStore({ connectionString: db.url });
  try {
    const ids = await createInstances(store, await crashDefinition(dir), INSTANCES, 'scale');
    const workers = ['a', 'b', 'c'].map((n) => spawnWorker({ name: `scale-${n}`, store: db.url, dir, leaseMs: 2000 }));
    const events = (async () => {
      for (const [i, id] of ids.entries()) {
        await sendGo(store, id);
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 50));
      }
    })();
    // Kill worker a once it has done real work and the run is about half way.
    await waitUntil(async () => (await countCompleted(store)) >= INSTANCES / 2, 120_000).catch((err: Error) => {
      throw new Error(`${err.message}; worker logs:\n${workers.map((w) => `${w.name}: ${w.log().slice(-1500)}`).join('\n')}`);
    });
    await kill(workers[0]!);
    await events;
    try {
      await waitFinished(store, ids, 150_000);
    } finally {
      for (const w of workers.slice(1)) expect(await stopWorker(w)).toBe(0);
    }
    const report = await verifyRuns(store, ids, server);
    const byWorker = new Map<string, number>();
    for (const id of ids) for (const w of new Set((await store.history(id)).map((h) => h.worker))) byWorker.set(String(w), (byWorker.get(String(w)) ?? 0) + 1);
    console.log(`scale-out test: ${report.instances} instances, ${report.restCalls} REST calls, ${report.retriedCalls} retried, instances touched per worker: ${JSON.stringify([...byWorker])}`);
    expect(report.problems.slice(0, 20)).toEqual([]);
    expect(byWorker.size).toBe(3);
  } finally {
    await store.close();
  }
}, 300_000);
