/**
 * Queries over what one user sees: their own notifications and every broadcast, the broadcasts'
 * read/saved state taken from `sluice_broadcast_states` (a user's own rows carry theirs).
 */
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { ServerDb } from '../db/server-db.js';
import type { ServerTables } from '../db/tables.js';
import { severitiesFrom, type Notification, type NotificationPayload, type NotificationStatus } from './notification.js';
import type { NotificationQuery, OrderField } from './notification-query.js';

type From = ServerTables & { n: ServerTables['sluice_notifications']; b: ServerTables['sluice_broadcast_states'] };
type Q = SelectQueryBuilder<From, 'n' | 'b', object>;
type Eb = ExpressionBuilder<From, 'n' | 'b'>;

const readAt = (eb: Eb) => eb.fn.coalesce('n.read_at', 'b.read_at');
const savedAt = (eb: Eb) => eb.fn.coalesce('n.saved_at', 'b.saved_at');

/** What each order field sorts on. */
const ORDER: Record<OrderField, (eb: Eb) => Expression<unknown>> = {
  created: (eb) => eb.ref('n.created_at'),
  updated: (eb) => eb.fn.coalesce('n.updated_at', 'n.created_at'),
  title: (eb) => eb.ref('n.title'),
  topic: (eb) => eb.ref('n.topic'),
  origin: (eb) => eb.ref('n.origin'),
  // By rank, so `severity,desc` puts critical first.
  severity: () => sql`(CASE n.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END)`,
  read: readAt,
  saved: savedAt,
};

/** A row as the list queries select it. */
interface ListedRow {
  id: string;
  user_ref: string | null;
  origin: string;
  payload: unknown;
  created_at: number;
  updated_at: number | null;
  read_at: number | null;
  saved_at: number | null;
}

/** Read side of the notification tables. @internal */
export class NotificationReads {
  constructor(private readonly db: ServerDb) {}

  /** The page `query` asks for. */
  async list(user: string, query: NotificationQuery): Promise<Notification[]> {
    let q = this.filtered(user, query).select((eb) => [
      'n.id',
      'n.user_ref',
      'n.origin',
      'n.payload',
      'n.created_at',
      'n.updated_at',
      readAt(eb).as('read_at'),
      savedAt(eb).as('saved_at'),
    ]);
    const order = query.orderField ?? [{ field: 'created', order: 'desc' }];
    // NULLs sort as the largest value on both databases (PostgreSQL's default; SQLite's is the opposite).
    for (const o of order) q = q.orderBy((eb) => ORDER[o.field](eb), (ob) => (o.order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsFirst()));
    q = q.orderBy('n.id', order[0]?.order ?? 'desc');
    if (query.limit !== undefined) q = q.limit(query.limit);
    if (query.offset) q = query.limit === undefined ? q.limit(Number.MAX_SAFE_INTEGER).offset(query.offset) : q.offset(query.offset);
    const rows = (await q.execute()) as ListedRow[];
    return rows.map((r) => this.toNotification(r));
  }

  /** How many match `query` (paging ignored). */
  async count(user: string, query: NotificationQuery): Promise<number> {
    const row = await this.filtered(user, query)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async status(user: string): Promise<NotificationStatus> {
    const row = await this.filtered(user, {})
      .select((eb) => [eb.fn.countAll().as('total'), eb.fn.count(readAt(eb)).as('read')])
      .executeTakeFirst();
    const total = Number(row?.total ?? 0);
    const read = Number(row?.read ?? 0);
    return { unread: total - read, read };
  }

  /** The distinct topics of what matches `query`, sorted. */
  async topics(user: string, query: NotificationQuery): Promise<string[]> {
    const rows = await this.filtered(user, query).select('n.topic').distinct().where('n.topic', 'is not', null).orderBy('n.topic').execute();
    return rows.map((r) => r.topic).filter((t): t is string => t !== null);
  }

  /** The user's own or broadcast notifications among `ids`, newest first. */
  async byIds(user: string, ids: readonly string[]): Promise<Notification[]> {
    const out: Notification[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...(await this.list(user, { ids: ids.slice(i, i + 500) })));
    return out;
  }

  private filtered(user: string, query: NotificationQuery): Q {
    let q = this.db.db
      .selectFrom('sluice_notifications as n')
      .leftJoin('sluice_broadcast_states as b', (join) => join.onRef('b.notification_id', '=', 'n.id').on('b.user_ref', '=', user))
      .where((eb) => eb.or([eb('n.user_ref', '=', user), eb('n.user_ref', 'is', null)])) as unknown as Q;
    if (query.ids) q = q.where('n.id', 'in', query.ids.length > 0 ? [...query.ids] : ['']);
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(lower(n.title) LIKE ${pattern} ESCAPE '\\' OR lower(n.description) LIKE ${pattern} ESCAPE '\\')`);
    }
    if (query.read !== undefined) q = q.where((eb) => eb(readAt(eb), query.read ? 'is not' : 'is', null));
    if (query.saved !== undefined) q = q.where((eb) => eb(savedAt(eb), query.saved ? 'is not' : 'is', null));
    if (query.createdAfter !== undefined) q = q.where('n.created_at', '>=', query.createdAfter);
    if (query.minimumSeverity) q = q.where('n.severity', 'in', severitiesFrom(query.minimumSeverity));
    if (query.topic) q = q.where('n.topic', '=', query.topic);
    return q;
  }

  /** A row → the API shape (read/saved/updated only when set). @internal */
  toNotification(r: ListedRow): Notification {
    const iso = (ms: number | null): string | undefined => (ms === null || ms === undefined ? undefined : new Date(Number(ms)).toISOString());
    const saved = iso(r.saved_at);
    const read = iso(r.read_at);
    const updated = iso(r.updated_at);
    return {
      id: r.id,
      user: r.user_ref,
      created: iso(r.created_at)!,
      ...(saved ? { saved } : {}),
      ...(read ? { read } : {}),
      ...(updated ? { updated } : {}),
      origin: r.origin,
      payload: this.db.fromJson<NotificationPayload>(r.payload),
    };
  }
}
