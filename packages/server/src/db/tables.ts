/** Row types of the server's tables (created by @sluice/stores migration 2), as kysely sees them. */
import type { Generated } from 'kysely';
import type { ScaffolderTaskEventRow, ScaffolderTaskRow } from '../scaffolder/task-tables.js';

export interface NotificationRow {
  id: string;
  user_ref: string | null;
  origin: string;
  scope: string | null;
  topic: string | null;
  severity: string;
  title: string;
  description: string | null;
  /** JSON text on SQLite; parsed JSON on PostgreSQL (see `jsonColumn`). */
  payload: unknown;
  created_at: number;
  updated_at: number | null;
  read_at: number | null;
  saved_at: number | null;
}

/** Per-user read/saved state of a broadcast notification (`user_ref` NULL in sluice_notifications). */
export interface BroadcastStateRow {
  notification_id: string;
  user_ref: string;
  read_at: number | null;
  saved_at: number | null;
}

export interface EntityRow {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  source: string;
  entity: unknown;
  updated_at: number;
}

export interface ReceivedEventRow {
  source: string;
  id: string;
  received_at: number;
}

export interface ServerTables {
  sluice_notifications: NotificationRow;
  sluice_broadcast_states: BroadcastStateRow;
  sluice_entities: EntityRow;
  sluice_received_events: ReceivedEventRow;
  sluice_scaffolder_tasks: ScaffolderTaskRow;
  sluice_scaffolder_task_events: ScaffolderTaskEventRow;
  /** Declared so later migrations' tables can be added without touching callers. */
  sluice_instances: { id: string; initiator: string | null; workflow_id: string; status: string; started_at: number; seq?: Generated<number> };
}
