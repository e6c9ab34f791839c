/** Real time for hosts: the runtime polls and heartbeats through this port (tests drive it by hand instead). */

/** Runs `fn` after `ms` milliseconds; the returned function cancels it. */
export interface Scheduler {
  after(ms: number, fn: () => void): () => void;
}
