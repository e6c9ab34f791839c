/**
 * Smoke test of the HTTP bench: each workload runs about a second at a low rate, one with each load
 * generator, on SQLite, with the server and the Backstage fake in this process (vitest cannot fork
 * .ts files), and the server clock moved past the seed's 15 s sleep. It proves that the requests
 * succeed and every started instance completes, so `npm run bench` measures real runs; it asserts
 * nothing about speed.
 */
import { describe, expect, it } from 'vitest';
import { resultTable } from './report.js';
import { runScenario, type ScenarioResult } from './scenario.js';

describe('server bench', () => {
  const results: ScenarioResult[] = [];

  it.each([
    ['trivial', 'autocannon'],
    ['seed', 'paced'],
  ] as const)('%s with %s: every request answered 200 and every instance completed', async (workload, generator) => {
    const r = await runScenario({
      workload,
      database: 'sqlite',
      generator,
      rate: 20,
      connections: 4,
      warmupSeconds: 0.5,
      seconds: 1,
      inProcess: true,
      advanceClockMs: 16_000,
      drainTimeoutMs: 15_000,
    });
    expect([r.measured.errors, r.measured.non2xx, r.warmup.errors, r.warmup.non2xx]).toEqual([0, 0, 0, 0]);
    expect(r.measured.answered).toBeGreaterThanOrEqual(10);
    expect(Object.keys(r.instances)).toEqual(['completed']);
    expect(r.instances['completed']).toBeGreaterThanOrEqual(r.warmup.answered + r.measured.answered);
    expect(r.drainSeconds).toBeDefined();
    if (workload === 'seed') expect(r.backstage).toMatchObject({ violations: [] });
    results.push(r);
  }, 30_000);

  it('renders the report', () => {
    const table = resultTable(results, 20);
    expect(table.split('\n')).toHaveLength(2 + results.length);
    expect(table).toContain('| seed small path (create-ocp-namespace-swt) | SQLite | paced |');
    expect(table).toContain('| trivial (one inject state) | SQLite | autocannon |');
  });
});
