/** `sluice validate`: output format, exit codes, folders, warnings vs errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './cli-io.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const BAD = join(repo, 'packages/engine/test/bad-definitions');

describe('sluice validate', () => {
  it('accepts the seed workflow folder with no problems', async () => {
    const io = memoryIo();
    expect(await main(['validate', join(repo, 'workflows/create-ocp-namespace-swt')], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('1 workflow file(s): 0 error(s), 0 warning(s)');
  });

  it('accepts every workflow shipped in workflows/ with no problems', async () => {
    const io = memoryIo();
    expect(await main(['validate', join(repo, 'workflows')], io)).toBe(0);
    expect(io.err()).toMatch(/^[2-9]\d* workflow file\(s\): 0 error\(s\), 0 warning\(s\)/m);
  });

  it('prints every problem as file:line:col code message and exits 1', async () => {
    const io = memoryIo();
    expect(await main(['validate', join(BAD, 'unknown-function.sw.yaml'), join(BAD, 'jq-compile-error.sw.yaml')], io)).toBe(1);
    const lines = io.out().trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/unknown-function\.sw\.yaml:\d+:\d+ UNKNOWN_FUNCTION .* \(at \/states\/0\/actions\/0\/functionRef/));
    expect(lines).toContainEqual(expect.stringMatching(/jq-compile-error\.sw\.yaml:8:9 JQ_COMPILE invalid jq expression .*\(at \/states\/0\/dataConditions\/0\/condition\)/));
    for (const l of lines) expect(l).toMatch(/^\S+:\d+:\d+ (warning )?[A-Z_]+ /);
  });

  it('walks folders and counts errors and warnings apart', async () => {
    const io = memoryIo();
    expect(await main(['validate', BAD], io)).toBe(1);
    expect(io.err()).toMatch(/\d+ workflow file\(s\): [1-9]\d* error\(s\), [1-9]\d* warning\(s\)/);
    expect(io.out()).toContain(' warning JQ_LITERAL ');
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-validate-'));
    const file = join(dir, 'warn.sw.yaml');
    writeFileSync(file, "id: warn\nspecVersion: '0.8'\nstates:\n  - name: Only\n    type: inject\n    data: {}\n    end: true\n");
    const io = memoryIo();
    expect(await main(['validate', file], io)).toBe(0);
    expect(io.out()).toMatch(/warn\.sw\.yaml:\d+:\d+ warning START_DEFAULT/);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-validate-'));
    const file = join(dir, 'broken.sw.yaml');
    writeFileSync(file, "id: broken\nstates:\n  - name: A\n   type: inject\n");
    const io = memoryIo();
    expect(await main(['validate', file], io)).toBe(1);
    expect(io.out()).toMatch(/broken\.sw\.yaml:4:\d+ PARSE /);
  });

  it('says so when nothing matches, and on usage errors', async () => {
    const io = memoryIo();
    expect(await main(['validate', join(repo, 'packages/cli/src')], io)).toBe(1);
    expect(io.err()).toContain('no workflow files');
    const io2 = memoryIo();
    expect(await main(['validate'], io2)).toBe(2);
    const io3 = memoryIo();
    expect(await main(['validate', '/no/such/path'], io3)).toBe(1);
    expect(io3.err()).toContain('/no/such/path: no such file or folder');
    const io4 = memoryIo();
    expect(await main(['frobnicate'], io4)).toBe(2);
    expect(io4.err()).toContain('unknown command frobnicate');
  });
});
