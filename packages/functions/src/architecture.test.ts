// packages/functions depends inward only: on @sluice/engine and Node built-ins, never on other
// workspace packages or third-party modules, and it never reads process state (config comes via ports).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

describe('architecture of packages/functions', () => {
  const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(5));

  it('imports only relative modules, @sluice/engine and node: built-ins', () => {
    const bad = files.flatMap((f) =>
      importsOf(f.text)
        .filter((s) => !s.startsWith('.') && s !== '@sluice/engine' && !s.startsWith('node:'))
        .map((s) => `${f.name}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('never reads process state', () => {
    const bad = files.filter((f) => /\bprocess\s*\./.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map((f) => f.name);
    expect(bad).toEqual([]);
  });
});
