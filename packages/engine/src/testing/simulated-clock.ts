/** A clock that only moves when told to: tests and `--fast-timers` use it. */
import type { Clock } from '../ports/clock.js';

/** Simulated time in epoch ms. */
export class SimulatedClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }

  /** Sets the time, if later than now. */
  set(ms: number): void {
    if (ms > this.current) this.current = ms;
  }
}

/** Sequential ids: `<prefix>1`, `<prefix>2`, ... (deterministic tests). */
export class SequentialIds {
  private n = 0;
  constructor(private readonly prefix = 'i-') {}
  newId(): string {
    this.n += 1;
    return `${this.prefix}${this.n}`;
  }
}
