/**
 * Starts a real `sluice serve` in-process on 127.0.0.1 (port 0) over a fresh data directory, with
 * the given workflow folders copied in and the default catalog, on SQLite (default) or on a
 * PostgreSQL URL. Gives tokens for the default users and a static service token.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { loadServerConfig, startServer, type RunningServer, type StartServerOptions } from '../../src/index.js';

export const REPO = resolve(import.meta.dirname, '../../../..');
export const SEED_FOLDER = join(REPO, 'workflows/create-ocp-namespace-swt');
export const DEFAULT_CATALOG = join(REPO, 'catalog');

/** The static token every test server accepts, with subject `test-scripts`. */
export const SERVICE_TOKEN = 'test-service-token-0123456789';
export const SERVICE_SUBJECT = 'test-scripts';

export interface TestServer extends RunningServer {
  readonly dir: string;
  /** Log lines written so far (JSON objects). */
  readonly logs: () => Record<string, unknown>[];
  /** A portal token for a catalog user (`dev1`, `admin`, or a full ref). */
  tokenFor(user: string): Promise<string>;
  /** fetch against the server with an optional bearer token. */
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Workflow folders to copy into the server's workflows folder. */
  readonly workflows?: readonly string[];
  /** `postgres://...`; default a SQLite file in the data directory. */
  readonly database?: string;
  /** Extra sluice.yaml settings (merged at top level). */
  readonly settings?: Record<string, unknown>;
  /** Environment for the server and its workflows. */
  readonly env?: Record<string, string>;
  /** Reuse a directory (restart tests). */
  readonly dir?: string;
  /** The self-wiring token to use (written to the data directory before start). */
  readonly selfToken?: string;
  /** Clock for the runtime (default real time). */
  readonly clock?: { now(): number };
  /** Template folders (each holding a template.yaml) to copy into the server's templates folder. */
  readonly templates?: readonly string[];
  /** Extra scaffolder actions (test-only actions). */
  readonly scaffolderActions?: StartServerOptions['scaffolderActions'];
}

/** Real time plus a skew the test can advance, so that sleeps and timers fire without waiting. */
export class SkewedClock {
  private skew = 0;
  now(): number {
    return Date.now() + this.skew;
  }
  advance(ms: number): void {
    this.skew += ms;
  }
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'sluice-server-'));
  if (!opts.dir) {
    for (const w of opts.workflows ?? []) cpSync(w, join(dir, 'workflows', basename(w)), { recursive: true });
    for (const t of opts.templates ?? []) cpSync(t, join(dir, 'templates', basename(t)), { recursive: true });
    cpSync(DEFAULT_CATALOG, join(dir, 'catalog'), { recursive: true });
  }
  if (opts.selfToken) {
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'workflows.token'), `${opts.selfToken}\n`, { mode: 0o600 });
  }
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const config = loadServerConfig({
    flags: { port: '0', host: '127.0.0.1', 'data-dir': join(dir, 'data'), workflows: join(dir, 'workflows'), catalog: join(dir, 'catalog'), templates: join(dir, 'templates'), ...(opts.database ? { database: opts.database } : {}) },
    env: { SLUICE_EXTERNAL_ACCESS: `${SERVICE_SUBJECT}:${SERVICE_TOKEN}`, SLUICE_LOG_LEVEL: 'debug' },
    cwd: dir,
  });
  const merged = opts.settings ? Object.freeze({ ...config, ...opts.settings }) : config;
  const server = await startServer(merged as typeof config, { env: { ...opts.env }, logDestination: sink, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.scaffolderActions ? { scaffolderActions: opts.scaffolderActions } : {}) });
  const request: TestServer['request'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${server.url}${path}`, { ...init, headers, ...(body !== undefined ? { body } : {}) });
  };
  return {
    ...server,
    dir,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    tokenFor: (user) => server.ctx.userTokens.issue(user.includes(':') ? user : `user:default/${user}`),
    request,
    stop: async () => {
      await server.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
