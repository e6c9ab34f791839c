/**
 * An open-loop load generator beside autocannon: request i is due at start + i / rate, evenly
 * spaced, whatever the answers before it did, over at most `connections` keep-alive sockets (node:http
 * Agent; a request finding every socket busy waits in the agent's queue). Latency runs from the
 * due time to the end of the answer, so time spent queued behind a slow answer counts (no
 * coordinated omission). This is the arrival pattern "500 requests/s" describes; autocannon's
 * per-second bursts (load.ts) are the other reading.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadOptions, LoadResult } from './load.js';

export async function runPacedLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const spacing = 1000 / o.rate;
  const total = Math.round(o.rate * o.seconds);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const pending = new Set<Promise<void>>();

  const send = (due: number): void => {
    const body = o.body(o.counter.n++);
    const done = new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          method: 'POST',
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  const start = performance.now() + 5;
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      for (; i < total && start + i * spacing <= now; i++) send(start + i * spacing);
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + i * spacing - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number): number => round(latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? Number.NaN);
  const answered = latencies.length;
  const non2xx = Object.entries(statuses).reduce((n, [code, c]) => (code.startsWith('2') ? n : n + c), 0);
  return {
    seconds,
    sent: total,
    answered,
    perSecond: answered / seconds,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(latencies[answered - 1] ?? Number.NaN), mean: round(latencies.reduce((a, b) => a + b, 0) / answered) },
    errors,
    timeouts: 0,
    statuses,
    non2xx,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
