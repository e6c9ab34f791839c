/**
 * The jq 1.6 oracle: runs `/usr/bin/jq -c` on one program and input and reads back its outputs and
 * error text. Used by the differential test and by `record-regression.ts`.
 * @module
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Json } from '../src/ast.js';
import { parseJsonLine } from './jq-test-format.js';

/** Where the oracle lives (Debian 12's `jq` package is 1.6). */
export const JQ_PATH = process.env.SLUICE_JQ_PATH ?? '/usr/bin/jq';

/** `jq --version` of the oracle, or a description of why it could not be run. */
export const ORACLE_VERSION: string = (() => {
  const result = spawnSync(JQ_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.error) return `not runnable: ${result.error.message}`;
  return `${result.stdout}${result.stderr}`.trim() || `exit code ${String(result.status)}`;
})();

/** True when the oracle is jq 1.6, the only version our recorded answers are for. */
export const ORACLE_IS_JQ16 = ORACLE_VERSION === 'jq-1.6';

/** What one oracle run produced. */
export interface OracleResult {
  /**
   * `ok`: finished normally; `error`: a run-time error after `outputs`; `compile`: the program did
   * not compile; `timeout`: killed after the time limit; `overflow`: too much output; `other`: any
   * other exit (crash, assertion, halt_error); `notrun`: the pool's time budget ran out first.
   */
  status: 'ok' | 'error' | 'compile' | 'timeout' | 'overflow' | 'other' | 'notrun';
  outputs: Json[];
  /** For `error` and `compile`: jq's message without its `jq: error ...: ` prefix and location suffix. */
  message?: string;
  /** The raw stderr, for diagnostics. */
  stderr: string;
  exitCode: number | null;
}

/** Options for one oracle run. */
export interface OracleOptions {
  /** Extra CLI arguments before the program, e.g. `['--argjson', 'SECRET', '{}']`. */
  args?: string[];
  /** Kill jq after this long. Default 3000 ms. */
  timeoutMs?: number;
}

/** jq's environment: fixed, so that nothing on the host (e.g. `~/.jq`) changes its answers. */
const ORACLE_ENV = { PATH: '/usr/bin:/bin', HOME: '/nonexistent', TZ: 'UTC', LC_ALL: 'C', PAGER: 'less' };

/** Output above this many bytes counts as runaway. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * Turns jq's stdout, stderr and exit code into an {@link OracleResult}. Run-time errors read
 * `jq: error (at <stdin>:N): MSG` (or `jq: error (at <stdin>:N) (not a string): JSON`, which our
 * engine spells `JSON (not a string)`); compile errors read `jq: error: MSG at <top-level>, line 1:`.
 */
export function parseOracleOutput(stdout: string, stderr: string, exitCode: number | null): OracleResult {
  const outputs: Json[] = [];
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const parsed = parseJsonLine(line);
    if (!parsed) return { status: 'other', outputs, stderr: `unparsable output line: ${line}\n${stderr}`, exitCode };
    outputs.push(parsed.value);
  }
  if (exitCode === 0) return { status: 'ok', outputs, stderr, exitCode };
  if (exitCode === 3) {
    const m = /^jq: error: (.*?)(?: at <top-level>, line \d+:)?$/m.exec(stderr);
    return { status: 'compile', outputs, message: m ? m[1] : stderr.trim(), stderr, exitCode };
  }
  if (exitCode === 5) {
    const m = /^jq: error \(at [^\n]*?\)( \(not a string\))?: ([\s\S]*)$/m.exec(stderr);
    if (m) {
      const body = m[2].endsWith('\n') ? m[2].slice(0, -1) : m[2];
      return { status: 'error', outputs, message: m[1] ? `${body} (not a string)` : body, stderr, exitCode };
    }
  }
  return { status: 'other', outputs, stderr, exitCode };
}

function argv(program: string, options: OracleOptions): string[] {
  // jq 1.6 would read a program starting with `-` (e.g. `-.a`) as an option; a space keeps it a program.
  return ['-c', ...(options.args ?? []), program.startsWith('-') ? ` ${program}` : program];
}

/** Runs the oracle synchronously (for scripts and shrinking). */
export function runOracleSync(program: string, inputText: string, options: OracleOptions = {}): OracleResult {
  const result = spawnSync(JQ_PATH, argv(program, options), {
    input: inputText,
    encoding: 'utf8',
    env: ORACLE_ENV,
    timeout: options.timeoutMs ?? 3000,
    maxBuffer: MAX_OUTPUT_BYTES,
  });
  const raw = result.error as (Error & { code?: string }) | undefined;
  // jq exits before reading stdin when the program does not compile: EPIPE is not a failure.
  const error = raw?.code === 'EPIPE' ? undefined : raw;
  if (error?.code === 'ETIMEDOUT') return { status: 'timeout', outputs: [], stderr: '', exitCode: null };
  if (error?.code === 'ENOBUFS') return { status: 'overflow', outputs: [], stderr: '', exitCode: null };
  if (error) return { status: 'other', outputs: [], stderr: error.message, exitCode: null };
  if (result.signal) return { status: 'other', outputs: [], stderr: `killed by ${result.signal}`, exitCode: null };
  return parseOracleOutput(result.stdout, result.stderr, result.status);
}

/** Runs the oracle asynchronously. */
export function runOracle(program: string, inputText: string, options: OracleOptions = {}): Promise<OracleResult> {
  return new Promise((resolve) => {
    const child = spawn(JQ_PATH, argv(program, options), { env: ORACLE_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let ended: OracleResult['status'] | undefined;
    const timer = setTimeout(() => {
      ended = 'timeout';
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 3000);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES && !ended) {
        ended = 'overflow';
        child.kill('SIGKILL');
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ status: 'other', outputs: [], stderr: e.message, exitCode: null });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (ended) return resolve({ status: ended, outputs: [], stderr: '', exitCode: null });
      const stderr = Buffer.concat(err).toString('utf8');
      if (signal) return resolve({ status: 'other', outputs: [], stderr: `killed by ${signal}\n${stderr}`, exitCode: null });
      resolve(parseOracleOutput(Buffer.concat(out).toString('utf8'), stderr, code));
    });
    child.stdin.end(inputText);
  });
}

/** One oracle job for {@link runOraclePool}. */
export interface OracleJob {
  program: string;
  inputText: string;
  options?: OracleOptions;
}

/**
 * Runs many oracle jobs, a few jq processes at a time; results come back in job order. Jobs not
 * started by `deadline` (a `Date.now()` value) come back as `notrun`.
 */
export async function runOraclePool(
  jobs: readonly OracleJob[],
  options: { concurrency?: number; deadline?: number } = {},
): Promise<OracleResult[]> {
  const concurrency = options.concurrency ?? Math.max(2, availableParallelism());
  const deadline = options.deadline ?? Infinity;
  const results: OracleResult[] = new Array<OracleResult>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] =
        Date.now() > deadline
          ? { status: 'notrun', outputs: [], stderr: 'time budget exhausted', exitCode: null }
          : await runOracle(jobs[i].program, jobs[i].inputText, jobs[i].options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, () => worker()));
  return results;
}
