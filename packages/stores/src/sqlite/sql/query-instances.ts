/**
 * SQL for the instance query: filters, (started_at, id) keyset paging in either direction. Ids
 * compare with SQLite's BINARY collation, the same order as JavaScript's `<` for ids without
 * astral-plane characters.
 */
import { decodeCursor, encodeCursor, type InstancePage, type InstanceQuery } from '@sluice/engine';
import { placeholders, prepared, type SqliteDb } from '../prepared.js';
import { SUMMARY_COLUMNS, toSummary, type InstanceSummaryRow } from '../rows.js';

/** @internal One page of instances matching `q` (default: newest first, 50 per page). */
export function queryInstances(db: SqliteDb, q: InstanceQuery): InstancePage {
  const desc = q.order !== 'asc';
  const limit = Math.max(0, Math.trunc(q.limit ?? 50));
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (q.workflowId !== undefined) add('workflow_id = ?', q.workflowId);
  if (q.status) add(q.status.length > 0 ? `status IN (${placeholders(q.status.length)})` : '0', ...q.status);
  if (q.initiator !== undefined) add('initiator = ?', q.initiator);
  if (q.businessKey !== undefined) add('business_key = ?', q.businessKey);
  if (q.parentId !== undefined) add('parent_id = ?', q.parentId);
  if (q.startedFrom !== undefined) add('started_at >= ?', q.startedFrom);
  if (q.startedTo !== undefined) add('started_at < ?', q.startedTo);
  if (q.cursor !== undefined) {
    const after = decodeCursor(q.cursor);
    const cmp = desc ? '<' : '>';
    add(`(started_at ${cmp} ? OR (started_at = ? AND id ${cmp} ?))`, after.startedAt, after.startedAt, after.id);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const sql =
    `SELECT ${SUMMARY_COLUMNS} FROM sluice_instances` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY started_at ${dir}, id ${dir} LIMIT ?`;
  const rows = prepared(db, sql).all(...params, limit + 1) as InstanceSummaryRow[];
  const items = rows.slice(0, limit).map(toSummary);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, next: encodeCursor(last) } : { items };
}
