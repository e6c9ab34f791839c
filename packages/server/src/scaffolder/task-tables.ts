/** Row types of the scaffolder task tables (created by @sluice/stores migration 3), as kysely sees them. */
import type { Generated } from 'kysely';

export interface ScaffolderTaskRow {
  id: string;
  /** The task spec without secrets (JSON text on SQLite, parsed JSON on PostgreSQL). */
  spec: unknown;
  status: string;
  /** The creating user's entity ref; null for services. */
  created_by: string | null;
  template_ref: string;
  /** The `sluice.scaffolder-task` workflow instance running it. */
  instance_id: string | null;
  output: unknown;
  error: unknown;
  created_at: number;
  last_heartbeat_at: number | null;
  ended_at: number | null;
}

export interface ScaffolderTaskEventRow {
  id: Generated<number>;
  task_id: string;
  type: string;
  body: unknown;
  created_at: number;
}
