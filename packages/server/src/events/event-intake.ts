/**
 * CloudEvents in: delivers events to waiting event and callback states (by `kogitoprocrefid` or
 * correlation) and starts instances for start events; duplicate event ids are ignored.
 *
 * Duplicates. An event is identified by `(source, id)` (CloudEvents 1.0 §id). The intake checks
 * `sluice_received_events`, delivers through `Runtime.publishEvent`, and records the id only after
 * the delivery is stored. A crash between delivery and record loses nothing: the sender got no
 * 202, sends again, and the event is delivered again. Delivery is therefore at-least-once, never
 * at-most-once. The rejected alternative was to record first and then deliver: a crash between the
 * two would have answered the retry with `duplicate` and lost the event, and the engine has no
 * event-id idempotency to fall back on (`publishEvent` starts instances with fresh ids and queues
 * each delivery). Two requests with the same id at the same time in this process are serialized,
 * so the second sees the first's record. Two servers sharing a database can still both deliver an
 * event that reaches both at the same moment.
 *
 * Ids are kept 7 days: older records are purged at most once an hour, in the background of an
 * intake. After that, the same `(source, id)` is a new event.
 */
import type { Clock, CloudEvent, Runtime } from '@sluice/engine';
import type { ServerDb } from '../db/server-db.js';

/** How long a received event id is remembered. */
export const RECEIVED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Least time between two purges of old ids. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;

/** What happened to one event. */
export interface IntakeResult {
  readonly id: string;
  readonly source: string;
  /** True when `(source, id)` was received before; nothing was delivered. */
  readonly duplicate: boolean;
  /** Instances the event was queued for. */
  readonly delivered: string[];
  /** Instances the event started. */
  readonly started: string[];
}

export class EventIntake {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private lastPurgeAt = Number.NEGATIVE_INFINITY;

  constructor(protected readonly o: { readonly db: ServerDb; readonly runtime: Runtime; readonly clock: Clock }) {}

  /**
   * Delivers one event unless its `(source, id)` was received before. Resolves once the delivery
   * is stored (triggers queued, instances created); the instances run afterwards.
   */
  async receive(event: CloudEvent): Promise<IntakeResult> {
    const key = JSON.stringify([event.source, event.id]);
    for (let busy = this.inFlight.get(key); busy; busy = this.inFlight.get(key)) await busy.catch(() => undefined);
    const work = this.deliverOnce(event);
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
      this.purgeWhenDue();
    }
  }

  /** Deletes ids received more than {@link RECEIVED_TTL_MS} ago; resolves with how many. */
  async purgeExpired(): Promise<number> {
    const before = this.o.clock.now() - RECEIVED_TTL_MS;
    const r = await this.o.db.db.deleteFrom('sluice_received_events').where('received_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  private async deliverOnce(event: CloudEvent): Promise<IntakeResult> {
    const { db } = this.o.db;
    const seen = await db.selectFrom('sluice_received_events').select('id').where('source', '=', event.source).where('id', '=', event.id).executeTakeFirst();
    if (seen) return { id: event.id, source: event.source, duplicate: true, delivered: [], started: [] };
    const { delivered, started } = await this.o.runtime.publishEvent(event);
    await db
      .insertInto('sluice_received_events')
      .values({ source: event.source, id: event.id, received_at: this.o.clock.now() })
      .onConflict((oc) => oc.columns(['source', 'id']).doNothing())
      .execute();
    return { id: event.id, source: event.source, duplicate: false, delivered, started };
  }

  /** Starts a purge in the background when the last one is an hour old; a failed one is retried at the next event. */
  private purgeWhenDue(): void {
    const now = this.o.clock.now();
    if (now - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = now;
    this.purgeExpired().catch(() => {
      this.lastPurgeAt = Number.NEGATIVE_INFINITY;
    });
  }
}
