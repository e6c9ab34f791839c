/**
 * The approvals API as the inbox uses it: the pending requests the caller may decide, the decided
 * and expired ones the caller may see, one approval, and recording a decision.
 */
import { api } from '../../api/client';
import type { Approval, ApprovalDecision } from '../../api/types';

const BASE = '/api/approvals';

/** Pending requests waiting for the caller or one of their groups (not the caller's own requests). */
export async function listPending(signal: AbortSignal): Promise<Approval[]> {
  return (await api<{ approvals: Approval[] }>(`${BASE}?status=pending&mine=true&limit=200`, { signal })).approvals;
}

/** When an approval was settled: its decision, else the last entry of its trail, else its creation. */
export function settledAt(a: Approval): string {
  return a.decidedAt ?? a.history[a.history.length - 1]?.at ?? a.createdAt;
}

/** Decided and expired requests the caller may see (as approver or requester; admins: all), latest first. */
export async function listHistory(signal: AbortSignal): Promise<Approval[]> {
  const [decided, expired] = await Promise.all(
    (['decided', 'expired'] as const).map(async (status) => (await api<{ approvals: Approval[] }>(`${BASE}?status=${status}&limit=200`, { signal })).approvals),
  );
  return [...decided!, ...expired!].sort((a, b) => settledAt(b).localeCompare(settledAt(a)));
}

export function getApproval(id: string, signal?: AbortSignal): Promise<Approval> {
  return api<Approval>(`${BASE}/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

/** Records the caller's decision; an empty comment is left out. */
export function decide(id: string, decision: ApprovalDecision, comment: string): Promise<Approval> {
  const text = comment.trim();
  return api<Approval>(`${BASE}/${encodeURIComponent(id)}/decision`, { body: { decision, ...(text ? { comment: text } : {}) } });
}
