/** In-memory stdio for CLI tests. */
import type { CliIo } from '../src/io.js';

/** An io object whose streams collect text. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}
