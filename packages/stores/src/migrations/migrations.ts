/**
 * The ordered list of schema migrations, each with its PostgreSQL and SQLite statements (STYLE §4).
 * Never edit an entry once released: add a new one. `schema/*.sql` holds the resulting schema
 * snapshot, and a test fails when they drift apart.
 */

/** One migration: a name and the statements for each database, run in one transaction. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly postgres: readonly string[];
  readonly sqlite: readonly string[];
}

const both = (sql: string): { postgres: string; sqlite: string } => ({ postgres: sql, sqlite: sql });

const m1 = [
  // PostgreSQL columns holding documents are JSON, not JSONB: JSONB reorders object keys, and jq's
  // `keys_unsorted`/`to_entries` and every output would then differ from memory and SQLite.
  // One row per instance. `state` is the engine's InstanceState as JSON; the other columns are what
  // queries, claims and leases need. `wake_at`: when the instance next needs a worker (a queued
  // trigger, a due timer, or the end of a lease with calls in flight); null when it only waits for
  // an event.
  {
    postgres: `CREATE TABLE sluice_instances (
  id TEXT PRIMARY KEY,
  workflow_id TEXT NOT NULL,
  workflow_version TEXT NOT NULL,
  status TEXT NOT NULL,
  business_key TEXT,
  initiator TEXT,
  parent_id TEXT,
  parent_call_id TEXT,
  state JSON NOT NULL,
  error_code TEXT,
  error_message TEXT,
  last_state TEXT,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  updated_at BIGINT NOT NULL,
  revision INTEGER NOT NULL,
  locked_by TEXT,
  locked_until BIGINT,
  wake_at BIGINT
)`,
    sqlite: `CREATE TABLE sluice_instances (
  id TEXT PRIMARY KEY,
  workflow_id TEXT NOT NULL,
  workflow_version TEXT NOT NULL,
  status TEXT NOT NULL,
  business_key TEXT,
  initiator TEXT,
  parent_id TEXT,
  parent_call_id TEXT,
  state TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  last_state TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  updated_at INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  locked_by TEXT,
  locked_until INTEGER,
  wake_at INTEGER
)`,
  },
  both('CREATE INDEX sluice_instances_wake ON sluice_instances (wake_at) WHERE wake_at IS NOT NULL'),
  both('CREATE INDEX sluice_instances_started ON sluice_instances (started_at, id)'),
  both('CREATE INDEX sluice_instances_workflow ON sluice_instances (workflow_id, started_at)'),
  both('CREATE INDEX sluice_instances_status ON sluice_instances (status, started_at)'),
  both('CREATE INDEX sluice_instances_business_key ON sluice_instances (business_key) WHERE business_key IS NOT NULL'),
  both('CREATE INDEX sluice_instances_parent ON sluice_instances (parent_id) WHERE parent_id IS NOT NULL'),
  // The append-only history: (instance, seq) with seq gap-free from 1.
  {
    postgres: `CREATE TABLE sluice_history (
  instance_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  entry JSON NOT NULL,
  PRIMARY KEY (instance_id, seq)
)`,
    sqlite: `CREATE TABLE sluice_history (
  instance_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (instance_id, seq)
) WITHOUT ROWID`,
  },
  // Durable timers, absolute due times (a copy of state.timers kept for due-ness queries).
  {
    postgres: `CREATE TABLE sluice_timers (
  instance_id TEXT NOT NULL,
  timer_id TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  purpose TEXT NOT NULL,
  PRIMARY KEY (instance_id, timer_id)
)`,
    sqlite: `CREATE TABLE sluice_timers (
  instance_id TEXT NOT NULL,
  timer_id TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  PRIMARY KEY (instance_id, timer_id)
) WITHOUT ROWID`,
  },
  both('CREATE INDEX sluice_timers_due ON sluice_timers (due_at)'),
  // Triggers queued for an instance (its start, events, subflow results, cancel, retrigger, ...).
  {
    postgres: `CREATE TABLE sluice_inbox (
  id BIGSERIAL PRIMARY KEY,
  instance_id TEXT NOT NULL,
  trigger JSON NOT NULL,
  created_at BIGINT NOT NULL
)`,
    sqlite: `CREATE TABLE sluice_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT NOT NULL,
  trigger TEXT NOT NULL,
  created_at INTEGER NOT NULL
)`,
  },
  both('CREATE INDEX sluice_inbox_instance ON sluice_inbox (instance_id, id)'),
  // Events the workflows produced, until they are published.
  {
    postgres: `CREATE TABLE sluice_outbox (
  id BIGSERIAL PRIMARY KEY,
  instance_id TEXT NOT NULL,
  event JSON NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT
)`,
    sqlite: `CREATE TABLE sluice_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT NOT NULL,
  event TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  published_at INTEGER
)`,
  },
  both('CREATE INDEX sluice_outbox_pending ON sluice_outbox (id) WHERE published_at IS NULL'),
];

const m2 = [
  // Backstage-compatible notifications: one row per recipient user (user_ref NULL = broadcast).
  // `scope` + `origin` (+ user) identify a notification that is updated in place instead of duplicated.
  // `title`, `description`, `topic`, `severity` are copied out of `payload` for filters and search.
  {
    postgres: `CREATE TABLE sluice_notifications (
  id TEXT PRIMARY KEY,
  user_ref TEXT,
  origin TEXT NOT NULL,
  scope TEXT,
  topic TEXT,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  payload JSON NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT,
  read_at BIGINT,
  saved_at BIGINT
)`,
    sqlite: `CREATE TABLE sluice_notifications (
  id TEXT PRIMARY KEY,
  user_ref TEXT,
  origin TEXT NOT NULL,
  scope TEXT,
  topic TEXT,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER,
  read_at INTEGER,
  saved_at INTEGER
)`,
  },
  both('CREATE INDEX sluice_notifications_user ON sluice_notifications (user_ref, created_at)'),
  // At most one notification per (user or broadcast, scope, origin): concurrent senders of the same
  // scoped notification update one row instead of racing to insert two.
  both(`CREATE UNIQUE INDEX sluice_notifications_scope ON sluice_notifications (COALESCE(user_ref, ''), scope, origin) WHERE scope IS NOT NULL`),
  // Per-user read and saved state of broadcast notifications (a user's own notifications keep theirs
  // in their row). No row: unread and not saved.
  {
    postgres: `CREATE TABLE sluice_broadcast_states (
  notification_id TEXT NOT NULL,
  user_ref TEXT NOT NULL,
  read_at BIGINT,
  saved_at BIGINT,
  PRIMARY KEY (notification_id, user_ref)
)`,
    sqlite: `CREATE TABLE sluice_broadcast_states (
  notification_id TEXT NOT NULL,
  user_ref TEXT NOT NULL,
  read_at INTEGER,
  saved_at INTEGER,
  PRIMARY KEY (notification_id, user_ref)
)`,
  },
  // Catalog entities (users, groups, components, templates...) as Backstage entities, by `kind:namespace/name`
  // (lower-cased). `source` says who put it there: `file:<path>` for the catalog folder, `api`, or a template task.
  {
    postgres: `CREATE TABLE sluice_entities (
  ref TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  entity JSON NOT NULL,
  updated_at BIGINT NOT NULL
)`,
    sqlite: `CREATE TABLE sluice_entities (
  ref TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  entity TEXT NOT NULL,
  updated_at INTEGER NOT NULL
)`,
  },
  both('CREATE INDEX sluice_entities_kind ON sluice_entities (kind, namespace, name)'),
  // CloudEvents already accepted, by (source, id), so a redelivered event is ignored.
  {
    postgres: `CREATE TABLE sluice_received_events (
  source TEXT NOT NULL,
  id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (source, id)
)`,
    sqlite: `CREATE TABLE sluice_received_events (
  source TEXT NOT NULL,
  id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (source, id)
)`,
  },
];

const m3 = [
  // Backstage-compatible scaffolder tasks. `spec` is the task spec without secrets (secrets stay in
  // the memory of the server that took the request); `instance_id` is the internal workflow
  // instance (`sluice.scaffolder-task`) that runs it under the runtime's leases.
  {
    postgres: `CREATE TABLE sluice_scaffolder_tasks (
  id TEXT PRIMARY KEY,
  spec JSON NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT,
  template_ref TEXT NOT NULL,
  instance_id TEXT,
  output JSON,
  error JSON,
  created_at BIGINT NOT NULL,
  last_heartbeat_at BIGINT,
  ended_at BIGINT
)`,
    sqlite: `CREATE TABLE sluice_scaffolder_tasks (
  id TEXT PRIMARY KEY,
  spec TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT,
  template_ref TEXT NOT NULL,
  instance_id TEXT,
  output TEXT,
  error TEXT,
  created_at INTEGER NOT NULL,
  last_heartbeat_at INTEGER,
  ended_at INTEGER
)`,
  },
  both('CREATE INDEX sluice_scaffolder_tasks_created ON sluice_scaffolder_tasks (created_at, id)'),
  both('CREATE INDEX sluice_scaffolder_tasks_created_by ON sluice_scaffolder_tasks (created_by, created_at)'),
  // A task's events (log, completion, cancelled, recovered); the id orders them and is the `after=` cursor.
  {
    postgres: `CREATE TABLE sluice_scaffolder_task_events (
  id BIGSERIAL PRIMARY KEY,
  task_id TEXT NOT NULL,
  type TEXT NOT NULL,
  body JSON NOT NULL,
  created_at BIGINT NOT NULL
)`,
    sqlite: `CREATE TABLE sluice_scaffolder_task_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
)`,
  },
  both('CREATE INDEX sluice_scaffolder_task_events_task ON sluice_scaffolder_task_events (task_id, id)'),
];

const m4 = [
  // Built-in approvals (server): a workflow instance asks, approvers decide once. `approvers` is the
  // JSON list of user/group refs as asked; sluice_approval_approvers repeats it one row per ref for
  // the inbox query. `history` is the JSON audit trail (requested, decided, expired: who, when,
  // comment). `status`: pending, decided or expired; the decision is a conditional UPDATE on pending.
  {
    postgres: `CREATE TABLE sluice_approvals (
  id TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL,
  workflow_id TEXT,
  title TEXT NOT NULL,
  description TEXT,
  link TEXT,
  approvers JSON NOT NULL,
  requester TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  status TEXT NOT NULL,
  decision TEXT,
  decided_by TEXT,
  decided_at BIGINT,
  comment TEXT,
  history JSON NOT NULL,
  created_at BIGINT NOT NULL
)`,
    sqlite: `CREATE TABLE sluice_approvals (
  id TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL,
  workflow_id TEXT,
  title TEXT NOT NULL,
  description TEXT,
  link TEXT,
  approvers TEXT NOT NULL,
  requester TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  status TEXT NOT NULL,
  decision TEXT,
  decided_by TEXT,
  decided_at INTEGER,
  comment TEXT,
  history TEXT NOT NULL,
  created_at INTEGER NOT NULL
)`,
  },
  both('CREATE INDEX sluice_approvals_status ON sluice_approvals (status, created_at)'),
  both('CREATE INDEX sluice_approvals_instance ON sluice_approvals (instance_id)'),
  both(`CREATE TABLE sluice_approval_approvers (
  approval_id TEXT NOT NULL,
  approver_ref TEXT NOT NULL,
  PRIMARY KEY (approver_ref, approval_id)
)`),
];

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'instances, history, timers, inbox, outbox',
    postgres: m1.map((s) => s.postgres),
    sqlite: m1.map((s) => s.sqlite),
  },
  {
    id: 2,
    name: 'notifications, broadcast states, catalog entities, received event ids (server)',
    postgres: m2.map((s) => s.postgres),
    sqlite: m2.map((s) => s.sqlite),
  },
  {
    id: 3,
    name: 'scaffolder tasks and task events (server)',
    postgres: m3.map((s) => s.postgres),
    sqlite: m3.map((s) => s.sqlite),
  },
  {
    id: 4,
    name: 'approvals (server)',
    postgres: m4.map((s) => s.postgres),
    sqlite: m4.map((s) => s.sqlite),
  },
];
