// The test doubles stand alone: they import nothing from other Sluice packages (so any package's
// tests can use them without a cycle), only Node's modules and the declared dependencies.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const DECLARED = new Set(['ajv', 'ajv-formats', 'yaml']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

describe('architecture of packages/test-doubles', () => {
  const files = sourceFiles(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(15));

  it('imports only relative modules, node: built-ins and its declared dependencies', () => {
    const bad = files.flatMap((file) =>
      importSpecifiers(file.text)
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !DECLARED.has(s))
        .map((s) => `${file.name}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('never reads process.env: tokens, clocks and ids come in as options', () => {
    expect(files.filter((file) => /\bprocess\s*\.\s*env\b/.test(file.text)).map((file) => file.name)).toEqual([]);
  });
});
