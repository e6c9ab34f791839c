/**
 * Scaffolder tasks and their events in the server's database: create, read, list with Backstage's
 * filters and paging, status changes (conditional, so a cancel and a worker never overwrite each
 * other's end state), heartbeats, and the append-only event log whose ids are the `after=` cursor.
 */
import type { TaskSpecV1beta3 } from '@sluice/scaffolder';
import type { ServerDb } from '../db/server-db.js';
import type { ScaffolderTaskRow } from './task-tables.js';

export type TaskStatus = 'open' | 'processing' | 'completed' | 'failed' | 'cancelled';
export type TaskEventType = 'log' | 'completion' | 'cancelled' | 'recovered';

/** A task as stored. */
export interface StoredTask {
  readonly id: string;
  readonly spec: TaskSpecV1beta3;
  readonly status: TaskStatus;
  readonly createdBy?: string;
  readonly templateRef: string;
  readonly instanceId?: string;
  readonly output?: Record<string, unknown>;
  readonly error?: { name: string; message: string };
  readonly createdAt: number;
  readonly lastHeartbeatAt?: number;
}

/** Backstage's `SerializedTaskEvent`. */
export interface SerializedTaskEvent {
  readonly id: number;
  readonly taskId: string;
  readonly type: TaskEventType;
  readonly createdAt: string;
  readonly body: Record<string, unknown>;
}

export interface TaskListQuery {
  readonly createdBy?: readonly string[];
  readonly status?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: 'asc' | 'desc';
}

export const FINAL_STATUSES: readonly TaskStatus[] = ['completed', 'failed', 'cancelled'];

export class TaskStore {
  constructor(private readonly o: { readonly db: ServerDb; readonly clock: { now(): number } }) {}

  async create(task: { id: string; spec: TaskSpecV1beta3; createdBy?: string; templateRef: string }): Promise<void> {
    await this.o.db.db
      .insertInto('sluice_scaffolder_tasks')
      .values({
        id: task.id,
        spec: this.o.db.toJson(task.spec),
        status: 'open',
        created_by: task.createdBy ?? null,
        template_ref: task.templateRef,
        instance_id: null,
        output: null,
        error: null,
        created_at: this.o.clock.now(),
        last_heartbeat_at: null,
        ended_at: null,
      })
      .execute();
  }

  async setInstance(id: string, instanceId: string): Promise<void> {
    await this.o.db.db.updateTable('sluice_scaffolder_tasks').set({ instance_id: instanceId }).where('id', '=', id).execute();
  }

  async get(id: string): Promise<StoredTask | undefined> {
    const row = await this.o.db.db.selectFrom('sluice_scaffolder_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toTask(row) : undefined;
  }

  async list(q: TaskListQuery): Promise<{ tasks: StoredTask[]; total: number }> {
    let query = this.o.db.db.selectFrom('sluice_scaffolder_tasks');
    if (q.createdBy && q.createdBy.length > 0) query = query.where('created_by', 'in', [...q.createdBy]);
    if (q.status && q.status.length > 0) query = query.where('status', 'in', [...q.status]);
    const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const order = q.order ?? 'desc';
    const rows = await query
      .selectAll()
      .orderBy('created_at', order)
      .orderBy('id', order)
      .limit(q.limit ?? 1000)
      .offset(q.offset ?? 0)
      .execute();
    return { tasks: rows.map((r) => this.toTask(r)), total: Number(count?.n ?? 0) };
  }

  /** Moves the task to `to` when its status is one of `from`; true when it did. */
  async transition(id: string, from: readonly TaskStatus[], to: TaskStatus, extra: { output?: unknown; error?: unknown } = {}): Promise<boolean> {
    const now = this.o.clock.now();
    const final = FINAL_STATUSES.includes(to);
    const r = await this.o.db.db
      .updateTable('sluice_scaffolder_tasks')
      .set({
        status: to,
        ...(to === 'processing' ? { last_heartbeat_at: now } : {}),
        ...(final ? { ended_at: now } : {}),
        ...(extra.output !== undefined ? { output: this.o.db.toJson(extra.output) } : {}),
        ...(extra.error !== undefined ? { error: this.o.db.toJson(extra.error) } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async heartbeat(id: string): Promise<void> {
    await this.o.db.db
      .updateTable('sluice_scaffolder_tasks')
      .set({ last_heartbeat_at: this.o.clock.now() })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .execute();
  }

  async appendEvent(taskId: string, type: TaskEventType, body: Record<string, unknown>): Promise<void> {
    await this.o.db.db
      .insertInto('sluice_scaffolder_task_events')
      .values({ task_id: taskId, type, body: this.o.db.toJson(body), created_at: this.o.clock.now() })
      .execute();
  }

  /** Events of a task with an id above `after`, oldest first. */
  async events(taskId: string, after = 0, limit = 1000): Promise<SerializedTaskEvent[]> {
    const rows = await this.o.db.db
      .selectFrom('sluice_scaffolder_task_events')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('id', '>', after)
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      taskId: r.task_id,
      type: r.type as TaskEventType,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      body: this.o.db.fromJson<Record<string, unknown>>(r.body),
    }));
  }

  /** True when a cancel was requested for the task (a `cancelled` event exists). */
  async cancelRequested(taskId: string): Promise<boolean> {
    const row = await this.o.db.db
      .selectFrom('sluice_scaffolder_task_events')
      .select('id')
      .where('task_id', '=', taskId)
      .where('type', '=', 'cancelled')
      .executeTakeFirst();
    return row !== undefined;
  }

  private toTask(r: Omit<ScaffolderTaskRow, 'ended_at'>): StoredTask {
    return {
      id: r.id,
      spec: this.o.db.fromJson<TaskSpecV1beta3>(r.spec),
      status: r.status as TaskStatus,
      templateRef: r.template_ref,
      createdAt: Number(r.created_at),
      ...(r.created_by !== null ? { createdBy: r.created_by } : {}),
      ...(r.instance_id !== null ? { instanceId: r.instance_id } : {}),
      ...(r.output !== null ? { output: this.o.db.fromJson<Record<string, unknown>>(r.output) } : {}),
      ...(r.error !== null ? { error: this.o.db.fromJson<{ name: string; message: string }>(r.error) } : {}),
      ...(r.last_heartbeat_at !== null ? { lastHeartbeatAt: Number(r.last_heartbeat_at) } : {}),
    };
  }
}
