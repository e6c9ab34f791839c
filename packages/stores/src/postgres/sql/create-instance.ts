/**
 * Saves a new instance with its start trigger in its inbox (and any timers its state already has),
 * in one statement. An existing id inserts nothing: INSTANCE_CONFLICT.
 */
import { WorkflowError, type InstanceMeta, type InstanceState, type Trigger } from '@sluice/engine';
import { stateColumns, timerRows } from '../rows.js';
import type { Queryable } from './queryable.js';

// ON CONFLICT DO NOTHING instead of catching unique_violation: no error in the server log, and a
// concurrent create of the same id waits for the other and then reports the conflict.
const SQL = `
WITH s AS (
  SELECT * FROM json_to_record($1::json) AS s(
    id text, workflow_id text, workflow_version text, status text, parent_id text, parent_call_id text,
    state json, error_code text, error_message text, last_state text, started_at bigint, ended_at bigint)
), ins AS (
  INSERT INTO sluice_instances (id, workflow_id, workflow_version, status, business_key, initiator,
    parent_id, parent_call_id, state, error_code, error_message, last_state, started_at, ended_at,
    updated_at, revision, wake_at)
  SELECT s.id, s.workflow_id, s.workflow_version, s.status, $2, $3, s.parent_id, s.parent_call_id,
    s.state, s.error_code, s.error_message, s.last_state, s.started_at, s.ended_at, $5, 1, $5
  FROM s
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), timers AS (
  INSERT INTO sluice_timers (instance_id, timer_id, due_at, purpose)
  SELECT ins.id, t.timer_id, t.due_at, t.purpose
  FROM ins, json_to_recordset($6::json) AS t(timer_id text, due_at bigint, purpose text)
)
INSERT INTO sluice_inbox (instance_id, trigger, created_at)
SELECT ins.id, $4::json, $5 FROM ins
RETURNING instance_id`;

/** Runs the insert; see InstanceStore.create. @internal */
export async function createInstance(
  db: Queryable,
  args: { state: InstanceState; meta: InstanceMeta; trigger: Trigger; now: number },
): Promise<void> {
  const { state, meta, trigger, now } = args;
  const res = await db.query({
    name: 'sluice_create_instance',
    text: SQL,
    values: [
      JSON.stringify(stateColumns(state)),
      meta.businessKey ?? null,
      meta.initiator ?? null,
      JSON.stringify(trigger),
      now,
      JSON.stringify(timerRows(state)),
    ],
  });
  if (res.rowCount === 0) throw new WorkflowError({ code: 'INSTANCE_CONFLICT', message: `instance ${state.id} already exists` });
}
