// packages/functions depends inward only: on @sluice/engine and Node built-ins, never on other
// workspace packages or third-party modules, and it never reads process state (config comes via ports).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, readSources } from '../../../scripts/source-files.js';

describe('architecture of packages/functions', () => {
  const files = readSources(fileURLToPath(new URL('.', import.meta.url)));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(5));

  it('imports only relative modules, @sluice/engine and node: built-ins', () => {
    expect(forbiddenImports(files, (s) => s.startsWith('.') || s === '@sluice/engine' || s.startsWith('node:'))).toEqual([]);
  });

  it('never reads process state', () => {
    expect(files.filter((f) => /\bprocess\s*\./.test(f.code)).map((f) => f.name)).toEqual([]);
  });
});
