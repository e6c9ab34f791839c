/**
 * The portal's files at `/`: assets cached for good, index.html for every portal route asked for as
 * HTML (so a reload of /runs/x works), API paths and non-HTML requests still answered as the API
 * answers, and a page saying how to build the portal when it is not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('a built portal', () => {
  let s: TestServer;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-portal-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sluice portal</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    s = await startTestServer({ settings: { portalDir: dir } });
  });
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for portal routes, never cached', async () => {
    for (const path of ['/', '/runs/abc', '/workflows/create-ocp-namespace-swt/run?instanceId=x']) {
      const res = await s.request(path, { headers: HTML });
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toContain('Sluice portal');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await s.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves API paths and non-HTML requests to the API: 404 in the API error shape', async () => {
    for (const [path, headers] of [
      ['/api/nothing-here', HTML],
      ['/runs/abc', { accept: 'application/json' }],
      ['/assets/missing.js', {}],
    ] as const) {
      const res = await s.request(path, { headers });
      expect([path, res.status]).toEqual([path, 404]);
      expect(((await res.json()) as { error: { name: string } }).error.name).toBe('NotFoundError');
    }
  });
});

describe('a portal that is not built', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ settings: { portalDir: join(tmpdir(), 'sluice-no-portal-here') } });
  });
  afterAll(async () => s?.stop());

  it('says how to build it', async () => {
    const res = await s.request('/', { headers: HTML });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build -w packages/web');
  });
});
