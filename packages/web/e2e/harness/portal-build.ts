/**
 * Where the built portal is, a fail-fast check that it was built, and a snapshot of it per server:
 * the end-to-end tests drive the real bundle that `sluice serve` serves (never the Vite dev server),
 * copied at server start so that a rebuild of packages/web/dist during a run cannot take the
 * lazily loaded chunks away from a page that is open.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WEB_DIR = resolve(import.meta.dirname, '../..');
export const REPO_DIR = resolve(WEB_DIR, '../..');
export const DIST_DIR = join(WEB_DIR, 'dist');

/** Throws when packages/web/dist/index.html is missing; warns when a source file is newer than the build. */
export function assertPortalBuilt(): void {
  const index = join(DIST_DIR, 'index.html');
  if (!existsSync(index)) throw new Error(`the portal is not built (${index} is missing): run npm run build -w packages/web first`);
  const built = statSync(index).mtimeMs;
  const newer = newestUnder(join(WEB_DIR, 'src'));
  if (newer && newer.mtimeMs > built) console.warn(`[e2e] ${newer.path} changed after the last portal build: run npm run build -w packages/web to test it`);
}

function newestUnder(dir: string): { path: string; mtimeMs: number } | undefined {
  let best: { path: string; mtimeMs: number } | undefined;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const mtimeMs = statSync(path).mtimeMs;
    if (!best || mtimeMs > best.mtimeMs) best = { path, mtimeMs };
  }
  return best;
}

/** The file names under `dir`, sorted. */
const listing = (dir: string): string => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().join('\n');

/**
 * Copies packages/web/dist to a temporary directory and returns it; retries while a build is
 * rewriting it (the copy must match the build before and after).
 */
export async function snapshotPortal(): Promise<{ dir: string; remove: () => void }> {
  for (let attempt = 0; ; attempt++) {
    assertPortalBuilt();
    const before = readFileSync(join(DIST_DIR, 'index.html'), 'utf8') + listing(DIST_DIR);
    const dir = mkdtempSync(join(tmpdir(), 'sluice-e2e-portal-'));
    let same = false;
    try {
      cpSync(DIST_DIR, dir, { recursive: true });
      same = before === readFileSync(join(DIST_DIR, 'index.html'), 'utf8') + listing(DIST_DIR) && listing(dir) === listing(DIST_DIR);
    } catch {
      same = false;
    }
    if (same) return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 20) throw new Error(`packages/web/dist kept changing while it was copied: is a build running? (run npm run build -w packages/web first)`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
