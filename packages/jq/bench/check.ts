/**
 * The honesty check behind the benchmark: every expression must give the same outputs from
 * sluice, the hand-written JavaScript and jq-web (real jq, the reference); jqjs is timed only
 * where it agrees too. Also checks that no engine changes its input.
 * Run alone: `npx tsx bench/check.ts` (exit code 1 when sluice, hand-written or jq-web disagree).
 * @module
 */
import { pathToFileURL } from 'node:url';
import type { Json } from '../src/ast.js';
import { CASES, type BenchCase } from './cases.js';
import { loadEngines, type Engine, type EngineName } from './engines.js';
import { benchInputs, type BenchInput } from './inputs.js';

/** How one engine did on one expression and input. */
export type Verdict =
  | { status: 'ok' }
  | { status: 'incorrect'; got: string }
  | { status: 'error'; message: string }
  | { status: 'n/a'; reason: string };

/** The verdicts of all engines for one expression on one input. */
export interface CaseCheck {
  bench: BenchCase;
  input: BenchInput;
  /** The outputs everything is compared with: jq-web's, or the hand-written ones without jq-web. */
  expected: string;
  verdicts: Record<EngineName, Verdict>;
}

/** Structural equality of JSON values (object key order ignored, as jq's `==`). */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]!));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k]!, b[k]!));
}

function show(outputs: Json[]): string {
  const text = outputs.map((v) => JSON.stringify(v)).join(' ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function outputsOf(engine: Engine, bench: BenchCase, input: BenchInput): Json[] | Verdict {
  if (engine.unavailable !== null) return { status: 'n/a', reason: engine.unavailable };
  try {
    const before = input.text;
    const outputs = engine.prepare(bench).outputs(input);
    if (JSON.stringify(input.value) !== before) throw new Error('changed its input');
    return outputs;
  } catch (e) {
    return { status: 'error', message: (e as Error).message.split('\n')[0]! };
  }
}

/** Runs every expression on every input with every engine and compares the outputs. */
export function checkOutputs(engines: Engine[], cases = CASES, inputs = benchInputs()): CaseCheck[] {
  const checks: CaseCheck[] = [];
  for (const bench of cases) {
    for (const input of inputs) {
      const results = new Map(engines.map((e) => [e.name, outputsOf(e, bench, input)] as const));
      const web = results.get('jq-web');
      const reference = Array.isArray(web) ? web : results.get('hand-written');
      const verdicts = {} as Record<EngineName, Verdict>;
      for (const [name, result] of results) {
        if (!Array.isArray(result)) verdicts[name] = result;
        else if (!Array.isArray(reference)) verdicts[name] = { status: 'error', message: 'no reference output' };
        else if (result.length === reference.length && result.every((v, i) => sameJson(v, reference[i]!))) verdicts[name] = { status: 'ok' };
        else verdicts[name] = { status: 'incorrect', got: show(result) };
      }
      checks.push({ bench, input, expected: Array.isArray(reference) ? show(reference) : '(none)', verdicts });
    }
  }
  return checks;
}

/** Problems that make the comparison dishonest: sluice, hand-written or jq-web not agreeing. */
export function honestyProblems(checks: CaseCheck[]): string[] {
  const problems: string[] = [];
  for (const c of checks) {
    for (const name of ['sluice', 'hand-written', 'jq-web'] as const) {
      const v = c.verdicts[name];
      if (v.status === 'ok' || (name === 'jq-web' && v.status === 'n/a')) continue;
      const detail = v.status === 'incorrect' ? `gave ${v.got}, expected ${c.expected}` : v.status === 'error' ? v.message : v.reason;
      problems.push(`${c.bench.name} (${c.input.name}): ${name} ${v.status}: ${detail}`);
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const checks = checkOutputs(await loadEngines());
  for (const c of checks) {
    const cells = Object.entries(c.verdicts).map(([name, v]) => `${name}=${v.status}`);
    console.log(`${c.bench.name.padEnd(14)} ${c.input.name.padEnd(7)} ${cells.join(' ')}`);
  }
  const problems = honestyProblems(checks);
  for (const p of problems) console.log(`PROBLEM ${p}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
