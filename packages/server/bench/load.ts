/**
 * The load generator: autocannon 8.0.0 at a fixed overall rate over a fixed number of keep-alive
 * connections, `POST`ing a JSON body built per request.
 *
 * Two properties of autocannon shape what the figures mean (read from its lib/httpClient.js and
 * lib/run.js):
 * - its rate limit is per connection and per wall-clock second: each connection sends its share
 *   (rate / connections) back to back as soon as the previous answer arrives, then waits for the
 *   next second. The load therefore comes in bursts of up to `connections` requests in flight at
 *   the start of each second, not as evenly spaced arrivals;
 * - its coordinated-omission correction uses an expected interval of ceil(1 / per-connection rate)
 *   = 1 ms, which records one synthetic sample per millisecond below each answer's latency. We turn
 *   it off (`ignoreCoordinatedOmission`) and report the latencies as measured, one sample per answer.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  readonly url: string;
  readonly token: string;
  readonly rate: number;
  readonly connections: number;
  readonly seconds: number;
  /** Body of the n-th request (n counts across calls that share `counter`). */
  readonly body: (n: number) => string;
  readonly counter: { n: number };
}

export interface LoadResult {
  readonly seconds: number;
  readonly sent: number;
  readonly answered: number;
  readonly perSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number; readonly mean: number };
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  /** Answers by status code. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly non2xx: number;
}

/** Runs one load phase and resolves with its figures. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: o.url,
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    connections: o.connections,
    overallRate: o.rate,
    duration: o.seconds,
    timeout: 10,
    ignoreCoordinatedOmission: true,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: o.body(o.counter.n++) }) }],
  });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    seconds: r.duration,
    sent: r.requests.sent,
    answered,
    perSecond: answered / r.duration,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    non2xx: r.non2xx,
  };
}
