/** SQL for retention: delete finished instances that ended before a time, with their rows elsewhere. */
import { prepared, type SqliteDb } from '../prepared.js';

const FINISHED_BEFORE = "status IN ('completed', 'faulted', 'cancelled') AND ended_at < @before";
const OLD_IDS = `SELECT id FROM sluice_instances WHERE ${FINISHED_BEFORE}`;

/**
 * @internal Deletes finished instances that ended before `before`, with their history, timers and
 * inbox; returns how many instances. Their outbox rows stay for the publisher. Run it in a
 * transaction.
 */
export function purgeInstances(db: SqliteDb, before: number): number {
  for (const table of ['sluice_history', 'sluice_timers', 'sluice_inbox']) {
    prepared(db, `DELETE FROM ${table} WHERE instance_id IN (${OLD_IDS})`).run({ before });
  }
  return prepared(db, `DELETE FROM sluice_instances WHERE ${FINISHED_BEFORE}`).run({ before }).changes;
}
