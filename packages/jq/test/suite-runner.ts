/**
 * Registers a suite of external cases (jq's, jackson-jq's) as vitest tests: one named test per case,
 * exclusions from `test/exclusions.yaml` (an excluded case that passes fails its test), and a pass
 * count per group printed after the run.
 * @module
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ExclusionList } from './exclusions.js';

/** One case of a suite. `check` returns undefined when the case passes, else why it failed. */
export interface HarnessCase {
  name: string;
  file: string;
  program: string;
  check: () => string | undefined;
}

/** How to register a suite. */
export interface SuiteDefinition {
  /** The describe block's title, e.g. `jq 1.6 conformance`. */
  title: string;
  /** Prefix of the summary lines, e.g. `jq conformance`. */
  label: string;
  /** The section of `exclusions.yaml`. */
  section: string;
  cases: readonly HarnessCase[];
  /** The summary group of a case's file (default: the file itself). */
  groupOf?: (file: string) => string;
}

interface GroupCount {
  total: number;
  passed: number;
  excluded: number;
}

/**
 * Defines the tests of a suite. Each case becomes `it(case.name)` inside a describe per group.
 * An excluded case is named `[excluded] ...`: it passes while the engine still fails it and fails,
 * asking for the exclusion to be removed, once the engine passes it.
 */
export function defineSuite(suite: SuiteDefinition): void {
  const exclusions = ExclusionList.load(suite.section);
  const groupOf = suite.groupOf ?? ((file: string) => file);
  const counts = new Map<string, GroupCount>();
  const byGroup = new Map<string, { testCase: HarnessCase; reason: string | undefined }[]>();
  for (const testCase of suite.cases) {
    const group = groupOf(testCase.file);
    const reason = exclusions.match(testCase.file, testCase.program)?.reason;
    if (!byGroup.has(group)) {
      byGroup.set(group, []);
      counts.set(group, { total: 0, passed: 0, excluded: 0 });
    }
    byGroup.get(group)?.push({ testCase, reason });
    const count = counts.get(group);
    if (count) {
      count.total++;
      if (reason !== undefined) count.excluded++;
    }
  }

  describe(suite.title, () => {
    for (const [group, entries] of byGroup) {
      describe(group, () => {
        for (const { testCase, reason } of entries) {
          const count = counts.get(group);
          if (reason === undefined) {
            it(testCase.name, () => {
              const failure = testCase.check();
              if (failure !== undefined) expect.fail(failure);
              if (count) count.passed++;
            });
          } else {
            it(`[excluded] ${testCase.name}`, () => {
              const failure = testCase.check();
              if (failure === undefined) {
                expect.fail(`this excluded case now passes: remove it from test/exclusions.yaml (${suite.section}: ${testCase.file}). Its reason was: ${reason}`);
              }
            });
          }
        }
      });
    }

    it(`test/exclusions.yaml section "${suite.section}" is well-formed and every entry matches a case`, () => {
      const stale = exclusions.unused().map((e) => `${e.file}: ${e.program}`);
      expect([...exclusions.problems, ...stale.map((s) => `matches no case, remove it: ${s}`)]).toEqual([]);
    });

    afterAll(() => {
      const lines = [...counts].map(
        ([group, c]) => `${suite.label}: ${group} ${c.passed}/${c.total} passed (${c.excluded} excluded)`,
      );
      console.log(lines.join('\n'));
    });
  });
}
