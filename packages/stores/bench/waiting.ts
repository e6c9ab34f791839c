/**
 * The waiting bench: N instances sleeping at once, then their timers firing on a real worker.
 *
 * Phase 1 (create): a Runtime on a SimulatedClock starts the `sleeper` workflow (sleep PT5M, then
 * an end state) in batches of `createBatch` started together; after each batch the worker runs
 * them into the sleep state (create, claim, one commit with the timer). The clock moves by
 * `window / batches` between batches, so the N due times spread evenly over `windowMs` (60 s):
 * ~1,667 timers/s for 100,000. Then, with every instance waiting, the process RSS (after a forced
 * GC when --expose-gc is on) and the database size (SQLite: file + -wal; PostgreSQL:
 * pg_database_size) are read.
 *
 * Phase 2 (fire): a new Runtime on the same store runs as a real worker: `runtime.run()` with Node
 * timers, polling every `pollMs` (100) and claiming up to `batch` (250) instances per poll, so it
 * can claim 2,500/s, 1.5 times the due rate; the Runtime's default of 64 per 250 ms caps a worker
 * at 256/s. It reads a real clock shifted by a fixed offset so the first timer comes due `leadMs`
 * after the worker starts (the offset keeps phase 1's simulated due times without waiting the 5
 * minutes). Each firing reports its lateness through the ObservedStore: claim lateness (claimed
 * minus due: the poll interval plus claim time) and commit lateness (the step that fired it
 * committed, minus due). Timers not fired within `graceMs` after the window count as infinitely
 * late. RSS is sampled while firing.
 *
 * run.ts calls `forkWaiting`, which runs this file in a child process (a fresh heap, so the RSS is
 * the waiting worker's alone); the smoke test calls `runWaiting` in-process with small N.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MemoryCatalog, Runtime, SequentialIds, SimulatedClock, type Clock, type Scheduler } from '@sluice/engine';
import { quietLog } from './drive.js';
import { ObservedStore } from './observed-store.js';
import { BenchDatabase, PG_SETTINGS, openBenchStore, type StoreKind } from './stores.js';
import { sleeperWorkload } from './workloads.js';

export interface WaitingOptions {
  readonly kind: StoreKind;
  readonly count: number;
  readonly tmpDir: string;
  readonly windowMs?: number;
  readonly pollMs?: number;
  readonly batch?: number;
  readonly createBatch?: number;
  readonly leadMs?: number;
  /** How long after the last due time the bench waits for stragglers before giving up (default 120 s). */
  readonly graceMs?: number;
}

/**
 * Percentiles of a lateness sample, in ms; `null` when that percentile falls on a timer that never
 * fired (infinitely late; null rather than Infinity, which JSON, and so IPC, turns into null anyway).
 */
export interface Lateness {
  readonly p50: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

export interface WaitingResult {
  readonly kind: StoreKind;
  readonly count: number;
  readonly createPerSecond: number;
  readonly rssBaseMB: number;
  readonly rssWaitingMB: number;
  readonly heapWaitingMB: number;
  readonly rssPeakFiringMB: number;
  readonly db?: { bytes: number; detail: string };
  readonly fired: number;
  readonly completed: number;
  readonly fireSeconds: number;
  readonly claimLate: Lateness;
  readonly commitLate: Lateness;
  /** Due-claims while firing: instances returned, re-claims of instances still in flight, releases. */
  readonly claims: { claimed: number; reclaimed: number; releases: number };
  /** Store calls while firing: count and mean latency (ms) per method. */
  readonly firingOps: Record<string, { n: number; meanMs: number }>;
  readonly settings: string;
}

const SLEEP_MS = 5 * 60_000;
const nodeScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};
const rssMB = (): number => process.memoryUsage().rss / 1e6;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await pause(50);
  }
}

function percentiles(sample: Float64Array): Lateness {
  const s = Float64Array.from(sample).sort();
  const at = (q: number): number | null => {
    const v = s.length === 0 ? Number.POSITIVE_INFINITY : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
    return Number.isFinite(v) ? v : null;
  };
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** Runs both phases in this process (see the module comment). */
export async function runWaiting(o: WaitingOptions): Promise<WaitingResult> {
  const windowMs = o.windowMs ?? 60_000;
  const pollMs = o.pollMs ?? 100;
  const batch = o.batch ?? 250;
  const createBatch = o.createBatch ?? 100;
  const leadMs = o.leadMs ?? 2_000;
  const pg = o.kind === 'postgres' ? await BenchDatabase.create('sluice_bench_wait', PG_SETTINGS) : undefined;
  try {
    const opened = await openBenchStore(o.kind, { tmpDir: o.tmpDir, ...(pg ? { pg } : {}) }, 'waiting');
    const workload = await sleeperWorkload('PT5M');
    const catalog = new MemoryCatalog().add({ def: workload.def, config: workload.config });
    await settle();
    const rssBaseMB = rssMB();

    // Phase 1: N instances into the sleep state, due times spread over the window.
    const sim = new SimulatedClock();
    const t0 = sim.now();
    const creator = new Runtime({ store: opened.store, clock: sim, ids: new SequentialIds('w-'), catalog, invokers: [], log: quietLog, worker: 'creator' });
    const batches = Math.ceil(o.count / createBatch);
    const createStart = performance.now();
    for (let b = 0; b < batches; b++) {
      sim.set(t0 + Math.floor((b * windowMs) / batches));
      const n = Math.min(createBatch, o.count - b * createBatch);
      await Promise.all(Array.from({ length: n }, () => creator.start(workload.def.id, workload.input)));
      await creator.idle();
    }
    const createPerSecond = o.count / ((performance.now() - createStart) / 1000);
    await settle();
    const rssWaitingMB = rssMB();
    const heapWaitingMB = process.memoryUsage().heapUsed / 1e6;
    const db = await opened.size();

    // Phase 2: a real worker on a real clock, shifted so the first timer is due `leadMs` from now.
    const offset = t0 + SLEEP_MS - leadMs - Date.now();
    const clock: Clock = { now: () => Date.now() + offset };
    const store = new ObservedStore(opened.store, clock);
    // Timers that never fired count as infinitely late.
    const claimLate = new Float64Array(o.count).fill(Number.POSITIVE_INFINITY);
    const commitLate = new Float64Array(o.count).fill(Number.POSITIVE_INFINITY);
    let fired = 0;
    store.onTimerFired = (f) => {
      if (fired < o.count) {
        claimLate[fired] = f.claimLateMs;
        commitLate[fired] = f.commitLateMs;
      }
      fired += 1;
    };
    const worker = new Runtime({ store, clock, ids: new SequentialIds('x-'), catalog, invokers: [], log: quietLog, worker: 'waiter', pollMs, batch });
    let rssPeakFiringMB = rssMB();
    const sampler = setInterval(() => (rssPeakFiringMB = Math.max(rssPeakFiringMB, rssMB())), 200);
    const fireStart = performance.now();
    worker.run(nodeScheduler);
    const deadline = Date.now() + leadMs + windowMs + (o.graceMs ?? 120_000);
    while (store.endedTotal < o.count && Date.now() < deadline) await pause(50);
    worker.stop();
    await worker.idle();
    clearInterval(sampler);
    const fireSeconds = (performance.now() - fireStart - leadMs) / 1000;
    await opened.close();
    return {
      kind: o.kind,
      count: o.count,
      createPerSecond,
      rssBaseMB,
      rssWaitingMB,
      heapWaitingMB,
      rssPeakFiringMB,
      ...(db ? { db } : {}),
      fired,
      completed: store.ended.completed,
      fireSeconds,
      claimLate: percentiles(claimLate),
      commitLate: percentiles(commitLate),
      claims: { ...store.claims, releases: store.ops['release']?.n ?? 0 },
      firingOps: Object.fromEntries(Object.entries(store.ops).map(([k, v]) => [k, { n: v.n, meanMs: v.ms / v.n }])),
      settings: `pollMs ${pollMs}, batch ${batch}, due over ${windowMs / 1000} s`,
    };
  } finally {
    await pg?.drop();
  }
}

/** Runs {@link runWaiting} in a child process with --expose-gc (a fresh heap). */
export function forkWaiting(o: WaitingOptions): Promise<WaitingResult> {
  const file = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = fork(file, [JSON.stringify(o)], { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let result: WaitingResult | { error: string } | undefined;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2_000)));
    child.on('message', (m) => (result = m as WaitingResult | { error: string }));
    child.on('exit', (code) => {
      if (result && !('error' in result)) resolve(result);
      else reject(new Error(result?.error ?? `waiting bench exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.send) {
  runWaiting(JSON.parse(process.argv[2] ?? '{}') as WaitingOptions).then(
    (r) => process.send!(r, undefined, undefined, () => process.exit(0)),
    (err: unknown) => process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, undefined, undefined, () => process.exit(1)),
  );
}
