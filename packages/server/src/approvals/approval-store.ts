/**
 * The approvals tables through kysely (SQLite or PostgreSQL alike). A decision is a conditional
 * UPDATE on `status = 'pending'`: of two deciders at the same moment exactly one changes the row.
 */
import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/server-db.js';
import type { ApprovalDecision, ApprovalStatus } from './approval.js';
import type { ApprovalHistoryEntry, ApprovalRow, ApprovalTables } from './approval-tables.js';

/** Filters of {@link ApprovalStore.list}. */
export interface ApprovalListFilter {
  readonly status?: ApprovalStatus | 'all';
  /** Only approvals whose approvers include one of these refs (undefined: no restriction). */
  readonly approverAmong?: readonly string[];
  /** With `approverAmong`: also those this requester asked for. */
  readonly orRequester?: string;
  /** Leave out those this requester asked for. */
  readonly notRequester?: string;
  readonly limit: number;
  readonly offset: number;
}

/** A decision to record. */
export interface DecisionWrite {
  readonly decision: ApprovalDecision;
  readonly decidedBy: string;
  readonly decidedAt: number;
  readonly comment: string | null;
  readonly history: readonly ApprovalHistoryEntry[];
}

export class ApprovalStore {
  private readonly db: Kysely<ApprovalTables>;

  constructor(private readonly server: ServerDb) {
    this.db = server.db.withTables<ApprovalTables>() as unknown as Kysely<ApprovalTables>;
  }

  /** Inserts a new approval and its approver index rows in one transaction. */
  async insert(row: Omit<ApprovalRow, 'approvers' | 'history'> & { approvers: readonly string[]; history: readonly ApprovalHistoryEntry[] }): Promise<void> {
    const { toJson } = this.server;
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('sluice_approvals')
        .values({ ...row, approvers: toJson(row.approvers), history: toJson(row.history) })
        .execute();
      await tx
        .insertInto('sluice_approval_approvers')
        .values(row.approvers.map((ref) => ({ approval_id: row.id, approver_ref: ref })))
        .execute();
    });
  }

  get(id: string): Promise<ApprovalRow | undefined> {
    return this.db.selectFrom('sluice_approvals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  list(f: ApprovalListFilter): Promise<ApprovalRow[]> {
    let q = this.db.selectFrom('sluice_approvals').selectAll();
    if (f.status && f.status !== 'all') q = q.where('status', '=', f.status);
    if (f.notRequester !== undefined) q = q.where('requester', '<>', f.notRequester);
    const among = f.approverAmong;
    if (among !== undefined) {
      const ids = this.db.selectFrom('sluice_approval_approvers').select('approval_id').where('approver_ref', 'in', among.length > 0 ? [...among] : ['']);
      const requester = f.orRequester;
      q = requester === undefined ? q.where('id', 'in', ids) : q.where((eb) => eb.or([eb('id', 'in', ids), eb('requester', '=', requester)]));
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  }

  /** Records the decision if the approval is still pending; false when it was not (someone else won). */
  async decide(id: string, d: DecisionWrite): Promise<boolean> {
    const r = await this.db
      .updateTable('sluice_approvals')
      .set({ status: 'decided', decision: d.decision, decided_by: d.decidedBy, decided_at: d.decidedAt, comment: d.comment, history: this.server.toJson(d.history) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Undoes {@link decide} by `decidedBy` at `decidedAt` (its event could not be delivered). */
  async undoDecision(id: string, d: Pick<DecisionWrite, 'decidedBy' | 'decidedAt'>, history: readonly ApprovalHistoryEntry[]): Promise<void> {
    await this.db
      .updateTable('sluice_approvals')
      .set({ status: 'pending', decision: null, decided_by: null, decided_at: null, comment: null, history: this.server.toJson(history) })
      .where('id', '=', id)
      .where('status', '=', 'decided')
      .where('decided_by', '=', d.decidedBy)
      .where('decided_at', '=', d.decidedAt)
      .execute();
  }

  /** Marks a pending approval expired (its instance no longer waits); false when it was not pending. */
  async expire(id: string, history: readonly ApprovalHistoryEntry[]): Promise<boolean> {
    const r = await this.db
      .updateTable('sluice_approvals')
      .set({ status: 'expired', history: this.server.toJson(history) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
