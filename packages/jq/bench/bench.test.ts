// Smoke test of the benchmark harness: it runs, and the engines agree on every output.
// It never asserts speed (the full run and its reading are in BENCH.md).
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { runBench } from './run.js';

describe('jq benchmark (--quick)', () => {
  it('times every expression and finds sluice, hand-written JS and jq-web in agreement', async () => {
    const report = await runBench({ quick: true });
    expect(report.problems).toEqual([]);
    expect(report.rows).toHaveLength(CASES.length * 2);
    for (const row of report.rows) {
      expect(typeof row.rates.sluice, `${row.expression} ${row.input}`).toBe('number');
      expect(typeof row.rates['hand-written'], `${row.expression} ${row.input}`).toBe('number');
    }
    expect(report.table.split('\n')).toHaveLength(CASES.length * 2 + 2);
    expect(report.machine[0]).toMatch(/^CPU: /);
  }, 120_000);
});
