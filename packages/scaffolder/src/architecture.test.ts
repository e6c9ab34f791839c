// packages/scaffolder depends on Node built-ins and its declared third-party modules only (no other
// workspace package yet), never reads process state, and every source file opens with a doc comment.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, readSources } from '../../../scripts/source-files.js';

const ALLOWED = new Set(['nunjucks', 'yaml', 'ajv', 'ajv-formats', '@kubernetes/client-node']);

describe('architecture of packages/scaffolder', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readSources(dir);

  it('finds the sources', () => expect(files.length).toBeGreaterThan(10));

  it('imports only relative modules, node: built-ins and its dependencies', () => {
    expect(forbiddenImports(files, (s) => s.startsWith('.') || s.startsWith('node:') || ALLOWED.has(s))).toEqual([]);
  });

  it('never reads process state', () => {
    expect(files.filter((f) => /\bprocess\s*\.|\bprocess\s*\[/.test(f.code)).map((f) => f.name)).toEqual([]);
  });

  it('opens every file with a doc comment', () => {
    const missing = files.filter((f) => !readFileSync(`${dir}/${f.name}`, 'utf8').trimStart().startsWith('/**')).map((f) => f.name);
    expect(missing).toEqual([]);
  });
});
