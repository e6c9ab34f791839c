/** The Scheduler port on Node's timers. */
import type { Scheduler } from '@sluice/engine';

/** Real timers. */
export const nodeScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};
