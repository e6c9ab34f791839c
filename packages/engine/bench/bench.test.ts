/** The benchmark's workloads do what the table claims (no timing here: `npm run bench` measures). */
import { describe, expect, it } from 'vitest';
import { runBench } from './run.js';

describe('engine bench workloads', () => {
  it('run every workload to completion with the expected number of transitions', async () => {
    const results = await runBench(0.01);
    expect(results.map((r) => r.transitions / r.instances)).toEqual([6, 6, 20, 20]);
    for (const r of results) expect(r.instances).toBeGreaterThan(0);
  });
});
