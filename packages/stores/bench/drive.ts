/**
 * Straight-through driver: keeps `concurrency` instances of one workload in flight through a real
 * Runtime (`start`, `tick`, `idle`) on one store, and counts instances per second.
 *
 * Timers. The seed's small path sleeps 15 s (`sleep.after PT15S`). The bench must not wait real
 * seconds, so the runtime reads a SimulatedClock, which the driver moves to `store.nextWakeAt()`
 * only when the worker is idle (every instance in flight is waiting for a timer), then calls
 * `tick()` so the worker claims the due instances, exactly as the engine bench does. This was
 * chosen over a real clock plus an offset because an offset would still make the worker discover
 * due timers by polling (up to a poll interval per sleep), which measures the poll interval, not
 * the store; with the simulated clock a sleep costs what it costs the store: a timer row written,
 * a due-claim, a commit. Workloads without timers never move the clock.
 *
 * Steady concurrency: a new instance starts as soon as one ends (the ObservedStore reports ends
 * from commits), until the time budget is spent; then the driver drains what is in flight, and the
 * rate is ended instances over the whole wall time, drain included.
 */
import { Runtime, SimulatedClock, SequentialIds, MemoryCatalog, type Logger } from '@sluice/engine';
import { ObservedStore, type OpStat } from './observed-store.js';
import type { BenchStore } from './stores.js';
import type { Workload } from './workloads.js';

/** A quiet logger (the seed's sysout step logs through it). */
export const quietLog: Logger = { log: () => undefined };

/** One measured cell. */
export interface DriveResult {
  readonly instances: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Simulated seconds the clock moved (timers fired without waiting). */
  readonly simulatedSeconds: number;
  /** Store writes during the measured run: calls and summed wall time per method. */
  readonly ops: Readonly<Record<string, OpStat>>;
}

/** Options of {@link drive}. */
export interface DriveOptions {
  readonly workload: Workload;
  readonly store: BenchStore;
  readonly concurrency: number;
  /** Wall-clock budget for starting instances (the drain comes on top). */
  readonly seconds: number;
  /** Never start more than this many (default unbounded). */
  readonly maxInstances?: number;
  /** A prefix keeping instance ids unique within one store (warm-up and measured runs share it). */
  readonly idPrefix?: string;
}

/** Runs one cell (see the module comment). Throws when an instance faults or the worker gets stuck. */
export async function drive(o: DriveOptions): Promise<DriveResult> {
  const clock = new SimulatedClock();
  const t0Sim = clock.now();
  const store = new ObservedStore(o.store.store, clock);
  const runtime = new Runtime({
    store,
    clock,
    ids: new SequentialIds(o.idPrefix ?? 'i-'),
    catalog: new MemoryCatalog().add({ def: o.workload.def, config: o.workload.config }),
    invokers: o.workload.invokers,
    log: quietLog,
    batch: Math.max(64, o.concurrency),
  });
  const max = o.maxInstances ?? Number.POSITIVE_INFINITY;
  const start = performance.now();
  const deadline = start + o.seconds * 1000;
  let started = 0;
  let failure: unknown;
  // Starts are not awaited one by one: with N in flight, N starts may be writing at once.
  const starting = new Set<Promise<void>>();
  const launch = (): void => {
    const p: Promise<void> = runtime.start(o.workload.def.id, o.workload.input).then(
      () => undefined,
      (err: unknown) => void (failure ??= err),
    );
    starting.add(p);
    void p.finally(() => starting.delete(p));
  };
  // Nothing is being started and the worker has nothing queued or in flight.
  const quiet = async (): Promise<void> => {
    for (;;) {
      if (starting.size > 0) await Promise.all(starting);
      await runtime.idle();
      if (starting.size === 0) return;
    }
  };
  let idle: Promise<'idle'> | undefined;
  const open = (): boolean => started < max && performance.now() < deadline;
  for (;;) {
    while (open() && started - store.endedTotal < o.concurrency) {
      started += 1;
      launch();
    }
    if (failure !== undefined) throw failure;
    if (store.ended.faulted > 0) throw new Error(`${o.workload.name} on ${o.store.kind}: an instance faulted: ${store.firstFault}`);
    if (!open() && store.endedTotal >= started) break;
    idle ??= quiet().then(() => 'idle' as const);
    const outcome = await Promise.race([store.settled().then(() => 'ended' as const), idle]);
    if (outcome !== 'idle') continue;
    idle = undefined;
    // Still quiet (nothing started since)? Then every instance in flight waits for a timer.
    await quiet();
    if (started - store.endedTotal === 0) continue;
    const due = await store.nextWakeAt();
    if (due === undefined) throw new Error(`${o.workload.name} on ${o.store.kind}: ${started - store.endedTotal} instances in flight, none due`);
    clock.set(due);
    await runtime.tick();
  }
  await runtime.idle();
  const seconds = (performance.now() - start) / 1000;
  return { instances: store.endedTotal, seconds, perSecond: store.endedTotal / seconds, simulatedSeconds: (clock.now() - t0Sim) / 1000, ops: store.ops };
}

/** Options of {@link measureCell}. */
export interface CellOptions extends Omit<DriveOptions, 'seconds' | 'idPrefix'> {
  readonly warmupSeconds: number;
  readonly seconds: number;
}

/** A warm-up drive (JIT, prepared statements, pool connections), then the measured drive. */
export async function measureCell(o: CellOptions): Promise<DriveResult> {
  if (o.warmupSeconds > 0) await drive({ ...o, seconds: o.warmupSeconds, idPrefix: 'warm-' });
  return drive({ ...o, idPrefix: 'run-' });
}
