/**
 * Secrets the server generates at first start and keeps in its data directory (mode 0600): the
 * static token its own workflows use to call back (self-wiring) and the key that signs portal tokens.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `name` from `dataDir`, creating it with `make()` when missing. */
function readOrCreate(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  try {
    const v = readFileSync(file, 'utf8').trim();
    if (v) return v;
  } catch {
    // first start
  }
  mkdirSync(dataDir, { recursive: true });
  const v = make();
  writeFileSync(file, `${v}\n`, { mode: 0o600 });
  return v;
}

/** The self-wiring static token (subject `sluice-workflows`). */
export function selfToken(dataDir: string): string {
  return readOrCreate(dataDir, 'workflows.token', () => randomBytes(24).toString('base64url'));
}

/** The key that signs portal users' tokens. */
export function sessionKey(dataDir: string): Uint8Array {
  return Buffer.from(readOrCreate(dataDir, 'session.key', () => randomBytes(32).toString('base64url')), 'base64url');
}

/** The subject of the self-wiring token: the origin of notifications Sluice's own workflows send. */
export const SELF_SUBJECT = 'sluice-workflows';
