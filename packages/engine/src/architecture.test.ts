/** The engine core knows no HTTP, SQL, file system, process.env, wall clock or randomness (STYLE §2). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'a node: import'],
  [/from ['"](fs|path|http|https|net|child_process|os|pg|better-sqlite3)['"]/, 'an I/O module import'],
  [/from ['"]@sluice\/(?!jq['"])/, 'an import of a package other than @sluice/jq'],
  [/\bprocess\.(env|exit|argv|stdout|stderr)/, 'process access'],
  [/\bDate\.now\(/, 'Date.now (use the Clock port)'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'real timers (use timers in the instance state)'],
  [/\bMath\.random\(/, 'Math.random (derive from ids)'],
  [/\bfetch\(/, 'fetch (invokers live in @sluice/functions)'],
];

describe('engine architecture', () => {
  for (const file of sources(root)) {
    const rel = relative(root, file);
    it(`${rel} stays pure`, () => {
      const text = readFileSync(file, 'utf8');
      for (const [re, what] of FORBIDDEN) expect(re.test(text), `${rel} has ${what}`).toBe(false);
    });
  }
});
