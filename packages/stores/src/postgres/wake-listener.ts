/**
 * LISTEN on the wake channel over a dedicated connection, calling listeners when another worker
 * enqueued a trigger or committed an instance that is due now. It only wakes: polling stays the
 * source of truth (STYLE §4), so a notification lost while reconnecting costs at most one poll
 * interval, and listeners are also called after every reconnect.
 */
import type { Client, Notification } from 'pg';
import { WAKE_CHANNEL } from './sql/queryable.js';

/** How the listener connects and retries. @internal */
export interface WakeListenerOptions {
  /** A new, unconnected client (same database and settings as the store's pool). */
  readonly connect: () => Client;
  /** Only notifications with this payload (the store's schema) wake. */
  readonly schema: string;
  /** First reconnect delay; doubles up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** Told about connection failures (the listener keeps retrying). */
  readonly onError?: (err: unknown) => void;
}

/** A LISTEN connection shared by the store's wake listeners. @internal */
export class WakeListener {
  private readonly listeners = new Set<() => void>();
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private running = false;
  private connects = 0;

  constructor(private readonly opts: WakeListenerOptions) {
    this.delay = opts.backoffMs;
  }

  /** Adds a listener and connects on the first one; returns its removal. */
  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.running) {
      this.running = true;
      void this.open();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.stop();
    };
  }

  /** Disconnects and forgets every listener. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop();
  }

  private async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const client = this.opts.connect();
    this.client = client;
    const fail = (err: unknown): void => this.failed(client, err);
    client.on('error', fail);
    client.on('end', () => fail(new Error('wake listener connection ended')));
    client.on('notification', (msg: Notification) => {
      if (msg.channel === WAKE_CHANNEL && (msg.payload ?? '') === this.opts.schema) this.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
    } catch (err) {
      fail(err);
      return;
    }
    if (this.client !== client) return;
    this.delay = this.opts.backoffMs;
    this.connects += 1;
    // Anything committed while we were disconnected raised no notification here.
    if (this.connects > 1) this.wake();
  }

  private failed(client: Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (!this.running) return;
    this.opts.onError?.(err);
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, this.opts.maxBackoffMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running && !this.client) void this.open();
    }, delay);
    this.timer.unref();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A listener's failure must not stop the others or the connection.
      }
    }
  }
}
