/**
 * The time jq's `now` sees during a step. Steps are synchronous, so a module-level reading set for
 * the duration of one step is safe, and it keeps expression results a function of the step's inputs.
 */

let current = 0;

/** Runs `fn` with jq's `now` reading `ms` (epoch milliseconds). */
export function withEvalTime<T>(ms: number, fn: () => T): T {
  const saved = current;
  current = ms;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** Seconds since the epoch for jq's `now`: the time of the step being evaluated. Pass it as the loader's `now`. */
export function evalNowSeconds(): number {
  return current / 1000;
}
