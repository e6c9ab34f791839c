/**
 * jq 1.6's own suite: every case of jq.test, onig.test, base64.test and optional.test and every
 * example of the v1.6 manual, run through `compile(...)` under jq_test.c's rules. Exclusions are in
 * `exclusions.yaml` (section `conformance`); pass counts are printed at the end.
 * @module
 */
import type { CompileOptions } from '../src/api.js';
import { checkJqTestCase } from './checks.js';
import { JQ_TEST_FILES, loadJqTestFile, loadManualExamples } from './conformance-data.js';
import { defineSuite, type HarnessCase } from './suite-runner.js';

/** jq's suites run with `PAGER=less` (SOURCES.md), which the `$ENV.PAGER` / `env.PAGER` examples print. */
const COMPILE_OPTIONS: CompileOptions = { env: { PAGER: 'less' } };

const cases: HarnessCase[] = [...JQ_TEST_FILES.flatMap((file) => loadJqTestFile(file)), ...loadManualExamples()].map(
  (testCase) => ({
    name: testCase.name,
    file: testCase.file,
    program: testCase.program,
    check: () => checkJqTestCase(testCase, COMPILE_OPTIONS),
  }),
);

defineSuite({ title: 'jq 1.6 conformance', label: 'jq conformance', section: 'conformance', cases });
