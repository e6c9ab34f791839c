/** SQL on `sluice_instances` for creating, reading and writing an instance's state columns. */
import { prepared, type SqliteDb } from '../prepared.js';
import { SUMMARY_COLUMNS, type InstanceSummaryRow, type StateColumns } from '../rows.js';

const INSERT = `INSERT INTO sluice_instances (
  id, workflow_id, workflow_version, status, business_key, initiator, parent_id, parent_call_id, state,
  error_code, error_message, last_state, started_at, ended_at, updated_at, revision, locked_by, locked_until, wake_at
) VALUES (
  @id, @workflow_id, @workflow_version, @status, @business_key, @initiator, @parent_id, @parent_call_id, @state,
  @error_code, @error_message, @last_state, @started_at, @ended_at, @updated_at, 1, NULL, NULL, @wake_at
)`;

/** @internal Inserts a new, unleased instance row (revision 1). Throws SQLITE_CONSTRAINT_PRIMARYKEY for a taken id. */
export function insertInstance(
  db: SqliteDb,
  row: StateColumns & { id: string; business_key: string | null; initiator: string | null; updated_at: number; wake_at: number | null },
): void {
  prepared(db, INSERT).run(row);
}

/** @internal True when an instance with this id exists. */
export function instanceExists(db: SqliteDb, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM sluice_instances WHERE id = ?').get(id) !== undefined;
}

/** @internal The state JSON of an instance. */
export function selectState(db: SqliteDb, id: string): string | undefined {
  const row = prepared(db, 'SELECT state FROM sluice_instances WHERE id = ?').get(id) as { state: string } | undefined;
  return row?.state;
}

/** @internal The summary columns of an instance. */
export function selectSummary(db: SqliteDb, id: string): InstanceSummaryRow | undefined {
  return prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM sluice_instances WHERE id = ?`).get(id) as InstanceSummaryRow | undefined;
}

const WRITE_STEP = `UPDATE sluice_instances SET
  workflow_id = @workflow_id, workflow_version = @workflow_version, status = @status,
  parent_id = @parent_id, parent_call_id = @parent_call_id, state = @state,
  error_code = @error_code, error_message = @error_message, last_state = @last_state,
  started_at = @started_at, ended_at = @ended_at, updated_at = @updated_at, revision = revision + 1,
  locked_by = @locked_by, locked_until = @locked_until, wake_at = @wake_at
WHERE id = @id AND locked_by = @worker`;

/**
 * @internal Writes a committed step's state, columns, lease and wake time, only while `worker`
 * holds the lease; returns the number of rows changed (0: the lease is lost).
 */
export function writeStep(
  db: SqliteDb,
  row: StateColumns & {
    id: string;
    worker: string;
    updated_at: number;
    locked_by: string | null;
    locked_until: number | null;
    wake_at: number | null;
  },
): number {
  return prepared(db, WRITE_STEP).run(row).changes;
}
