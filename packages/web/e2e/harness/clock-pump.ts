/**
 * Moves a SkewedClock forward in the background so that the workflows' sleeps (the seed's 15 s and
 * request-namespace's 10 s between reads of the template task) pass in a blink while the browser
 * watches the run. Portal sign-in tokens use real time, so they are not affected.
 */
import type { SkewedClock } from '../../../server/test/helpers/test-server.js';

/** Advances `clock` by `stepMs` every `everyMs` until the returned stop function is called. */
export function pumpClock(clock: SkewedClock, stepMs = 2_000, everyMs = 50): () => void {
  const timer = setInterval(() => clock.advance(stepMs), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
