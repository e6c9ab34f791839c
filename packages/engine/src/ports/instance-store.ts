/**
 * Where instances live. The runtime saves the state and appends the step's history together after
 * every step; durable stores (SQLite, PostgreSQL) implement the same port.
 */
import type { HistoryEntry } from '../interpret/commands.js';
import type { InstanceState, InstanceStatus } from '../interpret/instance-state.js';

/** A history entry with its position in the instance's log (1-based, gap-free). */
export interface StoredHistoryEntry extends HistoryEntry {
  seq: number;
}

/** A due timer of some instance. */
export interface DueTimer {
  instanceId: string;
  timerId: string;
  dueAt: number;
}

export interface InstanceStore {
  /** Saves a new instance (and its first history entries). Fails with INSTANCE_CONFLICT if the id exists. */
  create(state: InstanceState, history: readonly HistoryEntry[]): Promise<void>;
  /** Replaces the state and appends history, atomically. */
  save(state: InstanceState, history: readonly HistoryEntry[]): Promise<void>;
  get(id: string): Promise<InstanceState | undefined>;
  /** History entries with `seq > after`, oldest first. */
  history(id: string, after?: number): Promise<StoredHistoryEntry[]>;
  /** Instances, newest first, optionally only some statuses or one workflow. */
  list(filter?: { status?: readonly InstanceStatus[]; workflowId?: string; limit?: number }): Promise<InstanceState[]>;
  /** Timers due at or before `now`, earliest first. */
  dueTimers(now: number, limit?: number): Promise<DueTimer[]>;
  /** The earliest pending timer's due time, or undefined. */
  nextDueAt(): Promise<number | undefined>;
}
