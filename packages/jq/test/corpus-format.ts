/**
 * Our own jq corpus (`test/corpus/*.yaml`, STYLE §10.2): reading and checking its entries, and
 * writing new ones (`record-regression.ts`).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Json } from '../src/ast.js';

/** The corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The file that collects differential-test mismatches. */
export const REGRESSIONS_FILE = 'regressions.yaml';

/**
 * One corpus entry. Exactly one expectation: `outputs` (the program finishes with these), `error`
 * (it fails at run time with this exact jq 1.6 message, after `outputs` if given), or
 * `compileError: true` (it does not compile; `error`, if given, is the exact message).
 */
export interface CorpusCase {
  name: string;
  query: string;
  input: Json;
  outputs?: Json[];
  error?: string;
  compileError?: boolean;
  /** Host variables (without `$`), given to `compile` by name and to the run by value. */
  variables?: Record<string, Json>;
  /** Why the entry is skipped. */
  skip?: string;
}

/** A corpus entry with where it came from. */
export interface LoadedCorpusCase extends CorpusCase {
  file: string;
  /** 0-based position in the file. */
  index: number;
}

const KNOWN_FIELDS = new Set(['name', 'query', 'input', 'outputs', 'error', 'compileError', 'variables', 'skip']);

/** The problems of one raw entry (empty when it is well-formed). */
export function validateCorpusCase(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return ['not a mapping'];
  const c = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(c)) if (!KNOWN_FIELDS.has(key)) problems.push(`unknown field ${key}`);
  if (typeof c.name !== 'string' || c.name === '') problems.push('name must be a non-empty string');
  if (typeof c.query !== 'string') problems.push('query must be a string');
  if (!('input' in c) && c.compileError !== true) problems.push('input is required');
  if (c.outputs !== undefined && !Array.isArray(c.outputs)) problems.push('outputs must be a list');
  if (c.error !== undefined && typeof c.error !== 'string') problems.push('error must be a string');
  if (c.compileError !== undefined && c.compileError !== true) problems.push('compileError must be true when present');
  if (c.compileError === true && c.outputs !== undefined) problems.push('compileError cannot have outputs');
  if (c.compileError !== true && c.outputs === undefined && c.error === undefined) problems.push('needs outputs, error or compileError');
  if (c.skip !== undefined && (typeof c.skip !== 'string' || c.skip.trim() === '')) problems.push('skip must be a reason');
  if (c.variables !== undefined && (c.variables === null || typeof c.variables !== 'object' || Array.isArray(c.variables))) {
    problems.push('variables must be a mapping');
  }
  return problems;
}

/** The corpus files, sorted. */
export function listCorpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** Reads one corpus file (`[]` or an empty file is an empty corpus). Throws on malformed entries. */
export function loadCorpusFile(file: string): LoadedCorpusCase[] {
  const doc = parseYaml(readFileSync(`${CORPUS_DIR}${file}`, 'utf8')) as unknown;
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new Error(`${file}: a corpus file is a list of cases`);
  return doc.map((raw: unknown, index) => {
    const problems = validateCorpusCase(raw);
    if (problems.length > 0) throw new Error(`${file}[${index}]: ${problems.join('; ')}`);
    const c = raw as CorpusCase;
    return { ...c, input: c.input ?? null, file, index };
  });
}

/** YAML for a string: single-quoted (no escapes needed for jq's backslashes). */
function yamlString(text: string): string {
  if (/[\n\r\t]/.test(text)) return JSON.stringify(text);
  return `'${text.replace(/'/g, "''")}'`;
}

/** A JSON value as YAML flow text (JSON is valid YAML). */
function yamlJson(value: Json): string {
  return JSON.stringify(value);
}

/**
 * A corpus entry as YAML text (one list item, ending in a newline), in the layout of our corpus
 * files: strings single-quoted, values as JSON.
 *
 * @example
 * formatCorpusCase({ name: 'n', query: '.a', input: { a: 1 }, outputs: [1] });
 * // "- name: 'n'\n  query: '.a'\n  input: {\"a\":1}\n  outputs: [1]\n"
 */
export function formatCorpusCase(c: CorpusCase): string {
  const lines = [`- name: ${yamlString(c.name)}`, `  query: ${yamlString(c.query)}`, `  input: ${yamlJson(c.input)}`];
  if (c.variables) lines.push(`  variables: ${yamlJson(c.variables)}`);
  if (c.outputs) lines.push(`  outputs: ${yamlJson(c.outputs)}`);
  if (c.compileError) lines.push('  compileError: true');
  if (c.error !== undefined) lines.push(`  error: ${yamlString(c.error)}`);
  if (c.skip) lines.push(`  skip: ${yamlString(c.skip)}`);
  return `${lines.join('\n')}\n`;
}
