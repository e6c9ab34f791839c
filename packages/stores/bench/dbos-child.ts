/**
 * The DBOS Transact peer, run in its own process by dbos-peer.ts (so DBOS's pools, background
 * loops and global registry never share a process with Sluice's cells). It loads
 * `@dbos-inc/dbos-sdk` from the scratch folder the bench installed it into, runs the three-step
 * workflow (three `DBOS.runStep` calls, each returning a value at once, so each step is one
 * durable checkpoint row) on the given PostgreSQL database, and sends the workflows per second
 * for each concurrency to the parent over IPC.
 *
 *   argv: <install dir> <database url> <seconds> <warm-up seconds> <concurrencies, comma-separated>
 *
 * DBOS's types are not available to the project's type check (it is not a dependency), so the
 * little of its API used here is declared below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of the `DBOS` class this bench calls. */
interface DbosApi {
  setConfig(config: { name: string; systemDatabaseUrl: string; logLevel?: string }): void;
  registerWorkflow<A extends unknown[], R>(fn: (...args: A) => Promise<R>, config?: { name: string }): (...args: A) => Promise<R>;
  runStep<R>(fn: () => Promise<R>, config?: { name: string }): Promise<R>;
  launch(): Promise<void>;
  shutdown(): Promise<void>;
}

/** One concurrency's figure, as sent to the parent. */
export interface DbosFigure {
  readonly concurrency: number;
  readonly workflows: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** What the child sends: figures, or why it could not run. */
export type DbosMessage = { readonly figures: DbosFigure[]; readonly version: string } | { readonly error: string };

async function main(): Promise<DbosMessage> {
  const [dir, url, seconds, warmup, concs] = process.argv.slice(2);
  if (!dir || !url || !seconds || !warmup || !concs) return { error: 'usage: dbos-child <dir> <url> <seconds> <warmup> <concurrencies>' };
  const pkgDir = join(dir, 'node_modules', '@dbos-inc', 'dbos-sdk');
  const mod = (await import(pathToFileURL(join(pkgDir, 'dist', 'src', 'index.js')).href)) as { DBOS: DbosApi };
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const DBOS = mod.DBOS;
  DBOS.setConfig({ name: 'sluice-bench', systemDatabaseUrl: url, logLevel: 'error' });
  const value = async (n: number): Promise<{ step: number; ok: boolean }> => ({ step: n, ok: true });
  const threeSteps = DBOS.registerWorkflow(
    async (seed: number) => {
      const a = await DBOS.runStep(() => value(1), { name: 'step1' });
      const b = await DBOS.runStep(() => value(2), { name: 'step2' });
      const c = await DBOS.runStep(() => value(3), { name: 'step3' });
      return { seed, a, b, c };
    },
    { name: 'threeSteps' },
  );
  await DBOS.launch();
  try {
    const figures: DbosFigure[] = [];
    for (const concurrency of concs.split(',').map(Number)) {
      await drive(threeSteps, concurrency, Number(warmup));
      const r = await drive(threeSteps, concurrency, Number(seconds));
      figures.push({ concurrency, ...r, perSecond: r.workflows / r.seconds });
    }
    return { figures, version };
  } finally {
    await DBOS.shutdown();
  }
}

/** `concurrency` loops, each running workflows one after another until the budget is spent. */
async function drive(wf: (seed: number) => Promise<unknown>, concurrency: number, seconds: number): Promise<{ workflows: number; seconds: number }> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let workflows = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await wf(workflows);
        workflows += 1;
      }
    }),
  );
  return { workflows, seconds: (performance.now() - start) / 1000 };
}

const send = (m: DbosMessage): void => {
  if (process.send) process.send(m);
  else console.log(JSON.stringify(m));
};

main().then(
  (m) => {
    send(m);
    process.exitCode = 0;
  },
  (err: unknown) => {
    send({ error: err instanceof Error ? `${err.message}` : String(err) });
    process.exitCode = 1;
  },
);
