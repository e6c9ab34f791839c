/**
 * The DBOS Transact peer: installs `@dbos-inc/dbos-sdk` (exact version below) into a scratch folder
 * outside the repository with `npm install --no-save --prefix <dir>` (never a project dependency;
 * the folder is reused by later runs when it already holds that version), creates a fresh
 * PostgreSQL database for it, runs dbos-child.ts in a child process and drops the database.
 *
 * The folder is `$SLUICE_BENCH_DBOS_DIR`, else `<os tmpdir>/sluice-bench-dbos`. Any failure
 * (offline registry, no PostgreSQL, DBOS error) comes back as `{ skipped: why }` so the rest of the
 * bench still runs.
 *
 * Version: 5.3.0, the newest 5.x on the registry when this bench was written; it declares
 * `engines.node >= 20` and runs on Node 20.
 */
import { execFile, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DbosFigure, DbosMessage } from './dbos-child.js';
import { BenchDatabase } from './stores.js';

export const DBOS_VERSION = '5.3.0';

/** One concurrency's figure; `perRound` lists every round's workflows/s when rounds were merged. */
export interface DbosRow extends DbosFigure {
  readonly perRound?: readonly number[];
}

/** The peer's figures, or why there are none. */
export type DbosResult = { readonly version: string; readonly figures: readonly DbosRow[]; readonly installed: 'cached' | 'now' } | { readonly skipped: string };

/** Merges rounds: per concurrency the median round; skipped when any round was. */
export function medianDbos(rounds: readonly DbosResult[]): DbosResult | undefined {
  const skipped = rounds.find((r): r is { skipped: string } => 'skipped' in r);
  if (skipped || rounds.length === 0) return skipped;
  const ok = rounds as readonly Extract<DbosResult, { figures: unknown }>[];
  const first = ok[0]!;
  const figures = first.figures.map((f) => {
    const same = ok.map((r) => r.figures.find((x) => x.concurrency === f.concurrency)).filter((x): x is DbosRow => x !== undefined);
    const sorted = [...same].sort((a, b) => a.perSecond - b.perSecond);
    return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, perRound: same.map((x) => x.perSecond) };
  });
  return { version: first.version, installed: first.installed, figures };
}

/** The scratch folder DBOS is installed into. */
export function dbosDir(): string {
  return process.env.SLUICE_BENCH_DBOS_DIR ?? join(tmpdir(), 'sluice-bench-dbos');
}

function installedVersion(dir: string): string | undefined {
  const pkg = join(dir, 'node_modules', '@dbos-inc', 'dbos-sdk', 'package.json');
  if (!existsSync(pkg)) return undefined;
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version;
}

/** Installs DBOS unless the folder already holds DBOS_VERSION. */
export async function ensureDbos(dir: string): Promise<'cached' | 'now'> {
  if (installedVersion(dir) === DBOS_VERSION) return 'cached';
  mkdirSync(dir, { recursive: true });
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `@dbos-inc/dbos-sdk@${DBOS_VERSION}`];
  try {
    await promisify(execFile)('npm', args, { cwd: dir, timeout: 180_000 });
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    const tail = (e.stderr ?? e.message ?? String(err)).trim().split('\n').slice(-3).join(' / ');
    throw new Error(`npm ${args.join(' ')} failed: ${tail}`);
  }
  if (installedVersion(dir) !== DBOS_VERSION) throw new Error(`npm install finished but ${dir} holds no @dbos-inc/dbos-sdk ${DBOS_VERSION}`);
  return 'now';
}

/** Options of {@link runDbosPeer}. */
export interface DbosPeerOptions {
  readonly concurrencies: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
}

/** Installs (or reuses) DBOS and measures it; never throws. */
export async function runDbosPeer(o: DbosPeerOptions): Promise<DbosResult> {
  const dir = dbosDir();
  let installed: 'cached' | 'now';
  try {
    installed = await ensureDbos(dir);
  } catch (err) {
    return { skipped: `DBOS could not be installed: ${err instanceof Error ? err.message : String(err)}` };
  }
  let db: BenchDatabase;
  try {
    db = await BenchDatabase.create('sluice_bench_dbos');
  } catch (err) {
    return { skipped: `no PostgreSQL for DBOS: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    const m = await runChild(dir, db.url, o);
    return 'error' in m ? { skipped: `DBOS failed: ${m.error}` } : { version: m.version, figures: m.figures, installed };
  } finally {
    await db.drop().catch(() => undefined);
  }
}

function runChild(dir: string, url: string, o: DbosPeerOptions): Promise<DbosMessage> {
  const file = fileURLToPath(new URL('./dbos-child.ts', import.meta.url));
  const args = [dir, url, String(o.seconds), String(o.warmupSeconds), o.concurrencies.join(',')];
  return new Promise((resolve) => {
    const child = fork(file, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let message: DbosMessage | undefined;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2_000);
    });
    child.on('message', (m) => {
      message = m as DbosMessage;
    });
    child.on('exit', (code) => {
      resolve(message ?? { error: `child exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}` });
    });
  });
}
