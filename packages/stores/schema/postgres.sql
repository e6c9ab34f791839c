-- PostgreSQL schema produced by src/migrations (generated, do not edit).
-- Regenerate: npm run schema:postgres -w packages/stores; test/postgres-schema.test.ts compares it.
-- migration 1: instances, history, timers, inbox, outbox

CREATE TABLE sluice_history (
  instance_id text NOT NULL,
  seq integer NOT NULL,
  at bigint NOT NULL,
  type text NOT NULL,
  entry jsonb NOT NULL
);
ALTER TABLE sluice_history ADD CONSTRAINT sluice_history_pkey PRIMARY KEY (instance_id, seq);
CREATE UNIQUE INDEX sluice_history_pkey ON sluice_history USING btree (instance_id, seq);

CREATE TABLE sluice_inbox (
  id bigint DEFAULT nextval('sluice_inbox_id_seq'::regclass) NOT NULL,
  instance_id text NOT NULL,
  trigger jsonb NOT NULL,
  created_at bigint NOT NULL
);
ALTER TABLE sluice_inbox ADD CONSTRAINT sluice_inbox_pkey PRIMARY KEY (id);
CREATE INDEX sluice_inbox_instance ON sluice_inbox USING btree (instance_id, id);
CREATE UNIQUE INDEX sluice_inbox_pkey ON sluice_inbox USING btree (id);

CREATE TABLE sluice_instances (
  id text NOT NULL,
  workflow_id text NOT NULL,
  workflow_version text NOT NULL,
  status text NOT NULL,
  business_key text,
  initiator text,
  parent_id text,
  parent_call_id text,
  state jsonb NOT NULL,
  error_code text,
  error_message text,
  last_state text,
  started_at bigint NOT NULL,
  ended_at bigint,
  updated_at bigint NOT NULL,
  revision integer NOT NULL,
  locked_by text,
  locked_until bigint,
  wake_at bigint
);
ALTER TABLE sluice_instances ADD CONSTRAINT sluice_instances_pkey PRIMARY KEY (id);
CREATE INDEX sluice_instances_business_key ON sluice_instances USING btree (business_key) WHERE (business_key IS NOT NULL);
CREATE INDEX sluice_instances_parent ON sluice_instances USING btree (parent_id) WHERE (parent_id IS NOT NULL);
CREATE UNIQUE INDEX sluice_instances_pkey ON sluice_instances USING btree (id);
CREATE INDEX sluice_instances_started ON sluice_instances USING btree (started_at, id);
CREATE INDEX sluice_instances_status ON sluice_instances USING btree (status, started_at);
CREATE INDEX sluice_instances_wake ON sluice_instances USING btree (wake_at) WHERE (wake_at IS NOT NULL);
CREATE INDEX sluice_instances_workflow ON sluice_instances USING btree (workflow_id, started_at);

CREATE TABLE sluice_migrations (
  id integer NOT NULL,
  name text NOT NULL,
  applied_at bigint NOT NULL
);
ALTER TABLE sluice_migrations ADD CONSTRAINT sluice_migrations_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX sluice_migrations_pkey ON sluice_migrations USING btree (id);

CREATE TABLE sluice_outbox (
  id bigint DEFAULT nextval('sluice_outbox_id_seq'::regclass) NOT NULL,
  instance_id text NOT NULL,
  event jsonb NOT NULL,
  created_at bigint NOT NULL,
  published_at bigint
);
ALTER TABLE sluice_outbox ADD CONSTRAINT sluice_outbox_pkey PRIMARY KEY (id);
CREATE INDEX sluice_outbox_pending ON sluice_outbox USING btree (id) WHERE (published_at IS NULL);
CREATE UNIQUE INDEX sluice_outbox_pkey ON sluice_outbox USING btree (id);

CREATE TABLE sluice_timers (
  instance_id text NOT NULL,
  timer_id text NOT NULL,
  due_at bigint NOT NULL,
  purpose text NOT NULL
);
ALTER TABLE sluice_timers ADD CONSTRAINT sluice_timers_pkey PRIMARY KEY (instance_id, timer_id);
CREATE INDEX sluice_timers_due ON sluice_timers USING btree (due_at);
CREATE UNIQUE INDEX sluice_timers_pkey ON sluice_timers USING btree (instance_id, timer_id);
