// The process wiring of sluice-jq (main.ts): real argv, pipes, files, env and exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
/** The package folder: `--import tsx` resolves tsx from the working directory. */
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

function sluiceJq(args: string[], input: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    input,
    cwd: PACKAGE,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('sluice-jq process (main.ts)', () => {
  it('reads standard input and files, prints, and exits with the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-jq-'));
    writeFileSync(join(dir, 'in.json'), '{"a":[1,2]}\n');
    expect(sluiceJq(['-c', '.a', join(dir, 'in.json')], '')).toEqual({ stdout: '[1,2]\n', stderr: '', code: 0 });
    expect(sluiceJq(['.a'], '1\n')).toEqual({
      stdout: '',
      stderr: 'jq: error (at <stdin>:1): Cannot index number with string "a"\n',
      code: 5,
    });
    expect(sluiceJq(['-n', '-r', '$ENV.GREETING'], '', { GREETING: 'hi' })).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
  }, 30_000);

  it('writes large outputs completely', () => {
    const r = sluiceJq(['-c', '-n', '[range(100000)] | .[]'], '');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(488890 + 100000);
  }, 30_000);
});
