import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './load-config.js';

function dirWith(yaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-config-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'sluice.yaml'), yaml);
  return dir;
}

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServerConfig', () => {
  it('defaults to the embedded setup under the working directory', () => {
    const cwd = dirWith();
    const c = loadServerConfig({ flags: {}, env: {}, cwd });
    expect(c).toMatchObject({
      port: 7007,
      host: '127.0.0.1',
      database: `sqlite:${join(cwd, 'data', 'sluice.db')}`,
      dataDir: join(cwd, 'data'),
      workflows: join(cwd, 'workflows'),
      templates: join(cwd, 'templates'),
      catalog: join(cwd, 'catalog'),
      auth: { externalAccess: [], guest: true, admins: ['group:default/platform-admins'] },
    });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.auth.externalAccess)).toBe(true);
  });

  it('applies sluice.yaml, then the environment, then flags', () => {
    const cwd = dirWith('port: 8000\nhost: 0.0.0.0\nworkflows: wf-from-file\n');
    const c = loadServerConfig({ flags: { port: '9000' }, env: { SLUICE_PORT: '8500', SLUICE_WORKFLOWS: 'wf-from-env' }, cwd });
    expect(c.port).toBe(9000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.workflows).toBe(join(cwd, 'wf-from-env'));
  });

  it('reads static tokens from SLUICE_EXTERNAL_ACCESS and from the file', () => {
    const cwd = dirWith('auth:\n  externalAccess:\n    - token: file-token-123\n      subject: from-file\n');
    const c = loadServerConfig({ flags: {}, env: { SLUICE_EXTERNAL_ACCESS: 'scripts:env-token-456, ci:env-token-789' }, cwd });
    expect(c.auth.externalAccess).toEqual([
      { token: 'file-token-123', subject: 'from-file' },
      { subject: 'scripts', token: 'env-token-456' },
      { subject: 'ci', token: 'env-token-789' },
    ]);
  });

  it('rejects unknown keys with file, line, column and pointer', () => {
    const cwd = dirWith('port: 7007\nauth:\n  guest: true\n  gust: false\n');
    expect(problems(() => loadServerConfig({ flags: {}, env: {}, cwd }))).toEqual(['sluice.yaml:4:3 /auth/gust unknown setting gust']);
  });

  it('reports every problem at once and never echoes a token', () => {
    const cwd = dirWith('port: seventy\ndatabase: mysql://x\nauth:\n  externalAccess:\n    - token: short\n      subject: s\n');
    const p = problems(() => loadServerConfig({ flags: {}, env: {}, cwd }));
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/^sluice\.yaml:1:\d+ \/port must be integer$/);
    expect(p[1]).toMatch(/^sluice\.yaml:2:\d+ \/database must match pattern/);
    expect(p[2]).toMatch(/^sluice\.yaml:5:\d+ \/auth\/externalAccess\/0\/token must NOT have fewer than 8 characters$/);
    expect(p.join('\n')).not.toContain('short');
  });

  it('says which environment variable or flag is wrong', () => {
    const cwd = dirWith();
    expect(problems(() => loadServerConfig({ flags: { port: 'abc' }, env: { SLUICE_DATABASE: 'oracle://db' }, cwd }))).toEqual([
      '--port: /port must be integer',
      'env SLUICE_DATABASE: /database must match pattern "^(sqlite:.+|postgres(ql)?://.+)$"',
    ]);
    expect(problems(() => loadServerConfig({ flags: {}, env: { SLUICE_EXTERNAL_ACCESS: 'no-colon-here' }, cwd }))).toEqual([
      'env SLUICE_EXTERNAL_ACCESS: entry 1 is not subject:token',
    ]);
  });

  it('reports a YAML syntax error with its position, and a missing --config file', () => {
    const cwd = dirWith('port: [1,\n');
    expect(problems(() => loadServerConfig({ flags: {}, env: {}, cwd }))[0]).toMatch(/^sluice\.yaml:\d+:\d+ /);
    expect(problems(() => loadServerConfig({ flags: { config: 'missing.yaml' }, env: {}, cwd }))[0]).toMatch(/^missing\.yaml: cannot read/);
  });

  it('reads per-workflow permissions and properties', () => {
    const cwd = dirWith('permissions:\n  workflows:\n    greeting:\n      use: [group:default/developers]\nworkflowProperties:\n  "*":\n    SWT_REF: template:default/x\n');
    const c = loadServerConfig({ flags: {}, env: {}, cwd });
    expect(c.workflowPermissions).toEqual({ greeting: { read: ['*'], use: ['group:default/developers'] } });
    expect(c.workflowProperties).toEqual({ '*': { SWT_REF: 'template:default/x' } });
  });
});
