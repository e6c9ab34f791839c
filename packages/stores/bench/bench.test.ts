/**
 * Smoke test of the durable bench: every straight-through workload runs a few instances on memory,
 * SQLite and (when the local server answers) PostgreSQL at 1 and 3 in flight, the waiting bench
 * runs a few dozen sleepers with real timers, and the report renders. Nothing here asserts speed;
 * it proves the bench's workloads complete on every store, so `npm run bench` measures real runs.
 * The DBOS peer is not run (it needs the npm registry).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainTable, timeTable } from './report.js';
import { runStraightThrough, type StraightCell } from './straight-through.js';
import { BenchDatabase, type StoreKind } from './stores.js';
import { runWaiting, type WaitingResult } from './waiting.js';

let tmpDir = '';
let pg: BenchDatabase | undefined;
let kinds: StoreKind[] = ['memory', 'sqlite'];

beforeAll(async () => {
  tmpDir = mkdtempSync(join(tmpdir(), 'sluice-bench-test-'));
  try {
    pg = await BenchDatabase.create('sluice_bench_test');
    kinds = [...kinds, 'postgres'];
  } catch {
    pg = undefined;
  }
});

afterAll(async () => {
  await pg?.drop();
  rmSync(tmpDir, { recursive: true, force: true });
});

describe('stores bench', () => {
  let cells: StraightCell[] = [];

  it('runs every workload to completion on every store', async () => {
    cells = await runStraightThrough({
      sites: { tmpDir, ...(pg ? { pg } : {}) },
      kinds,
      concurrencies: [1, 3],
      seconds: 30,
      warmupSeconds: 0,
      maxInstances: 4,
      inlineFake: true,
    });
    expect(cells.map((c) => `${c.workload}/${c.concurrency}/${c.kind}: ${c.error ?? 'ok'}`)).toEqual(
      ['seed small path', '20-state', 'three-step'].flatMap((w) => [1, 3].flatMap((c) => kinds.map((k) => `${w}/${c}/${k}: ok`))),
    );
    for (const c of cells) expect(c.result?.instances, `${c.workload} on ${c.kind}`).toBe(4);
    // The seed's small path sleeps once per instance: the simulated clock moved, the wall clock did not wait.
    const seed = cells.find((c) => c.workload === 'seed small path' && c.concurrency === 1 && c.kind === 'sqlite');
    expect(seed?.result?.simulatedSeconds).toBeGreaterThanOrEqual(4 * 15);
    const durable = cells.find((c) => c.workload === 'three-step' && c.kind === 'sqlite' && c.concurrency === 1);
    expect(durable?.result?.ops['commit']?.n).toBeGreaterThanOrEqual(4 * 3);
  }, 60_000);

  const waiting: WaitingResult[] = [];
  for (const kind of ['memory', 'sqlite', 'postgres'] as const) {
    it(`fires every sleeper's timer on ${kind}`, async (ctx) => {
      if (!kinds.includes(kind)) ctx.skip();
      const r = await runWaiting({ kind, count: 40, tmpDir, windowMs: 400, leadMs: 200, createBatch: 10 });
      expect([r.fired, r.completed]).toEqual([40, 40]);
      expect(r.commitLate.p99).toBeGreaterThanOrEqual(r.commitLate.p50 ?? Number.NaN);
      if (kind !== 'memory') expect(r.db?.bytes).toBeGreaterThan(0);
      waiting.push(r);
    }, 30_000);
  }

  it('renders the report', () => {
    const report = { cells, waiting, kinds, dbos: { skipped: 'not run in tests' } };
    const table = mainTable(report);
    expect(table).toContain('| three-step, 1 in flight (workflows/s) |');
    expect(table).toContain('waiting: process RSS with all asleep (MB)');
    expect(timeTable(report)).toContain('20-state, 3 in flight, SQLite');
  });
});
