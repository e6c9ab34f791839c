/**
 * An in-memory InstanceStore: the reference for the store port's semantics (leases, inbox, timers,
 * outbox, queries). States are kept as JSON text, so every commit and claim round-trips through
 * JSON exactly as a durable store would.
 */
import { WorkflowError } from '../errors/workflow-error.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import type { HistoryEntry, Trigger } from '../interpret/commands.js';
import type { InstanceState } from '../interpret/instance-state.js';
import type {
  ClaimedInstance,
  CommitOptions,
  InboxEntry,
  InstanceMeta,
  InstancePage,
  InstanceQuery,
  InstanceStore,
  InstanceSummary,
  OutboxEntry,
  StoredHistoryEntry,
} from '../ports/instance-store.js';
import { decodeCursor, encodeCursor, isFinished, summarize, wakeAt } from '../runtime/store-rules.js';

interface Row {
  state: string;
  meta: InstanceMeta;
  lockedBy?: string;
  lockedUntil?: number;
  revision: number;
  wakeAt?: number;
  updatedAt: number;
  startedAt: number;
  history: StoredHistoryEntry[];
  inbox: InboxEntry[];
}

/** In-memory store for tests, the CLI and benchmarks. */
export class MemoryInstanceStore implements InstanceStore {
  private readonly rows = new Map<string, Row>();
  private readonly outbox: (OutboxEntry & { published: boolean })[] = [];
  private inboxSeq = 0;

  async create(state: InstanceState, meta: InstanceMeta, trigger: Trigger, now: number): Promise<void> {
    if (this.rows.has(state.id)) throw new WorkflowError({ code: 'INSTANCE_CONFLICT', message: `instance ${state.id} already exists`, retryable: false });
    this.rows.set(state.id, {
      state: JSON.stringify(state),
      meta: { ...meta },
      updatedAt: now,
      startedAt: state.startedAt,
      history: [],
      inbox: [{ id: ++this.inboxSeq, trigger: clone(trigger) }],
      wakeAt: now,
      revision: 1,
    });
  }

  async get(id: string): Promise<InstanceState | undefined> {
    const row = this.rows.get(id);
    return row ? (JSON.parse(row.state) as InstanceState) : undefined;
  }

  async summary(id: string): Promise<InstanceSummary | undefined> {
    const row = this.rows.get(id);
    return row ? summarize(JSON.parse(row.state) as InstanceState, row.meta, row.updatedAt) : undefined;
  }

  async claim(id: string, worker: string, now: number, leaseMs: number): Promise<ClaimedInstance | undefined> {
    const row = this.rows.get(id);
    if (!row || !claimable(row, worker, now)) return undefined;
    return this.take(row, worker, now, leaseMs);
  }

  async claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<ClaimedInstance[]> {
    const due = [...this.rows.values()]
      .filter((r) => r.wakeAt !== undefined && r.wakeAt <= now && claimable(r, worker, now))
      .sort((a, b) => a.wakeAt! - b.wakeAt!)
      .slice(0, limit);
    return due.map((r) => this.take(r, worker, now, leaseMs));
  }

  private take(row: Row, worker: string, now: number, leaseMs: number): ClaimedInstance {
    const takenOver = row.lockedBy !== undefined && row.lockedBy !== worker;
    row.lockedBy = worker;
    row.lockedUntil = now + leaseMs;
    const state = JSON.parse(row.state) as InstanceState;
    const dueTimers = Object.entries(state.timers)
      .filter(([, t]) => t.dueAt <= now)
      .sort((a, b) => a[1].dueAt - b[1].dueAt || a[0].localeCompare(b[0]))
      .map(([id]) => id);
    return { state, inbox: row.inbox.map((e) => ({ id: e.id, trigger: clone(e.trigger) })), dueTimers, takenOver, revision: row.revision };
  }

  async commit(state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): Promise<void> {
    const row = this.rows.get(state.id);
    if (!row || row.lockedBy !== opts.worker || (opts.revision !== undefined && opts.revision !== row.revision)) {
      throw new WorkflowError({ code: 'LEASE_LOST', message: `worker ${opts.worker} does not hold instance ${state.id}`, retryable: false });
    }
    for (const e of opts.enqueue ?? []) {
      if (!this.rows.has(e.instanceId)) throw new WorkflowError({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${e.instanceId}` });
    }
    row.state = JSON.stringify(state);
    row.updatedAt = opts.now;
    row.revision += 1;
    for (const h of history) row.history.push({ ...clone(h), seq: row.history.length + 1 });
    const consumed = new Set(opts.consumed ?? []);
    row.inbox = row.inbox.filter((e) => !consumed.has(e.id));
    for (const event of opts.outbox ?? []) this.outbox.push({ id: this.outbox.length + 1, event: clone(event), published: false });
    for (const e of opts.enqueue ?? []) await this.enqueue(e.instanceId, e.trigger, opts.now);
    if (opts.keepLeaseMs !== undefined && !isFinished(state)) {
      row.lockedUntil = opts.now + opts.keepLeaseMs;
    } else {
      row.lockedBy = undefined;
      row.lockedUntil = undefined;
    }
    row.wakeAt = wakeAt(state, row.inbox.length > 0, opts.now, row.lockedUntil);
  }

  async release(id: string, worker: string): Promise<void> {
    const row = this.rows.get(id);
    if (!row || row.lockedBy !== worker) return;
    row.lockedBy = undefined;
    row.lockedUntil = undefined;
    const state = JSON.parse(row.state) as InstanceState;
    row.wakeAt = wakeAt(state, row.inbox.length > 0, row.updatedAt, undefined);
  }

  async heartbeat(worker: string, ids: readonly string[], until: number): Promise<string[]> {
    const lost: string[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (!row || row.lockedBy !== worker) {
        lost.push(id);
        continue;
      }
      row.lockedUntil = until;
      const state = JSON.parse(row.state) as InstanceState;
      row.wakeAt = wakeAt(state, row.inbox.length > 0, row.updatedAt, until);
    }
    return lost;
  }

  async enqueue(instanceId: string, trigger: Trigger, now: number): Promise<boolean> {
    const row = this.rows.get(instanceId);
    if (!row) return false;
    row.inbox.push({ id: ++this.inboxSeq, trigger: clone(trigger) });
    row.wakeAt = row.wakeAt === undefined ? now : Math.min(row.wakeAt, now);
    return true;
  }

  async nextWakeAt(): Promise<number | undefined> {
    let min: number | undefined;
    for (const r of this.rows.values()) if (r.wakeAt !== undefined && (min === undefined || r.wakeAt < min)) min = r.wakeAt;
    return min;
  }

  async history(id: string, after = 0, limit = 10_000): Promise<StoredHistoryEntry[]> {
    return (this.rows.get(id)?.history ?? []).filter((h) => h.seq > after).slice(0, limit).map(clone);
  }

  async query(q: InstanceQuery): Promise<InstancePage> {
    const desc = q.order !== 'asc';
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const all = [...this.rows.values()]
      .map((r) => summarize(JSON.parse(r.state) as InstanceState, r.meta, r.updatedAt))
      .filter((s) => matches(s, q))
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0) * (desc ? -1 : 1))
      .filter((s) => !after || (desc ? before(s, after) : before(after, s)));
    const items = all.slice(0, limit);
    const last = items[items.length - 1];
    return all.length > limit && last ? { items, next: encodeCursor(last) } : { items };
  }

  async takeOutbox(limit: number): Promise<OutboxEntry[]> {
    return this.outbox.filter((e) => !e.published).slice(0, limit).map((e) => ({ id: e.id, event: clone(e.event) as CloudEvent }));
  }

  async markPublished(ids: readonly number[]): Promise<void> {
    const set = new Set(ids);
    for (const e of this.outbox) if (set.has(e.id)) e.published = true;
  }

  async purge(beforeMs: number): Promise<number> {
    let n = 0;
    for (const [id, r] of this.rows) {
      const s = JSON.parse(r.state) as InstanceState;
      if (isFinished(s) && s.endedAt !== undefined && s.endedAt < beforeMs) {
        this.rows.delete(id);
        n += 1;
      }
    }
    return n;
  }
}

function claimable(row: Row, worker: string, now: number): boolean {
  return row.lockedBy === undefined || row.lockedBy === worker || (row.lockedUntil ?? 0) < now;
}

function matches(s: InstanceSummary, q: InstanceQuery): boolean {
  if (q.workflowId !== undefined && s.workflowId !== q.workflowId) return false;
  if (q.status && !q.status.includes(s.status)) return false;
  if (q.initiator !== undefined && s.initiator !== q.initiator) return false;
  if (q.businessKey !== undefined && s.businessKey !== q.businessKey) return false;
  if (q.parentId !== undefined && s.parentId !== q.parentId) return false;
  if (q.startedFrom !== undefined && s.startedAt < q.startedFrom) return false;
  if (q.startedTo !== undefined && s.startedAt >= q.startedTo) return false;
  return true;
}

/** True when `a` sorts before `b` in ascending (startedAt, id) order; ids compare by code unit, as SQL's byte order does. */
function before(a: { startedAt: number; id: string }, b: { startedAt: number; id: string }): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
