// The jq library does no I/O and imports nothing from the rest of the repository: only the CLI's
// entry point (src/cli/main.ts) may touch the process, the file system or Node's modules.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const ALLOWED_IO = new Set(['cli/main.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Import specifiers of a TypeScript source, with comments removed. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

describe('architecture of packages/jq', () => {
  const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(30));

  it('imports only relative modules (no other package, no Node module) outside the CLI entry point', () => {
    const bad = files
      .filter((f) => !ALLOWED_IO.has(f.name))
      .flatMap((f) => importsOf(f.text).filter((s) => !s.startsWith('.')).map((s) => `${f.name}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('never reads the process (env, argv, stdio, exit) outside the CLI entry point', () => {
    const bad = files
      .filter((f) => !ALLOWED_IO.has(f.name))
      .filter((f) => /\bprocess\s*\.(env|argv|stdin|stdout|exit)\b/.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => f.name);
    expect(bad).toEqual([]);
  });
});
