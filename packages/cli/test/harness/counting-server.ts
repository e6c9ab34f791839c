/** A local HTTP service that counts calls per (instance, step) and answers after a small random delay. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running server: its port, the counts, and close(). */
export interface CountingServer {
  port: number;
  /** `${instance}/${step}` → number of calls received. */
  counts: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

/** POST /count/<step> with `{ instance }` → `{ step, instance, n }` (n = this call's number). */
export async function startCountingServer(opts: { maxDelayMs?: number; seed?: number } = {}): Promise<CountingServer> {
  const counts = new Map<string, number>();
  let rnd = opts.seed ?? 7;
  const next = () => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const step = /^\/count\/([a-z]+)$/.exec(req.url ?? '')?.[1];
      const instance = (JSON.parse(body || '{}') as { instance?: string }).instance;
      if (req.method !== 'POST' || !step || !instance) {
        res.writeHead(400).end('{}');
        return;
      }
      const key = `${instance}/${step}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ step, instance, n }));
      }, Math.floor(next() * (opts.maxDelayMs ?? 20)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
