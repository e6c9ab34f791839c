/**
 * Formats a bench run as Markdown: one table with every figure beside the in-memory figure of the
 * same run (and DBOS beside Sluice for the three-step rows, with their ratio), the goals of
 * issue 4 checked per row, and a second table saying where a durable instance's time goes (store
 * writes per instance and their mean latency).
 */
import type { DbosResult } from './dbos-peer.js';
import type { StraightCell } from './straight-through.js';
import type { StoreKind } from './stores.js';
import type { WaitingResult } from './waiting.js';

/** Everything one run measured. */
export interface BenchReport {
  readonly cells: readonly StraightCell[];
  readonly dbos?: DbosResult;
  readonly waiting: readonly (WaitingResult | { kind: StoreKind; error: string })[];
  readonly kinds: readonly StoreKind[];
}

const KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres'];
const int = (n: number): string => Math.round(n).toLocaleString('en');
/** A lateness in ms; null is a timer that never fired. */
const ms = (n: number | null): string => (n === null ? '∞' : int(n));
const ratio = (a: number, b: number): string => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;

function cell(cells: readonly StraightCell[], workload: string, c: number, kind: StoreKind): StraightCell | undefined {
  return cells.find((x) => x.workload === workload && x.concurrency === c && x.kind === kind);
}

function rate(x: StraightCell | undefined, memory: StraightCell | undefined): string {
  if (!x) return 'not run';
  if (!x.result) return `failed (${x.error ?? '?'})`.slice(0, 80);
  const r = int(x.result.perSecond);
  if (x.kind === 'memory' || !memory?.result) return r;
  return `${r} (${Math.round((100 * x.result.perSecond) / memory.result.perSecond)}%)`;
}

function goals(workload: string, c: number, cells: readonly StraightCell[], dbos: number | undefined): string {
  const lite = cell(cells, workload, c, 'sqlite')?.result?.perSecond;
  const pg = cell(cells, workload, c, 'postgres')?.result?.perSecond;
  const parts: string[] = [];
  if (workload === 'three-step') {
    if (dbos === undefined) return 'no DBOS figure';
    if (lite !== undefined) parts.push(`SQLite/DBOS ${ratio(lite, dbos)}`);
    if (pg !== undefined) parts.push(`PG/DBOS ${ratio(pg, dbos)}`);
    parts.push(`goal ≥2× DBOS: ${pg !== undefined && pg >= 2 * dbos ? 'met' : 'missed'} on PG, ${lite !== undefined && lite >= 2 * dbos ? 'met' : 'missed'} on SQLite`);
    return parts.join('; ');
  }
  if (lite !== undefined) parts.push(`SQLite ≥1,000: ${lite >= 1000 ? 'met' : 'missed'}`);
  if (pg !== undefined) parts.push(`PG ≥500: ${pg >= 500 ? 'met' : 'missed'}`);
  return parts.length ? `goal ${parts.join(', ')}` : '';
}

function waitingRows(r: BenchReport): string[] {
  const w = (k: StoreKind): WaitingResult | { kind: StoreKind; error: string } | undefined => r.waiting.find((x) => x.kind === k);
  const row = (label: string, f: (x: WaitingResult) => string, note = ''): string =>
    `| ${label} | ${KINDS.map((k) => {
      const x = w(k);
      if (!x) return 'not run';
      return 'error' in x ? `failed (${x.error.split('\n')[0]})`.slice(0, 80) : f(x);
    }).join(' | ')} | | ${note} |`;
  const ok = r.waiting.filter((x): x is WaitingResult => !('error' in x) && x.kind !== 'memory');
  // The goals are about 100,000 sleepers; a smaller run is shown but not judged.
  const judge = (pass: (x: WaitingResult) => boolean): string =>
    ok.map((x) => `${x.kind === 'sqlite' ? 'SQLite' : 'PG'} ${x.count < 100_000 ? `not judged (${int(x.count)} only)` : pass(x) ? 'met' : 'missed'}`).join(', ');
  const rssGoal = judge((x) => x.rssWaitingMB <= 200);
  const lateGoal = judge((x) => x.commitLate.p99 !== null && x.commitLate.p99 < 1000);
  return [
    row('waiting: instances asleep at once', (x) => int(x.count)),
    row('waiting: created (instances/s, start + step into the sleep)', (x) => int(x.createPerSecond)),
    row('waiting: process RSS with all asleep (MB)', (x) => `${int(x.rssWaitingMB)} (idle ${int(x.rssBaseMB)})`, `goal ≤200 MB: ${rssGoal}`),
    row('waiting: peak RSS while firing (MB)', (x) => int(x.rssPeakFiringMB)),
    row('waiting: database size with all asleep (MB)', (x) => (x.db ? (x.db.bytes / 1e6).toFixed(1) : '–')),
    row('waiting: timer lateness p50 / p99 / max (ms, fired step committed)', (x) => `${ms(x.commitLate.p50)} / ${ms(x.commitLate.p99)} / ${ms(x.commitLate.max)}`, `goal p99 <1,000 ms: ${lateGoal}`),
    row('waiting: claim lateness p50 / p99 (ms, claimed by a poll)', (x) => `${ms(x.claimLate.p50)} / ${ms(x.claimLate.p99)}`),
    row('waiting: fired and completed', (x) => `${int(x.completed)}${x.completed < x.count ? ` of ${int(x.count)} (gave up)` : ''} in ${x.fireSeconds.toFixed(1)} s`),
    row('waiting: due-claims / re-claims of in-flight / releases', (x) => `${int(x.claims.claimed)} / ${int(x.claims.reclaimed)} / ${int(x.claims.releases)}`),
    row('waiting: mean ms of claimDue / claim / commit while firing', (x) => ['claimDue', 'claim', 'commit'].map((k) => x.firingOps[k]?.meanMs.toFixed(1) ?? '–').join(' / ')),
  ];
}

/** The main table. */
export function mainTable(r: BenchReport): string {
  const dbos = r.dbos && 'figures' in r.dbos ? r.dbos : undefined;
  const dbosHead = dbos ? `DBOS ${dbos.version} (PG)` : 'DBOS';
  const lines = [`| measure | memory | SQLite (% of memory) | PostgreSQL (% of memory) | ${dbosHead} | ratio / goal |`, '|---|---:|---:|---:|---:|---|'];
  const workloads = [...new Set(r.cells.map((c) => c.workload))];
  const concs = [...new Set(r.cells.map((c) => c.concurrency))];
  for (const wl of workloads) {
    for (const c of concs) {
      const mem = cell(r.cells, wl, c, 'memory');
      const d = wl === 'three-step' ? dbos?.figures.find((f) => f.concurrency === c)?.perSecond : undefined;
      const dCol = wl === 'three-step' ? (d !== undefined ? int(d) : r.dbos && 'skipped' in r.dbos ? 'skipped' : '–') : '';
      const unit = wl === 'three-step' ? 'workflows/s' : 'instances/s';
      lines.push(`| ${wl}, ${c} in flight (${unit}) | ${KINDS.map((k) => rate(cell(r.cells, wl, c, k), mem)).join(' | ')} | ${dCol} | ${goals(wl, c, r.cells, d)} |`);
    }
  }
  if (r.waiting.length > 0) lines.push(...waitingRows(r));
  return lines.join('\n');
}

const STORE_NAME: Readonly<Record<StoreKind, string>> = { memory: 'memory', sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Store calls per instance in every cell, their mean latency, and each round's rate. */
export function timeTable(r: BenchReport): string {
  const lines = ['| cell | per instance: calls × mean ms | wall ms per instance | rounds (instances/s) |', '|---|---|---:|---|'];
  const rounds = (xs: readonly number[] | undefined): string => (xs ?? []).map(int).join(', ');
  for (const c of r.cells) {
    if (!c.result) continue;
    const n = c.result.instances;
    const ops = Object.entries(c.result.ops)
      .filter(([, s]) => s.n > 0)
      .map(([op, s]) => `${op} ${(s.n / n).toFixed(2)} × ${(s.ms / s.n).toFixed(2)}`)
      .join(', ');
    lines.push(`| ${c.workload}, ${c.concurrency} in flight, ${STORE_NAME[c.kind]} | ${ops} | ${((1000 * c.result.seconds) / n).toFixed(2)} | ${rounds(c.perRound)} |`);
  }
  const dbos = r.dbos && 'figures' in r.dbos ? r.dbos : undefined;
  for (const f of dbos?.figures ?? []) lines.push(`| DBOS three-step, ${f.concurrency} in flight | (DBOS internals) | ${(1000 / f.perSecond).toFixed(2)} | ${rounds(f.perRound)} |`);
  return lines.join('\n');
}
