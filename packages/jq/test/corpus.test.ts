/**
 * Our own jq corpus (`test/corpus/*.yaml`, STYLE §10.2): workflow expressions, error messages, host
 * variables, the jackson-jq object-value superset, and regressions found by the differential test.
 * Every expected answer was recorded from jq 1.6 (see each file's header).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { checkCorpusCase } from './checks.js';
import { listCorpusFiles, loadCorpusFile } from './corpus-format.js';

describe('jq corpus', () => {
  for (const file of listCorpusFiles()) {
    const cases = loadCorpusFile(file);
    // An empty file (regressions.yaml before any mismatch was recorded) has no tests.
    if (cases.length === 0) continue;
    describe(file, () => {
      const names = new Set<string>();
      for (const testCase of cases) {
        const name = names.has(testCase.name) ? `${testCase.name} (#${testCase.index})` : testCase.name;
        names.add(testCase.name);
        if (testCase.skip) {
          it.skip(`${name} [skipped: ${testCase.skip}]`, () => undefined);
          continue;
        }
        it(name, () => {
          const failure = checkCorpusCase(testCase);
          if (failure !== undefined) expect.fail(failure);
        });
      }
    });
  }
});
