/**
 * The server under load: `startServer` (this package's sources) over a bench folder holding a
 * sluice.yaml, the workflows and the default catalog, in a child process by default, so the load
 * generator does not share its event loop. Its logs (level from sluice.yaml) go to /dev/null.
 * The parent asks it, over IPC, how many instances of a workflow are in each status.
 */
import { fork } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { loadServerConfig, startServer, type RunningServer } from '../src/index.js';
import { REPO } from './workloads.js';

export interface BenchServerOptions {
  /** A fresh folder; sluice.yaml, workflows/, catalog/ and data/ go there. */
  readonly dir: string;
  /** `postgres://…`; default SQLite in `dir/data`. */
  readonly database?: string;
  /** sluice.yaml settings beside the bench's own (port, host, watch, logLevel). */
  readonly settings: Record<string, unknown>;
  /** The static token the load generator sends. */
  readonly token: string;
  readonly inProcess?: boolean;
}

export interface BenchServer {
  readonly url: string;
  /** Instances of `workflowId` by status. */
  counts(workflowId: string): Promise<Record<string, number>>;
  /** Moves the server's clock forward (the smoke test skips the seed's 15 s sleep). */
  advanceClock(ms: number): Promise<void>;
  /** Resident set size of the server process, MB. */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

type Request = { counts: string } | { advance: number } | 'rss' | 'exit';
type Reply = { up: string } | { counts: Record<string, number> } | { rss: number } | { ok: true } | { error: string };

/** Writes sluice.yaml and the catalog into `dir` (workflows must be installed already), starts the server. */
export async function startBenchServer(o: BenchServerOptions): Promise<BenchServer> {
  cpSync(join(REPO, 'catalog'), join(o.dir, 'catalog'), { recursive: true });
  const yaml = { watch: false, logLevel: 'info', ...o.settings, ...(o.database ? { database: o.database } : {}) };
  writeFileSync(join(o.dir, 'sluice.yaml'), stringify(yaml));
  if (o.inProcess) return serveHere(o.dir, o.token, true);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', o.dir, o.token], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  // One question at a time is asked; answers come back in order.
  const pending: ((r: Reply) => void)[] = [];
  const ask = (r: Request): Promise<Reply> =>
    new Promise((resolve, reject) => {
      pending.push((reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)));
      child.send(r);
    });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.on('message', (m: Reply) => {
      if ('up' in m) {
        resolve({
          url: m.up,
          counts: async (id) => ((await ask({ counts: id })) as { counts: Record<string, number> }).counts,
          advanceClock: async (ms) => void (await ask({ advance: ms })),
          rssMb: async () => ((await ask('rss')) as { rss: number }).rss,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.send('exit');
            }),
        });
      } else if ('error' in m && pending.length === 0) reject(new Error(m.error));
      else pending.shift()?.(m);
    });
  });
}

/** Real time plus a skew that `advanceClock` moves. */
class BenchClock {
  skew = 0;
  now(): number {
    return Date.now() + this.skew;
  }
}

async function serveHere(dir: string, token: string, quiet: boolean): Promise<BenchServer & { running: RunningServer }> {
  const clock = new BenchClock();
  const config = loadServerConfig({ flags: { port: '0', host: '127.0.0.1' }, env: { SLUICE_EXTERNAL_ACCESS: `bench:${token}` }, cwd: dir });
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const running = await startServer(config, { env: {}, clock, ...(quiet ? { logDestination: sink } : {}) });
  return {
    running,
    url: running.url,
    counts: async (workflowId) => {
      const rows = await running.ctx.db.db
        .selectFrom('sluice_instances')
        .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .where('workflow_id', '=', workflowId)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    advanceClock: async (ms) => {
      clock.skew += ms;
    },
    rssMb: async () => process.memoryUsage().rss / 1024 / 1024,
    stop: () => running.close(),
  };
}

async function child(dir: string, token: string): Promise<void> {
  const server = await serveHere(dir, token, false);
  const send = (m: Reply): void => void process.send?.(m);
  process.on('message', (m: Request) => {
    if (m === 'exit') void server.stop().finally(() => process.exit(0));
    else if (m === 'rss') send({ rss: process.memoryUsage().rss / 1024 / 1024 });
    else if ('advance' in m) void server.advanceClock(m.advance).then(() => send({ ok: true }));
    else
      server.counts(m.counts).then(
        (counts) => send({ counts }),
        (err: unknown) => send({ error: String(err) }),
      );
  });
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
  send({ up: server.url });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--serve') {
  child(process.argv[3]!, process.argv[4]!).catch((err: unknown) => {
    process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    process.exit(1);
  });
}
