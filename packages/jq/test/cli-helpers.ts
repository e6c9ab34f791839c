/**
 * Shared by the CLI's end-to-end tests (`src/cli/cli*.test.ts`): the recorded case shape, the
 * in-memory files and environment the jq 1.6 recorder used, and the runner that checks each case.
 * @module
 */
import { expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';

/** One CLI run: arguments and standard input, and what jq 1.6 printed and returned. */
export interface CliCase {
  name: string;
  args: string[];
  stdin?: string | Uint8Array;
  stdout: string;
  stderr: string;
  code: number;
  /** Why sluice-jq deliberately differs here. */
  skip?: string;
}

/** The files every case sees (the recorder wrote the same files for jq). */
const FILES: Readonly<Record<string, string>> = {
  'f1.json': '{"a":1}\n',
  'f2.json': '2\n3',
  'a.json': '1',
  'b.json': '2',
  'raw.txt': 'a\nb',
  'prog.jq': '.a | tostring\n',
  'bad-prog.jq': '# a comment\n.a |\n',
  'bad.json': '1 2 {',
  'two.json': '[1] [2]',
  'one.json': '{"x":1}',
  'utf8.txt': 'é\n',
};
const DIRS = new Set(['dir', '.']);
export const ENV = { HOME: '/home/ada', FOO: 'bar' };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

export function readFile(path: string): string {
  if (DIRS.has(path)) throw fsError('EISDIR', path);
  const text = FILES[path];
  if (text === undefined) throw fsError('ENOENT', path);
  return text;
}

export function hex(h: string): Uint8Array {
  return Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

function runCase(c: CliCase): { stdout: string; stderr: string; code: number } {
  let stdout = '';
  let stderr = '';
  const code = runCli({
    argv: c.args,
    stdin: c.stdin ?? '',
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile,
    env: ENV,
  });
  return { stdout, stderr, code };
}

export function runCases(cases: CliCase[]): void {
  for (const c of cases) {
    const test = c.skip === undefined ? it : it.skip;
    test(c.name, () => {
      expect(runCase(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
}
