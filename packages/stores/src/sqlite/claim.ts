/**
 * Claims on SQLite: a conditional UPDATE inside an IMMEDIATE transaction (STYLE §4). The callers
 * run these functions inside `db.transaction(...).immediate()`, so no other connection can write
 * between the read of the lease and the update.
 */
import type { ClaimedInstance, InstanceState } from '@sluice/engine';
import type { SqliteDb } from './prepared.js';
import { selectInbox } from './sql/inbox.js';
import { lockInstance, selectDueIds, selectLease } from './sql/leases.js';

/** @internal Leases one instance to `worker` if it is free, expired, or already `worker`'s. */
export function claimOne(db: SqliteDb, id: string, worker: string, now: number, leaseMs: number): ClaimedInstance | undefined {
  const row = selectLease(db, id);
  if (!row) return undefined;
  // Zero changed rows: another worker holds an unexpired lease.
  if (lockInstance(db, { id, worker, now, until: now + leaseMs }) === 0) return undefined;
  const state = JSON.parse(row.state) as InstanceState;
  return {
    state,
    inbox: selectInbox(db, id),
    dueTimers: dueTimers(state, now),
    takenOver: row.locked_by !== null && row.locked_by !== worker,
    revision: row.revision,
  };
}

/** @internal Claims up to `limit` due instances, earliest wake time first. */
export function claimDueRows(db: SqliteDb, worker: string, now: number, leaseMs: number, limit: number): ClaimedInstance[] {
  if (limit <= 0) return [];
  const claimed: ClaimedInstance[] = [];
  for (const id of selectDueIds(db, { worker, now, limit })) {
    const c = claimOne(db, id, worker, now, leaseMs);
    if (c) claimed.push(c);
  }
  return claimed;
}

/**
 * @internal Timer ids due at `now`, earliest first (ties by id), read from the state so that the
 * order is the memory store's exactly.
 */
export function dueTimers(state: InstanceState, now: number): string[] {
  return Object.entries(state.timers)
    .filter(([, t]) => t.dueAt <= now)
    .sort((a, b) => a[1].dueAt - b[1].dueAt || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}
