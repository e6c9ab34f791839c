/**
 * Records a jq case with jq 1.6's answer into the corpus (default `test/corpus/regressions.yaml`),
 * so a mismatch found by the differential test keeps failing anywhere, without the oracle.
 *
 * Usage (from the repository root):
 *   npx tsx packages/jq/test/record-regression.ts --query '.a + 1' --input '{"a": 1}' \
 *     [--name 'what it checks'] [--var SECRET='{"k":"v"}'] [--file regressions.yaml] [--dry-run]
 * npx hands its arguments to a shell once more, which expands glob-like queries (`.[.]` becomes
 * `..`); `node --import tsx packages/jq/test/record-regression.ts ...` passes them untouched. The
 * entry is printed before it is written: check its query.
 *
 * The expected answer always comes from running /usr/bin/jq 1.6 (host variables via `--argjson`);
 * the script refuses to record when the oracle is not jq-1.6 or jq timed out or crashed.
 * @module
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Json } from '../src/ast.js';
import { CORPUS_DIR, REGRESSIONS_FILE, formatCorpusCase, loadCorpusFile, type CorpusCase } from './corpus-format.js';
import { runEngine } from './engine.js';
import { jsonEqual, outputsEqual, showOutputs } from './json-compare.js';
import { ORACLE_IS_JQ16, ORACLE_VERSION, runOracleSync } from './oracle.js';

/** Builds the corpus entry jq 1.6 gives for a case, or explains why it cannot be recorded. */
export function recordCase(
  name: string,
  query: string,
  input: Json,
  variables: Record<string, Json> | undefined,
): CorpusCase | string {
  if (!ORACLE_IS_JQ16) return `the oracle is not jq-1.6 (found ${ORACLE_VERSION})`;
  const args = Object.entries(variables ?? {}).flatMap(([k, v]) => ['--argjson', k, JSON.stringify(v)]);
  const result = runOracleSync(query, JSON.stringify(input), { args, timeoutMs: 10_000 });
  const base: CorpusCase = { name, query, input, ...(variables ? { variables } : {}) };
  switch (result.status) {
    case 'ok':
      return { ...base, outputs: result.outputs };
    case 'error':
      return { ...base, ...(result.outputs.length > 0 ? { outputs: result.outputs } : {}), error: result.message ?? '' };
    case 'compile':
      // Bison's syntax error texts are not compared (as in jq.test's %%FAIL IGNORE MSG cases).
      return { ...base, compileError: true, ...(result.message?.startsWith('syntax error') ? {} : { error: result.message }) };
    default:
      return `jq 1.6 gave no usable answer (${result.status}): ${result.stderr.trim()}`;
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      query: { type: 'string' },
      input: { type: 'string', default: 'null' },
      name: { type: 'string' },
      var: { type: 'string', multiple: true },
      file: { type: 'string', default: REGRESSIONS_FILE },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (values.query === undefined) throw new Error('--query is required');
  const input = JSON.parse(values.input) as Json;
  let variables: Record<string, Json> | undefined;
  for (const spec of values.var ?? []) {
    const eq = spec.indexOf('=');
    if (eq < 1) throw new Error(`--var wants NAME=<json>, got ${spec}`);
    variables = { ...variables, [spec.slice(0, eq)]: JSON.parse(spec.slice(eq + 1)) as Json };
  }
  const name = values.name ?? `regression: ${values.query.length > 60 ? `${values.query.slice(0, 57)}...` : values.query}`;
  const recorded = recordCase(name, values.query, input, variables);
  if (typeof recorded === 'string') {
    process.stderr.write(`not recorded: ${recorded}\n`);
    process.exitCode = 1;
    return;
  }

  const file = values.file;
  const existing = loadCorpusFile(file);
  const duplicate = existing.find(
    (c) => c.query === recorded.query && jsonEqual(c.input, recorded.input) && jsonEqual(c.variables ?? {}, recorded.variables ?? {}),
  );
  if (duplicate) {
    process.stderr.write(`not recorded: ${file} already has this case as "${duplicate.name}"\n`);
    process.exitCode = 1;
    return;
  }

  const ours = runEngine(recorded.query, recorded.input, {
    compile: { variables: Object.keys(variables ?? {}) },
    run: { variables: variables ?? {} },
    maxOutputs: 1000,
  });
  const agrees =
    outputsEqual(ours.outputs, recorded.outputs ?? [], { keyOrder: true }) &&
    (recorded.compileError
      ? ours.error?.kind === 'compile'
      : recorded.error === undefined
        ? ours.error === undefined
        : ours.error?.kind === 'runtime' && ours.error.message === recorded.error);
  const entry = formatCorpusCase(recorded);
  process.stdout.write(entry);
  process.stdout.write(
    agrees
      ? 'note: our engine already agrees with jq 1.6 on this case\n'
      : `our engine: ${showOutputs(ours.outputs)}${ours.error ? ` then ${ours.error.kind} error: ${ours.error.message}` : ''}\n`,
  );
  if (values['dry-run']) return;
  const path = `${CORPUS_DIR}${file}`;
  const text = readFileSync(path, 'utf8');
  if (/^\s*\[\]\s*$/m.test(text) && existing.length === 0) writeFileSync(path, text.replace(/^\s*\[\]\s*$/m, entry.trimEnd()));
  else appendFileSync(path, (text.endsWith('\n') ? '' : '\n') + entry);
  process.stdout.write(`recorded in test/corpus/${file}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
