/**
 * Lists instances: filters, (startedAt, id) order ascending or descending, keyset paging with the
 * engine's opaque cursor (`encodeCursor`/`decodeCursor`), exactly as MemoryInstanceStore.query.
 */
import { decodeCursor, encodeCursor, type InstancePage, type InstanceQuery } from '@sluice/engine';
import { SUMMARY_COLUMNS, toSummary, type InstanceSummaryRow } from '../rows.js';
import type { Queryable } from './queryable.js';

/** Default page size, as in the memory store. @internal */
export const DEFAULT_PAGE_SIZE = 50;

// Built per call from a fixed set of conditions; values are always parameters. The row-value
// comparison `(started_at, id) > ($a, $b)` and the ORDER BY follow the sluice_instances_started
// index; ids compare in the database collation (byte order under C/C.UTF-8, like the memory store's `<`).

/** Runs a query; see InstanceStore.query. @internal */
export async function queryInstances(db: Queryable, q: InstanceQuery): Promise<InstancePage> {
  const desc = q.order !== 'asc';
  const limit = Math.max(0, q.limit ?? DEFAULT_PAGE_SIZE);
  const values: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  if (q.workflowId !== undefined) where.push(`workflow_id = ${param(q.workflowId)}`);
  if (q.status !== undefined) where.push(`status = ANY(${param([...q.status])}::text[])`);
  if (q.initiator !== undefined) where.push(`initiator = ${param(q.initiator)}`);
  if (q.businessKey !== undefined) where.push(`business_key = ${param(q.businessKey)}`);
  if (q.parentId !== undefined) where.push(`parent_id = ${param(q.parentId)}`);
  if (q.startedFrom !== undefined) where.push(`started_at >= ${param(q.startedFrom)}`);
  if (q.startedTo !== undefined) where.push(`started_at < ${param(q.startedTo)}`);
  if (q.cursor !== undefined) {
    const after = decodeCursor(q.cursor);
    where.push(`(started_at, id) ${desc ? '<' : '>'} (${param(after.startedAt)}::bigint, ${param(after.id)}::text)`);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const text = `SELECT ${SUMMARY_COLUMNS} FROM sluice_instances
${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
ORDER BY started_at ${dir}, id ${dir}
LIMIT ${param(limit + 1)}`;
  const res = await db.query<InstanceSummaryRow>({ text, values });
  const items = res.rows.slice(0, limit).map(toSummary);
  const last = items[items.length - 1];
  return res.rows.length > limit && last ? { items, next: encodeCursor(last) } : { items };
}
