/**
 * The durable-store benchmark of issue 4 ("Speed (benchmark)"), run on the built engine:
 *
 *   npm run bench -w packages/stores              # full run (7 to 10 minutes)
 *   npm run bench -w packages/stores -- --quick   # smoke run, seconds (numbers meaningless)
 *
 * Options: --no-dbos (skip the peer), --no-waiting (skip the sleepers), --waiting=<n> (sleepers
 * per store, default 100,000; 0 skips), --pg-waiting=<n> (PostgreSQL's count, default the same; a
 * run that falls behind gives up 120 s after the last due time, so it ends within ~5 minutes).
 * Environment: SLUICE_BENCH_PG_URL (maintenance database, default
 * postgres://postgres@127.0.0.1:5432/postgres), SLUICE_BENCH_DBOS_DIR (DBOS scratch folder),
 * SLUICE_BENCH_PG_SET (server settings for Sluice's bench databases, for experiments; stores.ts).
 *
 * Sections, all in one run and printed as one table:
 * 1. straight-through instances/s of the seed small path, the 20-state workflow and the three-step
 *    workflow on memory, SQLite and PostgreSQL at 1 and 50 in flight (straight-through.ts, drive.ts);
 * 2. DBOS Transact's three-step workflow on the same server at the same concurrencies (dbos-peer.ts);
 *    1 and 2 run in 3 rounds, alternating, and each figure is its cell's median round;
 * 3. 100,000 sleeping instances per store: RSS, database size, timer lateness (waiting.ts).
 * Progress goes to stderr, the Markdown report to stdout. PostgreSQL work happens in databases the
 * bench creates and drops; SQLite files live in a tmp folder removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { medianDbos, runDbosPeer, type DbosResult } from './dbos-peer.js';
import { mainTable, timeTable, type BenchReport } from './report.js';
import { medianCells, runStraightThrough, type StraightCell } from './straight-through.js';
import { BenchDatabase, PG_SETTINGS, STORE_LABEL, type StoreKind } from './stores.js';
import { forkWaiting, type WaitingResult } from './waiting.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string): number | undefined => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? undefined : Number(a.slice(name.length + 3));
};
const progress = (line: string): void => void process.stderr.write(`${line}\n`);
const CONCURRENCIES = [1, 50];
const rounds = quick ? 1 : 3;
const seconds = quick ? 0.3 : 1.5;
const warmupSeconds = quick ? 0.1 : 0.5;
const waitingCount = flag('waiting') ?? (quick ? 500 : 100_000);
const pgWaitingCount = flag('pg-waiting') ?? waitingCount;
const windowMs = quick ? 1_000 : 60_000;
const leadMs = quick ? 300 : 2_000;

const startedAt = new Date();
const load0 = loadavg()[0]!;
const tmpDir = mkdtempSync(join(tmpdir(), 'sluice-stores-bench-'));
let pg: BenchDatabase | undefined;
let pgNote = '';
try {
  pg = await BenchDatabase.create('sluice_bench', PG_SETTINGS);
} catch (err) {
  pgNote = `PostgreSQL not available (${err instanceof Error ? err.message : String(err)}): its columns are skipped.`;
  progress(pgNote);
}
const kinds: StoreKind[] = pg ? ['memory', 'sqlite', 'postgres'] : ['memory', 'sqlite'];

let cells: StraightCell[] = [];
let dbos: DbosResult | undefined;
const waiting: (WaitingResult | { kind: StoreKind; error: string })[] = [];
try {
  const roundCells: StraightCell[][] = [];
  const dbosRounds: DbosResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    progress(`round ${round} of ${rounds}: straight-through, ${seconds} s per cell after ${warmupSeconds} s warm-up`);
    roundCells.push(
      await runStraightThrough({
        sites: { tmpDir, ...(pg ? { pg } : {}) },
        kinds,
        concurrencies: CONCURRENCIES,
        seconds,
        warmupSeconds,
        onCell: (c) => progress(`  ${c.workload}, ${c.concurrency} in flight, ${STORE_LABEL[c.kind]}: ${c.result ? `${Math.round(c.result.perSecond)}/s` : c.error}`),
      }),
    );
    if (args.includes('--no-dbos')) continue;
    progress(`round ${round} of ${rounds}: DBOS peer (installed into or reused from the scratch folder)`);
    const d = await runDbosPeer({ concurrencies: CONCURRENCIES, seconds, warmupSeconds });
    dbosRounds.push(d);
    progress(`  ${'skipped' in d ? d.skipped : d.figures.map((f) => `${f.concurrency} in flight: ${Math.round(f.perSecond)}/s`).join(', ')}`);
  }
  cells = medianCells(roundCells);
  dbos = medianDbos(dbosRounds);
  if (!args.includes('--no-waiting')) {
    for (const kind of kinds) {
      const count = kind === 'postgres' ? pgWaitingCount : waitingCount;
      if (count <= 0) continue;
      progress(`waiting: ${count.toLocaleString('en')} sleepers on ${STORE_LABEL[kind]} (child process)`);
      try {
        const r = await forkWaiting({ kind, count, tmpDir, windowMs, leadMs });
        waiting.push(r);
        progress(`  RSS ${Math.round(r.rssWaitingMB)} MB, lateness p99 ${r.commitLate.p99 === null ? '∞ (not all fired)' : `${Math.round(r.commitLate.p99)} ms`}`);
      } catch (err) {
        waiting.push({ kind, error: err instanceof Error ? err.message : String(err) });
        progress(`  failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
} finally {
  await pg?.drop().catch((err: unknown) => progress(`could not drop ${pg?.name}: ${String(err)}`));
  rmSync(tmpDir, { recursive: true, force: true });
}

const report: BenchReport = { cells, waiting, kinds, ...(dbos ? { dbos } : {}) };
const cpu = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`;
const out = [
  `# Sluice durable stores bench${quick ? ' (--quick: numbers meaningless)' : ''}`,
  '',
  `${startedAt.toISOString()}; node ${process.version}; ${cpu}; ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${load0.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
  `straight-through: median of ${rounds} round(s), each ${seconds} s per cell after a ${warmupSeconds} s warm-up on a fresh store, DBOS measured after each round; simulated clock for timers`,
  `waiting: one run per store in a child process, due over ${windowMs / 1000} s, real worker with pollMs 100, batch 250`,
  ...(pgNote ? [pgNote] : []),
  ...(dbos && 'skipped' in dbos ? [`DBOS skipped: ${dbos.skipped}`] : []),
  ...(dbos && 'figures' in dbos ? [`DBOS ${dbos.version} (${dbos.installed === 'cached' ? 'reused from' : 'installed into'} the scratch folder)`] : []),
  '',
  mainTable(report),
  '',
  'Where an instance\'s time goes (store calls per instance and their mean latency; every round\'s rate):',
  '',
  timeTable(report),
];
console.log(out.join('\n'));
const failed = cells.some((c) => !c.result) || waiting.some((w) => 'error' in w);
if (failed) process.exitCode = 1;
