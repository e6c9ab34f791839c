/**
 * The HTTP benchmark of `sluice serve` (issue goal: p99 under 25 ms at 500 requests/s):
 *
 *   npm run bench -w packages/server                 # full run, about 13 minutes
 *   npm run bench -w packages/server -- --quick      # smoke run (numbers meaningless)
 *
 * Options: --rate=<req/s> (500), --connections=<n> (20), --seconds=<n> (20), --warmup=<n> (5),
 * --only=<sqlite|postgres|trivial|seed|autocannon|paced>[,...]. Environment: SLUICE_BENCH_PG_URL (maintenance
 * database, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * For each database (SQLite in a temp folder, PostgreSQL in a database created and dropped here) and
 * each workload (workloads.ts) and each load generator, a fresh server runs in a child process; the
 * generator in this process POSTs `execute` with a static token: autocannon (load.ts), then evenly
 * spaced arrivals (paced-load.ts). The bench then waits until every started instance has ended
 * (scenario.ts). Progress goes to stderr, the Markdown report to stdout.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { resultTable } from './report.js';
import { DATABASE_LABEL, runScenario, type DatabaseKind, type Generator, type ScenarioResult } from './scenario.js';
import type { WorkloadName } from './workloads.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string, dflt: number): number => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? dflt : Number(a.slice(name.length + 3));
};
const only = (args.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? []).filter(Boolean);
const rate = flag('rate', quick ? 50 : 500);
const connections = flag('connections', 20);
const seconds = flag('seconds', quick ? 2 : 20);
const warmupSeconds = flag('warmup', quick ? 1 : 5);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

const databases = (['sqlite', 'postgres'] as DatabaseKind[]).filter((d) => !only.some((o) => o === 'sqlite' || o === 'postgres') || only.includes(d));
const workloads = (['trivial', 'seed'] as WorkloadName[]).filter((w) => !only.some((o) => o === 'trivial' || o === 'seed') || only.includes(w));
const generators = (['autocannon', 'paced'] as Generator[]).filter((g) => !only.some((o) => o === 'autocannon' || o === 'paced') || only.includes(g));

const startedAt = new Date();
const load0 = loadavg()[0]!;
const results: (ScenarioResult | { workload: WorkloadName; database: DatabaseKind; generator: Generator; error: string })[] = [];
for (const database of databases) {
  for (const workload of workloads) {
    for (const generator of generators) {
      progress(`${workload} on ${DATABASE_LABEL[database]}, ${generator}: ${rate} req/s over ${connections} connections, ${warmupSeconds} s warm-up, ${seconds} s measured`);
      try {
        results.push(await runScenario({ workload, database, generator, rate, connections, warmupSeconds, seconds, progress }));
      } catch (err) {
        progress(`  failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        results.push({ workload, database, generator, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}

const cpu = cpus();
process.stdout.write(
  [
    `Run on ${startedAt.toISOString().slice(0, 10)}, Node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB;`,
    `load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end. ${rate} req/s, ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s measured per row.`,
    '',
    resultTable(results, rate),
    '',
    ...results.flatMap((r) =>
      'error' in r
        ? []
        : [
            `- ${r.workload} on ${DATABASE_LABEL[r.database]}, ${r.generator}: warm-up ${r.warmup.perSecond.toFixed(1)} req/s, p99 ${r.warmup.latencyMs.p99} ms; measured statuses ${JSON.stringify(r.measured.statuses)}` +
              (r.backstage ? `; Backstage fake answered ${r.backstage.requests} requests, ${r.backstage.violations.length} spec violations` : ''),
          ],
    ),
    '',
  ].join('\n'),
);
