/**
 * Loads jq 1.6's own test data from `shared/jq-conformance/jq-1.6`: the `.test` files and the
 * examples of the v1.6 manual, as {@link JqTestCase}s.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Json } from '../src/ast.js';
import { parseJqTestFile, type JqTestCase } from './jq-test-format.js';

/** `shared/jq-conformance`, found from this file (`packages/jq/test/` → `../../../../shared`). */
export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../../shared/jq-conformance/', import.meta.url));

/** The jq 1.6 `.test` files we run, in `tests/`. */
export const JQ_TEST_FILES = ['jq.test', 'onig.test', 'base64.test', 'optional.test'] as const;

/** The manual's path inside the jq 1.6 tree, and the name its cases carry. */
export const MANUAL_FILE = 'manual.yml';
const MANUAL_PATH = 'jq-1.6/docs/content/3.manual/v1.6/manual.yml';

/** Reads one of jq 1.6's `.test` files. */
export function loadJqTestFile(file: string): JqTestCase[] {
  return parseJqTestFile(file, readFileSync(`${CONFORMANCE_DIR}jq-1.6/tests/${file}`, 'utf8'));
}

/** A manual value: JSON text in a YAML string, or (rarely) a plain YAML number or boolean. */
function manualValue(value: unknown): Json {
  if (typeof value === 'string') return JSON.parse(value) as Json;
  return value as Json;
}

/**
 * Every example of the jq 1.6 manual, as a case named `manual.yml:<line> <program>` where `line` is
 * the line of its `program:` key. Examples compare like `.test` cases (jq turns them into one).
 */
export function loadManualExamples(): JqTestCase[] {
  const text = readFileSync(`${CONFORMANCE_DIR}${MANUAL_PATH}`, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const cases: JqTestCase[] = [];
  const sections = doc.get('sections');
  if (!isSeq(sections)) throw new Error(`${MANUAL_PATH}: no sections list`);
  for (const section of sections.items) {
    if (!isMap(section)) continue;
    const entries = section.get('entries');
    if (!isSeq(entries)) continue;
    for (const entry of entries.items) {
      if (!isMap(entry)) continue;
      const examples = entry.get('examples');
      if (!isSeq(examples)) continue;
      for (const example of examples.items) {
        if (!isMap(example)) continue;
        const programNode = example.get('program', true);
        if (!isScalar(programNode)) continue;
        const program = String(programNode.value);
        const line = programNode.range ? lineCounter.linePos(programNode.range[0]).line : 0;
        const plain = example.toJS(doc) as { input?: unknown; output?: unknown[] };
        const testCase: JqTestCase = {
          file: MANUAL_FILE,
          line,
          name: `${MANUAL_FILE}:${line} ${program}`,
          program,
          expected: [],
        };
        try {
          testCase.input = manualValue(plain.input ?? 'null');
          testCase.expected = (plain.output ?? []).map((v) => manualValue(v));
        } catch (err) {
          testCase.invalid = `example does not parse as JSON: ${err instanceof Error ? err.message : String(err)}`;
        }
        cases.push(testCase);
      }
    }
  }
  return cases;
}
