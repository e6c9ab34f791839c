/**
 * Loads jackson-jq's test cases (`shared/jq-conformance/jackson-jq/.../src/test/resources`) and
 * keeps the ones whose version range `v` contains jq 1.6.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Json } from '../src/ast.js';
import { CONFORMANCE_DIR } from './conformance-data.js';

/** jackson-jq's test resources folder. */
export const JACKSON_DIR = `${CONFORMANCE_DIR}jackson-jq/jackson-jq/src/test/resources/`;

/** One jackson-jq case, with the fields SOURCES.md describes. */
export interface JacksonCase {
  /** Path relative to the resources folder, e.g. `tests/jq-1.6.yaml`. */
  file: string;
  /** 0-based position in its file. */
  index: number;
  /** `tests/jq-1.6.yaml#12 <program>`. */
  name: string;
  q: string;
  in: Json;
  out: Json[];
  v?: string;
  /** jackson-jq knowingly differs here; `out` is what real jq does. */
  failing?: boolean;
  justification?: string;
  /** `false`: the program must be rejected at compile time. */
  should_compile?: boolean;
  ignore_true_jq_behavior?: boolean;
  ignore_field_order?: boolean;
  numerical_errors?: number;
}

/** Versions as comparable numbers: `1.6` → 1.6. */
function versionNumber(text: string): number {
  return Number(text.trim());
}

/**
 * Whether a Maven-style version range contains `version`: `[1.6, 1.6]`, `[1.6,)`, `(,1.5]`,
 * `[1.5,1.6]`. No range means every version.
 *
 * @example
 * rangeContains('[1.6, )', 1.6); // true
 * rangeContains('(,1.5]', 1.6); // false
 */
export function rangeContains(range: string | undefined, version: number): boolean {
  if (range === undefined) return true;
  const m = /^\s*([[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])\s*$/.exec(range);
  if (!m) throw new Error(`unrecognized version range: ${range}`);
  const [, open, low, high, close] = m;
  if (low !== '') {
    const lo = versionNumber(low);
    if (open === '[' ? version < lo : version <= lo) return false;
  }
  if (high !== '') {
    const hi = versionNumber(high);
    if (close === ']' ? version > hi : version >= hi) return false;
  }
  return true;
}

function listCaseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listCaseFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((path) => /\.(ya?ml|json)$/.test(path))
    .sort();
}

/**
 * All jackson-jq cases that apply to jq 1.6: everything under `tests/` plus `jq-test-extra-ok.json`,
 * filtered by `v`. Files are read in a stable (sorted) order. One file (`constructs/foreach.yaml`)
 * repeats a key in a mapping; like Jackson's YAML reader, the last value wins.
 */
export function loadJacksonCases(): JacksonCase[] {
  const files = [...listCaseFiles(join(JACKSON_DIR, 'tests')), join(JACKSON_DIR, 'jq-test-extra-ok.json')];
  const cases: JacksonCase[] = [];
  for (const path of files) {
    const file = relative(JACKSON_DIR, path);
    const text = readFileSync(path, 'utf8');
    const list = (path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false })) as Array<
      Omit<JacksonCase, 'file' | 'index' | 'name'>
    >;
    list.forEach((raw, index) => {
      if (!rangeContains(raw.v, 1.6)) return;
      cases.push({
        ...raw,
        in: raw.in ?? null,
        out: raw.out ?? [],
        file,
        index,
        name: `${file}#${index} ${raw.q}`,
      });
    });
  }
  return cases;
}
