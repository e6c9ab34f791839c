// The engine core knows no HTTP, SQL, file system, process.env, wall clock or randomness (STYLE §2):
// it imports only relative modules, @sluice/jq, yaml and ajv; adapters implement its ports.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, readSources } from '../../../scripts/source-files.js';

const DECLARED = new Set(['@sluice/jq', 'yaml', 'ajv', 'ajv-formats']);

const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bprocess\s*\./, 'process access'],
  [/\bDate\.now\(/, 'Date.now (use the Clock port)'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'real timers (timers live in the instance state)'],
  [/\bMath\.random\(/, 'Math.random (derive from ids)'],
  [/\bfetch\(/, 'fetch (invokers live in @sluice/functions)'],
];

describe('architecture of packages/engine', () => {
  const files = readSources(fileURLToPath(new URL('.', import.meta.url)));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));

  it('imports only relative modules and its declared libraries (no node:, no I/O, no other package)', () => {
    expect(forbiddenImports(files, (s) => s.startsWith('.') || DECLARED.has(s))).toEqual([]);
  });

  for (const [re, what] of FORBIDDEN_CALLS) {
    it(`has no ${what}`, () => {
      expect(files.filter((f) => re.test(f.code)).map((f) => f.name)).toEqual([]);
    });
  }
});
