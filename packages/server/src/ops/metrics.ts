/**
 * Prometheus metrics of one server: instances by status, transitions, action latency, timer
 * lateness, HTTP latency and the default Node.js process metrics, on a registry of its own (never
 * prom-client's global one, so several servers in one process do not clash).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HistoryEntry, InstanceStatus, RuntimeObserver } from '@sluice/engine';

/** Every instance status, so that a status with no instances reads 0 rather than vanishing. */
const STATUSES: readonly InstanceStatus[] = ['running', 'waiting', 'suspended', 'completed', 'faulted', 'cancelled'];

/** Counts instances per status (one cheap query per scrape); undefined when it cannot (no samples then). */
export type InstanceCounter = () => Promise<Readonly<Partial<Record<string, number>>> | undefined>;

export interface MetricsOptions {
  /** Collect prom-client's default process metrics (CPU, memory, event loop, GC). Default true. */
  readonly defaultMetrics?: boolean;
}

/**
 * The metrics and the hooks that feed them: `observer` for the runtime, `observeHttp` for the
 * HTTP layer, `countInstancesWith` for the instance gauge (read at scrape time).
 *
 * @example
 *   const metrics = new Metrics();
 *   const runtime = new Runtime({ ..., observer: metrics.observer });
 *   metrics.countInstancesWith(() => countInstancesByStatus(db));
 *   reply.type(metrics.contentType).send(await metrics.render());
 */
export class Metrics {
  readonly registry = new Registry();
  /** Hooks for the runtime; they never throw. */
  readonly observer: RuntimeObserver;
  private counter: InstanceCounter | undefined;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(opts: MetricsOptions = {}) {
    const registers = [this.registry];
    if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client calls `collect` with the gauge as `this`.
    const self = this;
    new Gauge({
      name: 'sluice_instances',
      help: 'Workflow instances in the store by status (all workers sharing the database).',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const counts = await self.counter?.();
        this.reset();
        if (!counts) return;
        for (const s of new Set([...STATUSES, ...Object.keys(counts)])) this.set({ status: s }, counts[s] ?? 0);
      },
    });
    const transitions = new Counter({
      name: 'sluice_transitions_total',
      help: 'State transitions (a thread leaving one state for another) committed by this worker.',
      labelNames: ['workflow'] as const,
      registers,
    });
    const actions = new Histogram({
      name: 'sluice_action_duration_seconds',
      help: 'Duration of function calls made by this worker, by invoker and outcome (ok or error).',
      labelNames: ['workflow', 'invoker', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    const lateness = new Histogram({
      name: 'sluice_timer_lateness_seconds',
      help: 'How long after its due time a timer fired on this worker.',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'sluice_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.observer = {
      stepCommitted(state, history) {
        const n = countTransitions(history);
        if (n > 0) transitions.inc({ workflow: state.workflowId }, n);
      },
      callFinished(info) {
        actions.observe({ workflow: info.workflowId, invoker: info.invoker, outcome: info.ok ? 'ok' : 'error' }, info.ms / 1000);
      },
      timerFired(info) {
        lateness.observe(info.lateMs / 1000);
      },
    };
  }

  /** Sets how `sluice_instances` is counted; without it the gauge has no samples. */
  countInstancesWith(counter: InstanceCounter): void {
    this.counter = counter;
  }

  /** Records one HTTP request; `route` is the route pattern (`/api/x/:id`), never the raw URL. */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** The Content-Type of `render()`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * The transitions in one step's history: a `state.entered` right after a `state.exited` on the same
 * thread. Entering the start state, or a parallel branch's first state, is not a transition.
 * @internal
 */
export function countTransitions(history: readonly HistoryEntry[]): number {
  let n = 0;
  const exited = new Set<string | undefined>();
  for (const h of history) {
    if (h.type === 'state.exited') exited.add(h.thread);
    else if (h.type === 'state.entered' && exited.delete(h.thread)) n++;
  }
  return n;
}
