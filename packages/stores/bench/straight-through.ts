/**
 * The straight-through section: every workload (seed small path, 20-state, three-step) on every
 * store (memory, SQLite, PostgreSQL) at 1 and 50 instances in flight, each cell on a fresh store
 * after a warm-up. The seed's REST calls go to one Backstage fake on 127.0.0.1, shared by all cells
 * and running in a child process (see backstage-child.ts); its default task status script is
 * ['completed'], so the small path polls the task once, after one 15 s sleep on the simulated clock.
 *
 * run.ts runs this section in several rounds (interleaved with the DBOS peer) and keeps each cell's
 * median round (`medianCells`), so a burst of load from elsewhere on a shared machine skews one
 * round of a cell rather than the figure.
 */
import { startBackstageChild, startBackstageInline } from './backstage-child.js';
import { measureCell, type DriveResult } from './drive.js';
import { openBenchStore, type StoreKind, type StoreSites } from './stores.js';
import { seedWorkload, threeStepWorkload, twentyWorkload, type Workload } from './workloads.js';

/** One cell's figure. */
export interface StraightCell {
  readonly workload: string;
  readonly concurrency: number;
  readonly kind: StoreKind;
  readonly result?: DriveResult;
  /** Why the cell has no result. */
  readonly error?: string;
  /** Instances/s of each round, when rounds were merged. */
  readonly perRound?: readonly number[];
}

/** Options of {@link runStraightThrough}. */
export interface StraightOptions {
  readonly sites: StoreSites;
  readonly kinds: readonly StoreKind[];
  readonly concurrencies: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Caps instances per cell (smoke tests). */
  readonly maxInstances?: number;
  /** Restrict to these workload names. */
  readonly workloads?: readonly string[];
  readonly onCell?: (cell: StraightCell) => void;
  /** Run the Backstage fake in this process (the smoke test); default: a child process. */
  readonly inlineFake?: boolean;
}

/** Runs every cell; a failing cell is reported with its error and the others go on. */
export async function runStraightThrough(o: StraightOptions): Promise<StraightCell[]> {
  const backstage = o.inlineFake ? await startBackstageInline() : await startBackstageChild();
  let stopped = false;
  try {
    const all: Workload[] = [await seedWorkload(backstage), await twentyWorkload(), await threeStepWorkload()];
    const workloads = all.filter((w) => !o.workloads || o.workloads.includes(w.name));
    const cells: StraightCell[] = [];
    for (const workload of workloads) {
      for (const concurrency of o.concurrencies) {
        for (const kind of o.kinds) {
          const cell = await runCell(o, workload, concurrency, kind);
          cells.push(cell);
          o.onCell?.(cell);
        }
      }
    }
    stopped = true;
    const { violations } = await backstage.stop();
    if (violations.length > 0) throw new Error(`the Backstage fake saw requests that break the seed's specs: ${violations.slice(0, 3).join(' / ')}`);
    return cells;
  } finally {
    if (!stopped) await backstage.stop();
  }
}

async function runCell(o: StraightOptions, workload: Workload, concurrency: number, kind: StoreKind): Promise<StraightCell> {
  const head = { workload: workload.name, concurrency, kind };
  let opened;
  try {
    opened = await openBenchStore(kind, o.sites, `${workload.def.id}-c${concurrency}`);
  } catch (err) {
    return { ...head, error: err instanceof Error ? err.message : String(err) };
  }
  try {
    const result = await measureCell({
      workload,
      store: opened,
      concurrency,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      ...(o.maxInstances !== undefined ? { maxInstances: o.maxInstances } : {}),
    });
    return { ...head, result };
  } catch (err) {
    return { ...head, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await opened.close();
  }
}

/** Merges rounds of the same cells: each cell keeps its median round (and every round's rate). */
export function medianCells(rounds: readonly (readonly StraightCell[])[]): StraightCell[] {
  const first = rounds[0] ?? [];
  return first.map((head) => {
    const same = rounds.map((r) => r.find((c) => c.workload === head.workload && c.concurrency === head.concurrency && c.kind === head.kind));
    const ok = same.filter((c): c is StraightCell & { result: DriveResult } => c?.result !== undefined).sort((a, b) => a.result.perSecond - b.result.perSecond);
    const failed = same.find((c) => c?.error !== undefined);
    if (failed || ok.length === 0) return { workload: head.workload, concurrency: head.concurrency, kind: head.kind, error: failed?.error ?? 'no result' };
    const median = ok[Math.floor((ok.length - 1) / 2)]!;
    return { ...median, perRound: same.map((c) => c?.result?.perSecond ?? Number.NaN) };
  });
}
