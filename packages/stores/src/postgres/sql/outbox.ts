/** The outbox: events produced and not yet published (`takeOutbox`), and marking them published. */
import type { CloudEvent, OutboxEntry } from '@sluice/engine';
import { num } from '../rows.js';
import type { Queryable } from './queryable.js';

const TAKE = `SELECT id, event FROM sluice_outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`;

// published_at takes the database clock: the port's markPublished has no `now`, and the column is
// only informational (nothing reads it but the partial index's predicate).
const MARK = `UPDATE sluice_outbox SET published_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint
WHERE id = ANY($1::bigint[]) AND published_at IS NULL`;

/** Unpublished events, oldest first. @internal */
export async function takeOutbox(db: Queryable, limit: number): Promise<OutboxEntry[]> {
  if (limit <= 0) return [];
  const res = await db.query<{ id: string; event: CloudEvent }>({ name: 'sluice_outbox_take', text: TAKE, values: [limit] });
  return res.rows.map((r) => ({ id: num(r.id), event: r.event }));
}

/** Marks events published. @internal */
export async function markPublished(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query({ name: 'sluice_outbox_mark', text: MARK, values: [ids] });
}
