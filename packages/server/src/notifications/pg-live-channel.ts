/**
 * Cross-replica fan-out of live notification events on PostgreSQL: NOTIFY on channel
 * `sluice_notifications` through the pool, LISTEN on a dedicated connection that reconnects with
 * backoff. Delivery is best effort: an event sent while this replica's LISTEN connection is down
 * is lost (the portal re-reads its list when the stream reconnects or on its next poll).
 */
import { sql } from 'kysely';
import type { Client, Notification as PgNotification } from 'pg';
import type { ServerDb } from '../db/server-db.js';

/** The NOTIFY channel. */
export const LIVE_CHANNEL = 'sluice_notifications';

/** A channel other replicas hear. @internal */
export interface RemoteChannel {
  /** Starts listening (idempotent); resolves once listening, or once the first attempt failed. */
  listen(): Promise<void>;
  send(payload: string): Promise<void>;
  close(): Promise<void>;
}

/** @internal */
export class PgLiveChannel implements RemoteChannel {
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly o: {
      readonly db: ServerDb;
      readonly newClient: () => Client;
      readonly onMessage: (payload: string) => void;
      readonly onError: (err: unknown) => void;
      readonly backoffMs?: number;
      readonly maxBackoffMs?: number;
    },
  ) {
    this.delay = o.backoffMs ?? 100;
  }

  listen(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  async send(payload: string): Promise<void> {
    await sql`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`.execute(this.o.db.db);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = this.o.newClient();
    this.client = client;
    const fail = (err: unknown): void => this.failed(client, err);
    client.on('error', fail);
    client.on('end', () => fail(new Error('the notifications LISTEN connection ended')));
    client.on('notification', (msg: PgNotification) => {
      if (msg.channel === LIVE_CHANNEL && msg.payload) this.o.onMessage(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.delay = this.o.backoffMs ?? 100;
    } catch (err) {
      fail(err);
    }
  }

  private failed(client: Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.o.onError(err);
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, this.o.maxBackoffMs ?? 5000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.closed && !this.client) void this.connect();
    }, delay);
    this.timer.unref();
  }
}
