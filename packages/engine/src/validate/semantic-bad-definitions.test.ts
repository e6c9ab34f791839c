// Runs every broken definition in test/bad-definitions and compares its issues with the sidecar
// `<name>.expected.yaml` (severity, code, pointer, and optionally file and a message fragment).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputFromFile } from '../../test/bad-definitions/load-fixture.js';
import { normalize } from '../load/normalize/normalize.js';

interface Expected {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly pointer: string;
  readonly file?: string;
  readonly message?: string;
}

const DIR = fileURLToPath(new URL('../../test/bad-definitions/', import.meta.url));
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.sw.yaml'))
  .map((f) => f.slice(0, -'.sw.yaml'.length))
  .sort();

const key = (i: { severity: string; code: string; pointer: string }): string => `${i.severity} ${i.code} ${i.pointer}`;

describe('bad definitions', () => {
  it('has at least 15 cases, each with an expected file', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of names) {
    it(name, () => {
      const path = join(DIR, `${name}.sw.yaml`);
      const expected = (parse(readFileSync(join(DIR, `${name}.expected.yaml`), 'utf8')) as { issues: Expected[] }).issues;
      const result = normalize(inputFromFile(path));
      expect(result.issues.map(key).sort()).toEqual(expected.map(key).sort());
      for (const want of expected) {
        const got = result.issues.find((i) => key(i) === key(want))!;
        expect(got.file).toBe(want.file ?? path);
        if (want.message !== undefined) expect(got.message).toContain(want.message);
      }
      expect(result.value === undefined).toBe(expected.some((i) => i.severity === 'error'));
    });
  }
});
