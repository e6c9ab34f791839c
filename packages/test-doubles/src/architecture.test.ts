// The test doubles stand alone: they import nothing from other Sluice packages (so any package's
// tests can use them without a cycle), only Node's modules and the declared dependencies.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, readSources } from '../../../scripts/source-files.js';

const DECLARED = new Set(['ajv', 'ajv-formats', 'yaml']);

describe('architecture of packages/test-doubles', () => {
  const files = readSources(fileURLToPath(new URL('.', import.meta.url)));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(15));

  it('imports only relative modules, node: built-ins and its declared dependencies', () => {
    expect(forbiddenImports(files, (s) => s.startsWith('.') || s.startsWith('node:') || DECLARED.has(s))).toEqual([]);
  });

  it('never reads process.env: tokens, clocks and ids come in as options', () => {
    expect(files.filter((f) => /\bprocess\s*\.\s*env\b/.test(f.code)).map((f) => f.name)).toEqual([]);
  });
});
