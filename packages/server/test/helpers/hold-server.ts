/**
 * A tiny HTTP endpoint for workflow actions that answers only when the test says so: it records
 * each request by path and keeps its response open until `release(path, body)`. Lets a test post
 * an event while an instance is provably still busy before its event state.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldServer {
  readonly url: string;
  /** Resolves once a request for `path` arrived. */
  arrived(path: string): Promise<void>;
  /** Answers the request for `path` with 200 and `body` as JSON (a later request for it is held again). */
  release(path: string, body: unknown): void;
  close(): Promise<void>;
}

export async function startHoldServer(): Promise<HoldServer> {
  const held = new Map<string, ServerResponse>();
  const waiters = new Map<string, () => void>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      held.set(path, res);
      waiters.get(path)?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrived: (path) => (held.has(path) ? Promise.resolve() : new Promise((resolve) => waiters.set(path, resolve))),
    release: (path, body) => {
      const res = held.get(path);
      if (!res) throw new Error(`no request held for ${path}`);
      held.delete(path);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
