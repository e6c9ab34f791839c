// The jq library does no I/O and imports nothing from the rest of the repository: only the CLI's
// entry point (src/cli/main.ts) may touch the process, the file system or Node's modules.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, readSources } from '../../../scripts/source-files.js';

const ALLOWED_IO = new Set(['cli/main.ts']);

describe('architecture of packages/jq', () => {
  const files = readSources(fileURLToPath(new URL('.', import.meta.url)));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(30));

  it('imports only relative modules (no other package, no Node module) outside the CLI entry point', () => {
    expect(forbiddenImports(files, (s, file) => s.startsWith('.') || ALLOWED_IO.has(file))).toEqual([]);
  });

  it('never reads the process (env, argv, stdio, exit) outside the CLI entry point', () => {
    const bad = files.filter((f) => !ALLOWED_IO.has(f.name) && /\bprocess\s*\.(env|argv|stdin|stdout|exit)\b/.test(f.code));
    expect(bad.map((f) => f.name)).toEqual([]);
  });
});
