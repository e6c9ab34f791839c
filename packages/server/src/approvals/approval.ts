/** An approval as the API shows it, and how a stored row becomes one. */
import type { ServerDb } from '../db/server-db.js';
import type { ApprovalHistoryEntry, ApprovalRow } from './approval-tables.js';

export type ApprovalStatus = 'pending' | 'decided' | 'expired';
export type ApprovalDecision = 'approved' | 'denied';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'decided', 'expired'];
export const APPROVAL_DECISIONS: readonly ApprovalDecision[] = ['approved', 'denied'];

export interface Approval {
  readonly id: string;
  readonly instanceId: string;
  readonly workflowId: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly link: string | null;
  readonly approvers: string[];
  readonly requester: string;
  readonly requestedBy: string;
  readonly status: ApprovalStatus;
  readonly decision: ApprovalDecision | null;
  readonly decidedBy: string | null;
  /** ISO time. */
  readonly decidedAt: string | null;
  readonly comment: string | null;
  /** ISO time. */
  readonly createdAt: string;
  readonly history: ApprovalHistoryEntry[];
}

/** The API view of a row. */
export function toApproval(db: ServerDb, r: ApprovalRow): Approval {
  return {
    id: r.id,
    instanceId: r.instance_id,
    workflowId: r.workflow_id,
    title: r.title,
    description: r.description,
    link: r.link,
    approvers: db.fromJson<string[]>(r.approvers),
    requester: r.requester,
    requestedBy: r.requested_by,
    status: r.status as ApprovalStatus,
    decision: r.decision as ApprovalDecision | null,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at === null ? null : new Date(Number(r.decided_at)).toISOString(),
    comment: r.comment,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    history: db.fromJson<ApprovalHistoryEntry[]>(r.history),
  };
}
