/**
 * A parser for jq's `.test` format (jq 1.6 `src/jq_test.c`): blocks of program, input and expected
 * outputs, plus `%%FAIL` blocks whose program must not compile.
 * @module
 */
import type { Json } from '../src/ast.js';

/** One case of a `.test` file. */
export interface JqTestCase {
  /** The file name, e.g. `jq.test`. */
  file: string;
  /** 1-based line of the program. */
  line: number;
  /** `jq.test:123 <program>`. */
  name: string;
  program: string;
  /** For `%%FAIL` cases: the expected message, or null for `%%FAIL IGNORE MSG`. */
  fail?: { message: string | null };
  /** The input value (absent for `%%FAIL` cases). */
  input?: Json;
  /** Expected outputs, in order (empty for `%%FAIL` cases). */
  expected: Json[];
  /** Set when jq_test.c would count the case as invalid (an unparsable input line). */
  invalid?: string;
}

/**
 * jq_test.c's `skipline`: a line that is blank or a `#` comment after optional spaces and tabs.
 * Such a line ends a block's expected outputs.
 */
function skipLine(line: string): boolean {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed === '' || trimmed === '\r' || trimmed.startsWith('#');
}

/** The non-standard number literals jq 1.6's JSON parser accepts. */
const SPECIAL_NUMBERS: Record<string, number> = {
  nan: NaN,
  NaN: NaN,
  '-nan': NaN,
  '-NaN': NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  infinity: Infinity,
  '-infinity': -Infinity,
};

/**
 * Parses one line as a JSON value the way jq's `jv_parse` does for test data: leading byte order
 * mark and surrounding whitespace ignored, and `NaN`, `Infinity` and `-Infinity` accepted as numbers
 * (jq.test line 1008 uses them). Returns undefined when it does not parse.
 */
export function parseJsonLine(text: string): { value: Json } | undefined {
  const body = text.replace(/^\uFEFF/, '').trim();
  try {
    return { value: JSON.parse(body) as Json };
  } catch {
    // Retry with the special literals swapped for unique strings outside JSON strings.
  }
  const marker = '\u0000jq-special:';
  let sawSpecial = false;
  const swapped = body.replace(/"(?:[^"\\]|\\.)*"|-?(?:NaN|nan|Infinity|infinity)\b/g, (token) => {
    if (token.startsWith('"')) return token;
    sawSpecial = true;
    return JSON.stringify(marker + token);
  });
  if (!sawSpecial) return undefined;
  try {
    const restore = (v: Json): Json => {
      if (typeof v === 'string' && v.startsWith(marker)) return SPECIAL_NUMBERS[v.slice(marker.length)];
      if (Array.isArray(v)) return v.map(restore);
      if (v !== null && typeof v === 'object') {
        const out: { [key: string]: Json } = {};
        for (const [k, x] of Object.entries(v)) out[k] = restore(x);
        return out;
      }
      return v;
    };
    return { value: restore(JSON.parse(swapped) as Json) };
  } catch {
    return undefined;
  }
}

/**
 * Parses the text of a `.test` file into cases, following jq 1.6 `jq_test.c` line by line:
 * - blank and `#` lines between blocks are skipped;
 * - `%%FAIL` / `%%FAIL IGNORE MSG` make the next program a must-not-compile case, and the line after
 *   it is the expected `jq: error: ...` message (compared only for plain `%%FAIL`);
 * - otherwise the line after the program is the input (read as is, never skipped), and the lines up
 *   to the next blank or comment line are the expected outputs. An expected line that is not JSON is
 *   ignored, as jq_test.c does.
 *
 * @example
 * parseJqTestFile('jq.test', '.a\n{"a":1}\n1\n')[0].name; // 'jq.test:1 .a'
 */
export function parseJqTestFile(file: string, text: string): JqTestCase[] {
  const lines = text.split('\n');
  // A trailing newline yields an empty last element that is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const cases: JqTestCase[] = [];
  let i = 0;
  let mustFail = false;
  let checkMessage = false;
  while (i < lines.length) {
    const raw = lines[i];
    i++;
    if (skipLine(raw)) continue;
    const stripped = raw.replace(/\r$/, '');
    if (stripped === '%%FAIL' || stripped === '%%FAIL IGNORE MSG') {
      mustFail = true;
      checkMessage = stripped === '%%FAIL';
      continue;
    }
    const line = i;
    const program = stripped;
    const name = `${file}:${line} ${program}`;
    if (mustFail) {
      const message = i < lines.length ? lines[i].replace(/\r$/, '') : '';
      i++;
      cases.push({ file, line, name, program, fail: { message: checkMessage ? message : null }, expected: [] });
      mustFail = false;
      checkMessage = false;
      continue;
    }
    const inputLine = i < lines.length ? lines[i] : '';
    i++;
    const input = parseJsonLine(inputLine);
    const expected: Json[] = [];
    while (i < lines.length) {
      const out = lines[i];
      i++;
      if (skipLine(out)) break;
      const parsed = parseJsonLine(out);
      if (parsed) expected.push(parsed.value);
    }
    const testCase: JqTestCase = { file, line, name, program, expected };
    if (input) testCase.input = input.value;
    else testCase.invalid = `input line is not JSON: ${inputLine}`;
    cases.push(testCase);
  }
  return cases;
}

/**
 * The compile error text a `%%FAIL` case expects from our engine: jq's line without the
 * `jq: error: ` prefix and the ` at <top-level>, line 1:` suffix.
 *
 * @example
 * expectedCompileMessage('jq: error: Division by zero? at <top-level>, line 1:'); // 'Division by zero?'
 */
export function expectedCompileMessage(line: string): string {
  return line.replace(/^jq: error: /, '').replace(/ at <top-level>, line \d+:$/, '');
}
