/**
 * jackson-jq's cases that apply to jq 1.6 (no `v`, or a range containing 1.6), run through
 * `compile(...)`. Where jackson-jq knowingly differs from jq (`failing: true`) the case's `out` is
 * real jq's answer, and we follow it. Exclusions: `exclusions.yaml`, section `jackson-jq`.
 * @module
 */
import type { CompileOptions } from '../src/api.js';
import { checkJacksonCase } from './checks.js';
import { loadJacksonCases } from './jackson-data.js';
import { defineSuite, type HarnessCase } from './suite-runner.js';

/** Like jq's own suites, the jq 1.6 manual cases expect `PAGER=less` (`$ENV.PAGER`, `env.PAGER`). */
const COMPILE_OPTIONS: CompileOptions = { env: { PAGER: 'less' } };

const cases: HarnessCase[] = loadJacksonCases().map((testCase) => ({
  name: testCase.name,
  file: testCase.file,
  program: testCase.q,
  check: () => checkJacksonCase(testCase, COMPILE_OPTIONS),
}));

/** Summary groups: the three files generated from jq 1.6, jackson-jq's own folders, and the extras. */
function groupOf(file: string): string {
  if (file.startsWith('tests/functions/')) return 'tests/functions/*.yaml';
  if (file.startsWith('tests/constructs/')) return 'tests/constructs/*.yaml';
  return file;
}

defineSuite({ title: 'jackson-jq cases for jq 1.6', label: 'jackson-jq', section: 'jackson-jq', cases, groupOf });
