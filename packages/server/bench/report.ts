/** The HTTP bench's Markdown table: one row per scenario, with the goal's verdict. */
import { DATABASE_LABEL, type ScenarioResult } from './scenario.js';
import { WORKLOADS } from './workloads.js';

/** The goal: p99 under this many ms at the target rate. */
export const GOAL_P99_MS = 25;

export function resultTable(results: readonly (ScenarioResult | { workload: string; database: string; generator: string; error: string })[], rate: number): string {
  const head = [
    '| workload | database | load | achieved req/s | p50 / p90 / p99 / max (ms) | errors | non-2xx | instances (by final status) | all ended after the load | server RSS (MB) | p99 < 25 ms at the rate |',
    '|---|---|---|---:|---|---:|---:|---|---:|---:|---|',
  ];
  const rows = results.map((r) => {
    if ('error' in r) return `| ${r.workload} | ${r.database} | ${r.generator} | failed: ${r.error.replace(/\|/g, '/').split('\n')[0]} | | | | | | | |`;
    const m = r.measured;
    const l = m.latencyMs;
    const met = m.perSecond >= rate * 0.98 && m.errors === 0 && m.non2xx === 0 && l.p99 < GOAL_P99_MS;
    const instances = Object.entries(r.instances)
      .map(([s, n]) => `${s} ${n.toLocaleString('en-US')}`)
      .join(', ');
    return [
      WORKLOADS[r.workload].label,
      DATABASE_LABEL[r.database],
      r.generator === 'paced' ? 'paced' : 'autocannon',
      m.perSecond.toFixed(1),
      `${l.p50} / ${l.p90} / ${l.p99} / ${l.max}`,
      m.errors + m.timeouts,
      m.non2xx,
      instances,
      r.drainSeconds === undefined ? 'gave up' : `${r.drainSeconds.toFixed(1)} s`,
      Math.round(r.rssMb),
      met ? 'met' : 'missed',
    ].join(' | ');
  });
  return [...head, ...rows.map((r) => (r.startsWith('|') ? r : `| ${r} |`))].join('\n');
}
