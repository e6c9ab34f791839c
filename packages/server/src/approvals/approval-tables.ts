/** Row types of the approvals tables (created by @sluice/stores migration 4), as kysely sees them. */

export interface ApprovalRow {
  id: string;
  instance_id: string;
  workflow_id: string | null;
  title: string;
  description: string | null;
  link: string | null;
  /** JSON list of entity refs (text on SQLite, parsed on PostgreSQL: read through `ServerDb.fromJson`). */
  approvers: unknown;
  requester: string;
  /** The service (static token subject) that asked. */
  requested_by: string;
  status: string;
  decision: string | null;
  decided_by: string | null;
  decided_at: number | null;
  comment: string | null;
  /** JSON list of {@link ApprovalHistoryEntry}. */
  history: unknown;
  created_at: number;
}

/** One approver ref of an approval (the inbox index). */
export interface ApprovalApproverRow {
  approval_id: string;
  approver_ref: string;
}

// A type alias, not an interface: kysely's `withTables` wants an index-signature-compatible type.
export type ApprovalTables = {
  sluice_approvals: ApprovalRow;
  sluice_approval_approvers: ApprovalApproverRow;
};

/** One line of an approval's audit trail. */
export interface ApprovalHistoryEntry {
  /** ISO time. */
  readonly at: string;
  readonly action: 'requested' | 'approved' | 'denied' | 'expired';
  /** A user ref, or the subject of the service that acted. */
  readonly by: string;
  readonly comment?: string;
}
