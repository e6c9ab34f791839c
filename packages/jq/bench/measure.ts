/**
 * Timing: warm up, then repeated timed batches of at least `batchMs` each, taking turns between
 * the engines compared; the result is each one's median batch rate in evaluations per second.
 * @module
 */
import { performance } from 'node:perf_hooks';

/** How long to warm up and how to batch. */
export interface MeasureOptions {
  warmupMs: number;
  batchMs: number;
  batches: number;
}

/** The full run: 200 ms warm-up, then the median of 5 batches of at least 300 ms. */
export const FULL: MeasureOptions = { warmupMs: 200, batchMs: 300, batches: 5 };

/** A smoke run: just enough to see that everything runs. */
export const QUICK: MeasureOptions = { warmupMs: 2, batchMs: 5, batches: 1 };

/** Runs `fn` for about `ms` milliseconds, checking the clock every `step` calls; returns [calls, ms]. */
function runFor(fn: () => void, ms: number, step: number): [number, number] {
  const start = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    for (let i = 0; i < step; i++) fn();
    calls += step;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return [calls, elapsed];
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Evaluations per second of each function: each is warmed up, then the timed batches take turns
 * (batch 1 of every function, then batch 2, ...) so that a busy machine slows all of them alike
 * and the ratios stay fair; each result is the median of its batches.
 */
export function measureAll(fns: ReadonlyArray<() => void>, opts: MeasureOptions): number[] {
  const steps = fns.map((fn) => {
    const [calls, ms] = runFor(fn, opts.warmupMs, 1);
    // Check the clock about every 0.2 ms so its cost stays negligible.
    return Math.max(1, Math.floor((calls / Math.max(ms, 1e-3)) * 0.2));
  });
  const rates = fns.map((): number[] => []);
  for (let b = 0; b < opts.batches; b++) {
    fns.forEach((fn, i) => {
      const [calls, ms] = runFor(fn, opts.batchMs, steps[i]!);
      rates[i]!.push((calls * 1000) / ms);
    });
  }
  return rates.map(median);
}
