/**
 * One bench scenario: a fresh database (SQLite file or PostgreSQL database), a server over it with
 * one workload installed, a warm-up phase and a measured phase at the same rate and with the same
 * generator, then the wait until
 * every instance started (warm-up included) has ended. Cleans up after itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The stores bench's Backstage fake child serves this bench's seed workload too.
import { startBackstageChild, startBackstageInline, type BackstageChild } from '../../stores/bench/backstage-child.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { startBenchServer } from './bench-server.js';
import { runLoad, type LoadResult } from './load.js';
import { runPacedLoad } from './paced-load.js';
import { WORKLOADS, type WorkloadName } from './workloads.js';

export type DatabaseKind = 'sqlite' | 'postgres';
/** autocannon (per-second bursts, load.ts) or evenly spaced arrivals (paced-load.ts). */
export type Generator = 'autocannon' | 'paced';
export const DATABASE_LABEL: Readonly<Record<DatabaseKind, string>> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export interface ScenarioOptions {
  readonly workload: WorkloadName;
  readonly database: DatabaseKind;
  readonly generator: Generator;
  readonly rate: number;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Give up waiting for instances to end after this long (default 300 s). */
  readonly drainTimeoutMs?: number;
  /** Server and fake in this process (smoke test). */
  readonly inProcess?: boolean;
  /** Moves the server clock this far at each check after the load (smoke test: skip the seed's sleep). */
  readonly advanceClockMs?: number;
  readonly progress?: (line: string) => void;
}

export interface ScenarioResult {
  readonly workload: WorkloadName;
  readonly database: DatabaseKind;
  readonly generator: Generator;
  readonly warmup: LoadResult;
  readonly measured: LoadResult;
  /** Instances of the workflow by final status (warm-up and measured phase). */
  readonly instances: Readonly<Record<string, number>>;
  /** Seconds from the end of the measured phase until no instance was running or waiting; undefined when it gave up. */
  readonly drainSeconds: number | undefined;
  /** Server RSS at the end of the measured phase, MB. */
  readonly rssMb: number;
  readonly backstage?: { requests: number; violations: string[] };
}

const ACTIVE = ['running', 'waiting', 'suspended'];

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const workload = WORKLOADS[o.workload];
  const progress = o.progress ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'sluice-server-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  try {
    let db: BenchDatabase | undefined;
    if (o.database === 'postgres') {
      db = await createBenchDatabase();
      cleanups.unshift(() => db!.drop());
    }
    let backstage: BackstageChild | undefined;
    let report: { requests: number; violations: string[] } | undefined;
    if (workload.needsBackstage) {
      backstage = await (o.inProcess ? startBackstageInline() : startBackstageChild());
      const fake = backstage;
      cleanups.unshift(async () => (report = await fake.stop()));
    }
    mkdirSync(join(dir, 'workflows'));
    workload.install(join(dir, 'workflows'));
    const token = randomBytes(16).toString('hex');
    const server = await startBenchServer({ dir, token, settings: workload.settings(backstage), inProcess: o.inProcess ?? false, ...(db ? { database: db.url } : {}) });
    cleanups.unshift(() => server.stop());

    const load = { url: `${server.url}/api/orchestrator/v2/workflows/${workload.workflowId}/execute`, token, rate: o.rate, connections: o.connections, body: workload.body, counter: { n: 0 } };
    const generate = o.generator === 'paced' ? runPacedLoad : runLoad;
    progress(`  warm-up ${o.warmupSeconds} s`);
    const warmup = await generate({ ...load, seconds: o.warmupSeconds });
    progress(`  measured ${o.seconds} s`);
    const measured = await generate({ ...load, seconds: o.seconds });
    const endedAt = Date.now();
    const rssMb = await server.rssMb();
    let instances = await server.counts(workload.workflowId);
    const timeout = o.drainTimeoutMs ?? 300_000;
    while (ACTIVE.some((s) => (instances[s] ?? 0) > 0) && Date.now() - endedAt < timeout) {
      // Each round, so that sleeps entered after the previous move are skipped too.
      if (o.advanceClockMs) await server.advanceClock(o.advanceClockMs);
      await new Promise((r) => setTimeout(r, 250));
      instances = await server.counts(workload.workflowId);
    }
    const drained = !ACTIVE.some((s) => (instances[s] ?? 0) > 0);
    const drainSeconds = drained ? (Date.now() - endedAt) / 1000 : undefined;
    progress(`  instances ${JSON.stringify(instances)}, ${drained ? `all ended ${drainSeconds!.toFixed(1)} s after the load` : 'gave up waiting'}`);
    for (const c of cleanups.splice(0)) await c();
    return { workload: o.workload, database: o.database, generator: o.generator, warmup, measured, instances, drainSeconds, rssMb, ...(report ? { backstage: report } : {}) };
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }
}
