/**
 * The verdict of the differential test on one program and input: our engine's outputs and error
 * text against jq 1.6's, and shrinking a mismatch to a small program that still shows it.
 * @module
 */
import type { Json } from '../src/ast.js';
import { runEngine, type EngineResult } from './engine.js';
import { shrinkInput } from './gen/json-values.js';
import { nodeSize, printNode, shrinkProgram, type GenNode } from './gen/program-tree.js';
import { outputsEqual, showJson, showOutputs } from './json-compare.js';
import { runOracleSync, type OracleResult } from './oracle.js';

/** Same, skipped (jq gave no usable answer), or different. */
export type Verdict =
  | { kind: 'match' }
  | { kind: 'skip'; reason: string }
  | { kind: 'mismatch'; cause: string; group: string; ours: EngineResult; jq: OracleResult };

/** Engine step limit for random programs: low enough that a runaway program ends quickly. */
const ENGINE_LIMITS = { maxSteps: 2_000_000 };

/** A message with its values blurred, so that mismatches group by kind. */
export function blur(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\((?:[^()]|\([^()]*\))*\)/g, '(…)')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, 'N')
    .slice(0, 90);
}

function describeEngine(result: EngineResult): string {
  const error = result.error ? ` then ${result.error.kind} error: ${result.error.message}` : '';
  return `${showOutputs(result.outputs).replace(/\n/g, ' ')}${error}`;
}

/** jq 1.6's answer in one line. */
export function describeOracle(result: OracleResult): string {
  const outputs = showOutputs(result.outputs).replace(/\n/g, ' ');
  if (result.status === 'error') return `${outputs} then error: ${result.message ?? ''}`;
  if (result.status === 'compile') return `compile error: ${result.message ?? ''}`;
  return outputs;
}

/** Our engine's answer in one line. */
export function describeOurs(result: EngineResult): string {
  return describeEngine(result);
}

/**
 * Compares our engine with jq 1.6's recorded answer. Compile errors: both must reject the program,
 * with the same message unless jq's is a bison `syntax error` (those texts are not compared, as in
 * jq.test's `%%FAIL IGNORE MSG`). Otherwise the outputs must be equal, object key order included,
 * and an error must come at the same point with the same message.
 */
export function compareWithOracle(program: string, input: Json, jq: OracleResult): Verdict {
  switch (jq.status) {
    case 'timeout':
      return { kind: 'skip', reason: 'jq timed out' };
    case 'overflow':
      return { kind: 'skip', reason: 'jq output too large' };
    case 'notrun':
      return { kind: 'skip', reason: 'time budget exhausted' };
    case 'other':
      return { kind: 'skip', reason: `jq crashed or exited ${String(jq.exitCode)}` };
    default:
      break;
  }
  const ours = runEngine(program, input, { compile: { limits: ENGINE_LIMITS }, maxOutputs: jq.outputs.length + 1 });
  const mismatch = (cause: string, key: string): Verdict => ({ kind: 'mismatch', cause, group: `${cause}: ${blur(key)}`, ours, jq });
  const oursError = ours.error;
  if (jq.status === 'compile') {
    const jqMessage = jq.message ?? '';
    if (oursError?.kind !== 'compile') return mismatch('accepts a program jq 1.6 rejects', jqMessage);
    if (!jqMessage.startsWith('syntax error') && oursError.message !== jqMessage) {
      return mismatch('different compile error', `${jqMessage} / ours: ${oursError.message}`);
    }
    return { kind: 'match' };
  }
  if (oursError?.kind === 'compile') return mismatch('rejects a program jq 1.6 accepts', oursError.message);
  if (oursError?.kind === 'crash') return mismatch('engine crash (not a JqError)', oursError.message.split(' | ')[0]);
  if (oursError?.kind === 'limit') return mismatch('engine limit hit where jq 1.6 finishes', oursError.message);
  if (oursError?.kind === 'halt') return mismatch('engine halted', oursError.message);
  if (!outputsEqual(ours.outputs, jq.outputs, { keyOrder: true })) {
    if (outputsEqual(ours.outputs, jq.outputs)) return mismatch('different object key order', program);
    // docs/differences.md: jq 1.6 evaluates bsearch's target inside its loop, so a target with
    // several outputs gives a different number of answers there; ours searches once per output.
    if (/\bbsearch\b/.test(program) && ours.outputs.length !== jq.outputs.length) {
      return { kind: 'skip', reason: 'bsearch with a multi-output target (docs/differences.md)' };
    }
    // Grouped by the names the program uses, which after shrinking points at the culprit.
    const names = [...new Set(program.match(/[@$]?[a-z_][a-z_0-9]*/gi) ?? [])].sort().join(' ');
    return { kind: 'mismatch', cause: 'different outputs', group: `different outputs: ${names}`, ours, jq };
  }
  if (jq.status === 'ok' && oursError) return mismatch('error where jq 1.6 succeeds', oursError.message);
  if (jq.status === 'error') {
    const jqMessage = jq.message ?? '';
    if (!oursError) return mismatch('no error where jq 1.6 fails', jqMessage);
    if (oursError.message !== jqMessage) return mismatch('different error message', `${jqMessage} / ours: ${oursError.message}`);
  }
  return { kind: 'match' };
}

/** A mismatch, shrunk where possible. */
export interface Mismatch {
  program: string;
  input: Json;
  verdict: Extract<Verdict, { kind: 'mismatch' }>;
  /** The program before shrinking, when shrinking changed it. */
  original?: { program: string; input: Json };
}

/**
 * Greedily shrinks a mismatching case: tries smaller programs (a subtree replaced by a child, `.`
 * or `null`) and smaller inputs, keeping a candidate when jq 1.6 and our engine still disagree for
 * the same cause. Each try runs jq once; stops after `maxTries` or at `deadline`.
 */
export function shrinkMismatch(
  tree: GenNode,
  input: Json,
  verdict: Extract<Verdict, { kind: 'mismatch' }>,
  options: { maxTries: number; deadline: number },
): Mismatch {
  let best = { tree, input, verdict };
  let tries = 0;
  const attempt = (candidateTree: GenNode, candidateInput: Json): boolean => {
    if (tries >= options.maxTries || Date.now() > options.deadline) return false;
    tries++;
    const program = printNode(candidateTree);
    const jq = runOracleSync(program, JSON.stringify(candidateInput));
    const v = compareWithOracle(program, candidateInput, jq);
    if (v.kind === 'mismatch' && v.cause === verdict.cause && (jq.status !== 'compile' || best.verdict.jq.status === 'compile')) {
      best = { tree: candidateTree, input: candidateInput, verdict: v };
      return true;
    }
    return false;
  };
  let progress = true;
  while (progress && tries < options.maxTries && Date.now() <= options.deadline) {
    progress = false;
    for (const candidate of shrinkProgram(best.tree)) {
      if (nodeSize(candidate) >= nodeSize(best.tree) && printNode(candidate).length >= printNode(best.tree).length) continue;
      if (attempt(candidate, best.input)) {
        progress = true;
        break;
      }
      if (tries >= options.maxTries) break;
    }
    if (progress) continue;
    for (const candidate of shrinkInput(best.input)) {
      if (attempt(best.tree, candidate)) {
        progress = true;
        break;
      }
    }
  }
  const program = printNode(best.tree);
  const originalProgram = printNode(tree);
  const changed = program !== originalProgram || showJson(best.input) !== showJson(input);
  return { program, input: best.input, verdict: best.verdict, ...(changed ? { original: { program: originalProgram, input } } : {}) };
}

/**
 * A shell command that records a mismatch as a regression case with jq 1.6's answer. It runs tsx
 * through node rather than npx, which passes arguments through a shell again and turns a query like
 * `.[.]` into `..` (a glob).
 */
export function recordCommand(program: string, input: Json): string {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  return `node --import tsx packages/jq/test/record-regression.ts --query ${quote(program)} --input ${quote(JSON.stringify(input))}`;
}
