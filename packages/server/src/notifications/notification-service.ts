/**
 * Backstage-compatible notifications: create (entity recipients expanded to users, or broadcast),
 * list per user with filters, read/unread/saved, status counts, and a live feed for the portal.
 * Sending happens within the request (no queue). Semantics follow Backstage's notifications
 * backend; where Sluice differs it says so at the method.
 */
import type { Clock, IdSource } from '@sluice/engine';
import type { Directory } from '../catalog/directory.js';
import type { ServerDb } from '../db/server-db.js';
import { badRequest } from '../http/http-error.js';
import { LiveFeed, type LiveEvent, type LiveListener } from './live-feed.js';
import type { Notification, NotificationStatus } from './notification.js';
import type { NotificationQuery } from './notification-query.js';
import { NotificationReads } from './notification-reads.js';
import { NotificationWrites, type NewNotification } from './notification-writes.js';
import { parseSendRequest } from './parse-send-request.js';
import { PgLiveChannel } from './pg-live-channel.js';

/** Most ids one update may name. */
const MAX_UPDATE_IDS = 1000;

export class NotificationService {
  private readonly reads: NotificationReads;
  private readonly writes: NotificationWrites;
  private readonly live: LiveFeed;
  private reportError: (err: unknown) => void = () => undefined;

  constructor(
    protected readonly o: { readonly db: ServerDb; readonly directory: Directory; readonly clock: Clock; readonly ids: IdSource; readonly baseUrl: () => string },
  ) {
    this.reads = new NotificationReads(o.db);
    this.writes = new NotificationWrites(o.db);
    const newClient = o.db.newClient;
    this.live = new LiveFeed({
      replica: o.ids.newId(),
      onError: (err) => this.reportError(err),
      ...(newClient
        ? { remote: (onMessage) => new PgLiveChannel({ db: o.db, newClient, onMessage, onError: (err) => this.reportError(err) }) }
        : {}),
    });
  }

  /** Where failures outside any request go (the cross-replica channel); default: ignored. */
  reportErrorsTo(report: (err: unknown) => void): void {
    this.reportError = report;
  }

  /**
   * Sends a notification as service `origin` (a static token's subject). `request` is the
   * `POST /api/notifications` body, checked here (InputError with Backstage's messages). Entity
   * recipients become users through the Directory: groups expand to their members through child
   * groups, other entities to their owner; refs the catalog does not know are skipped (Backstage
   * keeps unknown `user:` refs; Sluice only notifies users it has), `excludeEntityRef` removes users
   * and prunes groups, users are de-duplicated. Resolves to the notifications stored (one per user,
   * or the broadcast); with `payload.scope`, an existing one with the same (user, scope, origin) is
   * updated and marked unread instead.
   */
  async send(origin: string, request: unknown): Promise<Notification[]> {
    const { recipients, payload } = parseSendRequest(request, this.o.baseUrl());
    const created = this.o.clock.now();
    const targets: (string | null)[] = [];
    if (recipients.type === 'broadcast') targets.push(null);
    else {
      const users = new Set<string>();
      for (const ref of recipients.entityRef) for (const u of await this.o.directory.usersFor(ref, recipients.excludeEntityRef)) users.add(u);
      targets.push(...[...users].sort());
    }
    const items: NewNotification[] = targets.map((user) => ({ id: this.o.ids.newId(), user, origin, payload, created }));
    const sent: Notification[] = [];
    const scope = payload.scope;
    if (scope === undefined) {
      await this.writes.insertMany(items);
      sent.push(...items.map((n) => ({ id: n.id, user: n.user, created: new Date(created).toISOString(), origin, payload })));
    } else {
      for (const n of items) sent.push(this.reads.toNotification(await this.writes.upsertScoped({ ...n, payload: { ...payload, scope } }, created)));
    }
    await this.live.publish(sent.map((n): LiveEvent => ({ action: 'new_notification', user: n.user, ids: [n.id] })));
    return sent;
  }

  /** The user's notifications (their own and broadcasts) matching `query`, and how many match in all. */
  async list(user: string, query: NotificationQuery): Promise<{ totalCount: number; notifications: Notification[] }> {
    const [notifications, totalCount] = await Promise.all([this.reads.list(user, query), this.reads.count(user, query)]);
    return { totalCount, notifications };
  }

  /** One notification if it is the user's or a broadcast. */
  async get(user: string, id: string): Promise<Notification | undefined> {
    return (await this.reads.byIds(user, [id]))[0];
  }

  /** Read and unread counts of what the user sees. */
  status(user: string): Promise<NotificationStatus> {
    return this.reads.status(user);
  }

  /** The topics of the user's notifications matching `query` (paging and order ignored). */
  async topics(user: string, query: NotificationQuery): Promise<{ topics: string[] }> {
    return { topics: await this.reads.topics(user, query) };
  }

  /**
   * Marks the user's notifications among `ids` (own ones and broadcasts; other users' ids are
   * ignored) read/unread and/or saved/unsaved; resolves to them as they are now. Read changes are
   * pushed to the user's live streams.
   */
  async update(user: string, body: unknown): Promise<Notification[]> {
    const { ids, read, saved } = parseUpdate(body);
    const now = this.o.clock.now();
    await this.writes.mark(user, ids, {
      ...(read !== undefined ? { read: read ? now : null } : {}),
      ...(saved !== undefined ? { saved: saved ? now : null } : {}),
    });
    const notifications = await this.reads.byIds(user, ids);
    if (read !== undefined && notifications.length > 0) {
      await this.live.publish([{ action: read ? 'notification_read' : 'notification_unread', user, ids: notifications.map((n) => n.id) }]);
    }
    return notifications;
  }

  /** Calls `listener` with live events for `user` (theirs and broadcasts) until the returned function is called. */
  subscribe(user: string, listener: LiveListener): Promise<() => void> {
    return this.live.subscribe(user, listener);
  }

  /** Stops the live feed (the cross-replica connection). */
  close(): Promise<void> {
    return this.live.close();
  }
}

/** `{ids, read?, saved?}`; InputError otherwise. */
function parseUpdate(body: unknown): { ids: string[]; read?: boolean; saved?: boolean } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!Array.isArray(b.ids) || !b.ids.every((id) => typeof id === 'string')) throw badRequest('ids must be a list of notification ids');
  if (b.ids.length > MAX_UPDATE_IDS) throw badRequest(`at most ${MAX_UPDATE_IDS} ids per update`);
  for (const key of ['read', 'saved'] as const) {
    if (b[key] !== undefined && typeof b[key] !== 'boolean') throw badRequest(`${key} must be true or false`);
  }
  return { ids: b.ids as string[], ...(b.read !== undefined ? { read: b.read as boolean } : {}), ...(b.saved !== undefined ? { saved: b.saved as boolean } : {}) };
}
