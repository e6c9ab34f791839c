/**
 * `sluice worker --store <url> --workflows <dir>...`: a long-running worker that shares instances and
 * timers with other workers on the same store. SIGTERM stops it after in-flight work finishes.
 */
import { Runtime, formatIssue, type Logger } from '@sluice/engine';
import { createDefaultInvokers } from '@sluice/functions';
import { nodeScheduler, openStore } from '@sluice/server/host';
import { loadCatalog } from './load-catalog.js';
import { EXIT, type CliIo } from './io.js';

export interface WorkerArgs {
  store: string;
  workflows: string[];
  name?: string;
  leaseMs?: number;
  pollMs?: number;
  sets: string[];
}

/** Runs until `stop` resolves (the bin passes a promise settled by SIGTERM/SIGINT). */
export async function workerCommand(args: WorkerArgs, io: CliIo, stop: Promise<unknown>): Promise<number> {
  const { catalog, issues, loaded } = await loadCatalog({ paths: args.workflows, env: io.env, sets: args.sets });
  for (const i of issues) io.stderr.write(`${formatIssue(i)}\n`);
  if (loaded.length === 0) {
    io.stderr.write(`no workflow could be loaded from ${args.workflows.join(', ')}\n`);
    return EXIT.failed;
  }
  const opened = await openStore(args.store);
  const log: Logger = { log: (level, message) => void (level !== 'debug' && level !== 'trace' && io.stderr.write(`[${level}] ${message}\n`)) };
  const rt = new Runtime({
    store: opened.store,
    clock: { now: () => Date.now() },
    ids: { newId: () => crypto.randomUUID() },
    catalog,
    invokers: createDefaultInvokers(),
    log,
    ...(args.name ? { worker: args.name } : {}),
    ...(args.leaseMs ? { leaseMs: args.leaseMs } : {}),
    ...(args.pollMs ? { pollMs: args.pollMs } : {}),
  });
  io.stderr.write(`worker ${rt.worker} on ${opened.describe}: ${loaded.join(', ')}\n`);
  await rt.recover();
  rt.run(nodeScheduler);
  const unlisten = opened.onWake?.(() => void rt.tick().catch(() => undefined));
  await stop;
  unlisten?.();
  io.stderr.write(`worker ${rt.worker} stopping\n`);
  // Graceful: no new polls; calls in flight finish and their steps are committed.
  rt.stop();
  await rt.idle();
  await opened.close();
  return EXIT.ok;
}
