/** Spawning `sluice worker` processes (the built CLI) and killing them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));

/** A worker process and its collected stderr. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  log(): string;
  exited: Promise<number | null>;
  /** Resolves once the worker has printed its start line (signal handlers are installed by then). */
  ready: Promise<void>;
}

/** Starts a worker on `store` for the workflows in `dir`. */
export function spawnWorker(opts: { name: string; store: string; dir: string; leaseMs: number; pollMs?: number }): WorkerProcess {
  const child = spawn(
    process.execPath,
    [BIN, 'worker', '--store', opts.store, '--workflows', opts.dir, '--name', opts.name, '--lease-ms', String(opts.leaseMs), '--poll-ms', String(opts.pollMs ?? 50)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
    if (log.includes(`worker ${opts.name} on `)) markReady();
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  void exited.then(() => markReady());
  return { name: opts.name, child, log: () => log, exited, ready };
}

/** SIGKILLs a worker and waits for it to be gone. */
export async function kill(w: WorkerProcess): Promise<void> {
  w.child.kill('SIGKILL');
  await w.exited;
}

/** SIGTERMs a worker (once it is up) and waits for its exit code. */
export async function stopWorker(w: WorkerProcess): Promise<number | null> {
  await w.ready;
  w.child.kill('SIGTERM');
  return w.exited;
}
