/**
 * Prometheus metrics: instances by status, transitions, action latency, timer lateness, HTTP latency.
 * (Skeleton: filled in by the operations work.)
 */
import type { RuntimeObserver } from '@sluice/engine';

export class Metrics {
  /** Hooks for the runtime. */
  readonly observer: RuntimeObserver = {};
}
