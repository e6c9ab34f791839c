/**
 * The filters of `GET /api/notifications/notifications` (and of `/topics`), parsed from the query
 * string as Backstage does: `offset`, `limit`, `orderField=<field>,<asc|desc>` (repeatable),
 * `search` (title or description, case-insensitive), `read` / `saved` = `true|false`,
 * `createdAfter` (any date `Date.parse` reads), `minimumSeverity`, `topic`.
 */
import { badRequest } from '../http/http-error.js';
import { normalizeSeverity, type NotificationSeverity } from './notification.js';

/** Fields a list can be ordered by. `updated` falls back to `created` for never-updated ones. */
export const ORDER_FIELDS = ['created', 'updated', 'title', 'topic', 'origin', 'severity', 'read', 'saved'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export interface NotificationQuery {
  readonly offset?: number;
  readonly limit?: number;
  /** Default: `created` descending. */
  readonly orderField?: readonly { readonly field: OrderField; readonly order: 'asc' | 'desc' }[];
  readonly search?: string;
  readonly read?: boolean;
  readonly saved?: boolean;
  /** Epoch milliseconds. */
  readonly createdAfter?: number;
  readonly minimumSeverity?: NotificationSeverity;
  readonly topic?: string;
  /** Only these ids. */
  readonly ids?: readonly string[];
}

type Query = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Parses the query string; InputError (400) for malformed values.
 *
 * @example
 * parseNotificationQuery({ read: 'false', orderField: 'created,asc', limit: '10' });
 */
export function parseNotificationQuery(query: Query): NotificationQuery {
  const one = (key: string): string | undefined => {
    const v = query[key];
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const out: { -readonly [K in keyof NotificationQuery]: NotificationQuery[K] } = {};
  for (const key of ['offset', 'limit'] as const) {
    const v = one(key);
    if (v === undefined || v === '') continue;
    if (!/^\d+$/.test(v)) throw badRequest(`${key} must be a non-negative integer`);
    out[key] = Number(v);
  }
  const order = query.orderField;
  if (order !== undefined) out.orderField = (Array.isArray(order) ? order : [order]).map(parseOrderField);
  const search = one('search');
  if (search) out.search = search;
  for (const key of ['read', 'saved'] as const) {
    const v = one(key);
    if (v === 'true') out[key] = true;
    else if (v === 'false') out[key] = false;
  }
  const createdAfter = one('createdAfter');
  if (createdAfter) {
    const ms = Date.parse(createdAfter);
    if (Number.isNaN(ms)) throw badRequest('Unexpected date format');
    out.createdAfter = ms;
  }
  const minimumSeverity = one('minimumSeverity');
  if (minimumSeverity) out.minimumSeverity = normalizeSeverity(minimumSeverity);
  const topic = one('topic');
  if (topic) out.topic = topic;
  return out;
}

function parseOrderField(text: string): { field: OrderField; order: 'asc' | 'desc' } {
  const [field = '', order = 'asc'] = text.split(',').map((s) => s.trim().toLowerCase());
  if (!(ORDER_FIELDS as readonly string[]).includes(field)) throw badRequest(`orderField: unknown field ${JSON.stringify(field)} (use one of ${ORDER_FIELDS.join(', ')})`);
  if (order !== 'asc' && order !== 'desc') throw badRequest(`orderField: order must be asc or desc, not ${JSON.stringify(order)}`);
  return { field: field as OrderField, order };
}
