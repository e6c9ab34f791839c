/**
 * Where instances live, and how workers share them. Every step commits atomically: the new state,
 * its history entries, its timers (taken from `state.timers`), produced events (outbox), triggers
 * for other instances (a subflow's result for its parent) and the inbox entries it consumed.
 * An instance is worked on by at most one worker at a time, under a lease. Implemented by
 * MemoryInstanceStore here and by the SQLite and PostgreSQL stores in @sluice/stores; all pass
 * the same conformance suite.
 */
import type { CloudEvent } from '../interpret/cloud-event.js';
import type { HistoryEntry, Trigger } from '../interpret/commands.js';
import type { InstanceState, InstanceStatus } from '../interpret/instance-state.js';

/** A history entry with its position in the instance's log (1-based, gap-free). */
export interface StoredHistoryEntry extends HistoryEntry {
  seq: number;
}

/** Who and what an instance was started for. */
export interface InstanceMeta {
  readonly businessKey?: string;
  readonly initiator?: string;
}

/** A trigger waiting in an instance's durable inbox. `id` orders them (increasing). */
export interface InboxEntry {
  readonly id: number;
  readonly trigger: Trigger;
}

/** An instance handed to a worker under a lease. */
export interface ClaimedInstance {
  readonly state: InstanceState;
  /** Triggers queued for it, oldest first. */
  readonly inbox: readonly InboxEntry[];
  /** Timer ids due at the claim time, earliest first. */
  readonly dueTimers: readonly string[];
  /**
   * True when the instance was leased by another worker whose lease expired: calls that worker had
   * in flight may never report back, so the new owner must recover them.
   */
  readonly takenOver: boolean;
  /**
   * The row's revision when claimed (it goes up by one with every commit). A step's commit passes
   * the revision its state was read at, so a worker whose lease expired, was taken over and then
   * came back to it cannot commit a step computed from the older state (ABA on the lease).
   */
  readonly revision: number;
}

/** Options of a commit. */
export interface CommitOptions {
  /** The worker that holds the lease; the commit fails with LEASE_LOST otherwise. */
  readonly worker: string;
  readonly now: number;
  /** Inbox entries this step consumed; deleted in the same transaction. */
  readonly consumed?: readonly number[];
  /** Produced events, appended to the outbox. */
  readonly outbox?: readonly CloudEvent[];
  /** Triggers for other instances (a finished subflow's result for its parent). */
  readonly enqueue?: readonly { readonly instanceId: string; readonly trigger: Trigger }[];
  /** Keep the lease until `now + leaseMs` (calls in flight) instead of releasing it. */
  readonly keepLeaseMs?: number;
  /**
   * The revision the committed state was computed from (the claim's, plus one per commit since);
   * when given and the row has moved on, the commit fails with LEASE_LOST and writes nothing.
   */
  readonly revision?: number;
}

/** Filters, sort and page of an instance query. */
export interface InstanceQuery {
  readonly workflowId?: string;
  readonly status?: readonly InstanceStatus[];
  readonly initiator?: string;
  readonly businessKey?: string;
  readonly parentId?: string;
  /** `startedAt` range, epoch ms, inclusive start and exclusive end. */
  readonly startedFrom?: number;
  readonly startedTo?: number;
  readonly order?: 'asc' | 'desc';
  readonly limit?: number;
  /** Opaque cursor from a previous page's `next`. */
  readonly cursor?: string;
}

/** One row of a query. */
export interface InstanceSummary {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: string;
  readonly status: InstanceStatus;
  readonly businessKey?: string;
  readonly initiator?: string;
  readonly parentId?: string;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly updatedAt: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly lastState?: string;
}

/** A page of instances; `next` is set when there are more. */
export interface InstancePage {
  readonly items: readonly InstanceSummary[];
  readonly next?: string;
}

/** An event waiting in the outbox. */
export interface OutboxEntry {
  readonly id: number;
  readonly event: CloudEvent;
}

export interface InstanceStore {
  /**
   * Saves a new instance and queues `trigger` (its start) in its inbox, atomically. Fails with
   * INSTANCE_CONFLICT when the id exists.
   */
  create(state: InstanceState, meta: InstanceMeta, trigger: Trigger, now: number): Promise<void>;
  get(id: string): Promise<InstanceState | undefined>;
  summary(id: string): Promise<InstanceSummary | undefined>;

  /** Claims one instance if it is free, its lease expired, or `worker` already holds it. */
  claim(id: string, worker: string, now: number, leaseMs: number): Promise<ClaimedInstance | undefined>;
  /**
   * Claims up to `limit` instances that need attention now (a queued trigger, a due timer, or an
   * expired lease with work in flight) and are free. Two workers never get the same instance.
   */
  claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<ClaimedInstance[]>;
  /** Commits one step (see the module comment). Throws LEASE_LOST when `worker` no longer holds the lease. */
  commit(state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): Promise<void>;
  /** Gives up a lease without a step (nothing in flight). */
  release(id: string, worker: string): Promise<void>;
  /** Extends the leases `worker` holds on `ids` to `until`; returns the ids it no longer holds. */
  heartbeat(worker: string, ids: readonly string[], until: number): Promise<string[]>;
  /** Queues a trigger for an instance and marks it as needing attention. False when there is no such instance. */
  enqueue(instanceId: string, trigger: Trigger, now: number): Promise<boolean>;
  /** The earliest time some instance needs attention (a timer or a lease expiry), or undefined. */
  nextWakeAt(): Promise<number | undefined>;

  /** History entries with `seq > after`, oldest first, at most `limit`. */
  history(id: string, after?: number, limit?: number): Promise<StoredHistoryEntry[]>;
  query(q: InstanceQuery): Promise<InstancePage>;
  /** Events produced and not yet published, oldest first. */
  takeOutbox(limit: number): Promise<OutboxEntry[]>;
  markPublished(ids: readonly number[]): Promise<void>;
  /** Deletes finished instances (with history, timers, inbox) that ended before `before`; returns how many. */
  purge(before: number): Promise<number>;
}
