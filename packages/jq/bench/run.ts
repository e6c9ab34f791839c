/**
 * The jq benchmark: evaluations per second of twelve expressions on a small and a medium input,
 * for sluice, hand-written JavaScript, jqjs and jq-web, all in this one process, with the ratios
 * of sluice to each. Outputs are checked first (see check.ts); an engine whose output differs is
 * shown as "incorrect" and not timed.
 *
 *   npm run bench -w packages/jq            # full run (~3 minutes)
 *   npm run bench -w packages/jq -- --quick # smoke run (seconds; numbers meaningless)
 * @module
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CASES } from './cases.js';
import { checkOutputs, honestyProblems, type CaseCheck } from './check.js';
import { loadEngines, type EngineName } from './engines.js';
import { benchInputs } from './inputs.js';
import { FULL, QUICK, measureAll, type MeasureOptions } from './measure.js';

/** One table row: an expression on an input, with each engine's rate (or why there is none). */
export interface BenchRow {
  expression: string;
  jq: string;
  input: string;
  /** Evaluations per second, or a word: "incorrect", "error", "n/a". */
  rates: Record<EngineName, number | string>;
}

/** Everything one run produced. */
export interface BenchReport {
  machine: string[];
  checks: CaseCheck[];
  problems: string[];
  rows: BenchRow[];
  table: string;
}

const ENGINES: readonly EngineName[] = ['sluice', 'hand-written', 'jqjs', 'jq-web'];

/** CPU model, cores, memory, Node version and current load, one fact per line. */
export function machineInfo(): string[] {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m !== null) model = m[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return [
    `CPU: ${model}`,
    `Cores: ${cpus().length}`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node: ${process.version} (${process.platform}/${process.arch})`,
    `Load average (1/5/15 min) at start: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
  ];
}

/** 1234567 → "1.23 M", 45678 → "45.7 k", 789 → "789". */
export function formatRate(rate: number | string): string {
  if (typeof rate === 'string') return rate;
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k`;
  return rate >= 100 ? rate.toFixed(0) : rate.toFixed(1);
}

function ratio(a: number | string, b: number | string): string {
  if (typeof a !== 'number' || typeof b !== 'number') return '-';
  const r = a / b;
  return r >= 100 ? `${r.toFixed(0)}x` : r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

/** The Markdown table of a run. */
export function formatTable(rows: BenchRow[]): string {
  const head = ['expression', 'input', 'sluice', 'hand-written', 'jqjs', 'jq-web', 'sluice/hand', 'sluice/jqjs', 'sluice/jq-web'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_h, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    const s = r.rates.sluice;
    const cells = [
      `\`${r.expression.replace(/\|/g, '\\|')}\``, r.input,
      ...ENGINES.map((e) => formatRate(r.rates[e])),
      ratio(s, r.rates['hand-written']), ratio(s, r.rates.jqjs), ratio(s, r.rates['jq-web']),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Checks outputs, then times every engine that gave the right outputs. */
export async function runBench(opts: { quick: boolean; log?: (line: string) => void }): Promise<BenchReport> {
  const log = opts.log ?? (() => {});
  const timing: MeasureOptions = opts.quick ? QUICK : FULL;
  const engines = await loadEngines();
  const inputs = benchInputs();
  const checks = checkOutputs(engines, CASES, inputs);
  const problems = honestyProblems(checks);
  const rows: BenchRow[] = [];
  for (const check of checks) {
    const rates = {} as Record<EngineName, number | string>;
    const timed = engines.filter((e) => check.verdicts[e.name].status === 'ok');
    for (const e of engines) if (!timed.includes(e)) rates[e.name] = check.verdicts[e.name].status;
    const input = check.input;
    const runners = timed.map((e) => e.prepare(check.bench));
    const measured = measureAll(runners.map((r) => () => r.run(input)), timing);
    timed.forEach((e, i) => (rates[e.name] = measured[i]!));
    rows.push({ expression: check.bench.name, jq: check.bench.jq, input: check.input.name, rates });
    log(`${check.bench.name} (${check.input.name}): ${ENGINES.map((e) => `${e} ${formatRate(rates[e])}`).join(', ')}`);
  }
  return { machine: machineInfo(), checks, problems, rows, table: formatTable(rows) };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  for (const line of machineInfo()) console.log(line);
  console.log(`Mode: ${quick ? 'quick (smoke run, numbers meaningless)' : 'full (200 ms warm-up, then 5 rounds of >= 300 ms batches, engines taking turns; median)'}\n`);
  const report = await runBench({ quick, log: (line) => console.error(line) });
  console.log('Expressions:');
  for (const c of CASES) console.log(`  ${c.name.padEnd(14)} ${c.jq}`);
  console.log(`\nInputs: ${benchInputs().map((i) => `${i.name} ${i.text.length} B`).join(', ')}\n`);
  console.log(report.table);
  if (report.problems.length > 0) {
    console.log('\nOUTPUT MISMATCHES (the comparison is not honest for these rows):');
    for (const p of report.problems) console.log(`  ${p}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
