/**
 * The inventory service of J4, a real HTTP server on 127.0.0.1 that the test controls: while broken
 * it answers every reservation with 500 and a message; after `fix()` it reserves.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InventoryService {
  readonly url: string;
  /** Request bodies received, in order. */
  readonly calls: unknown[];
  readonly broken: boolean;
  break(): void;
  fix(): void;
  close(): Promise<void>;
}

export async function startInventoryService(): Promise<InventoryService> {
  let broken = true;
  const calls: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push(text ? JSON.parse(text) : undefined);
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/reservations') {
        res.writeHead(404).end(JSON.stringify({ message: `no route ${req.method} ${req.url}` }));
      } else if (broken) {
        res.writeHead(500).end(JSON.stringify({ message: 'inventory database unavailable' }));
      } else {
        res.writeHead(200).end(JSON.stringify({ id: `resv-${calls.length}` }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get broken() {
      return broken;
    },
    break: () => void (broken = true),
    fix: () => void (broken = false),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
