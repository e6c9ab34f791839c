/** Checks the bodies of `POST /api/approvals` and `POST /api/approvals/:id/decision` (InputError otherwise). */
import { parseEntityRef, stringifyEntityRef } from '../catalog/entity-ref.js';
import { badRequest } from '../http/http-error.js';
import { validateLink } from '../notifications/parse-send-request.js';
import { APPROVAL_DECISIONS, type ApprovalDecision } from './approval.js';

const MAX_TITLE = 500;
const MAX_TEXT = 4000;
const MAX_APPROVERS = 50;

export interface ApprovalRequest {
  readonly instanceId: string;
  readonly title: string;
  readonly description: string | null;
  readonly link: string | null;
  /** Lower-cased `user:`/`group:` refs, de-duplicated. */
  readonly approvers: string[];
  /** A lower-cased `user:` ref. */
  readonly requester: string;
}

export interface DecisionRequest {
  readonly decision: ApprovalDecision;
  readonly comment: string | null;
}

const record = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

function optionalText(b: Record<string, unknown>, key: string, max: number): string | null {
  const v = b[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`);
  if (v.length > max) throw badRequest(`${key} must be at most ${max} characters`);
  return v;
}

/** A `user:`/`group:` ref (a bare name is a user in `default`), lower-cased; undefined otherwise. */
function approverRef(v: unknown, defaultKind: 'user' | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const e = parseEntityRef(v, defaultKind ? { defaultKind } : {});
  return e && (e.kind === 'user' || e.kind === 'group') ? stringifyEntityRef(e) : undefined;
}

/** The body of an approval request; `baseUrl` resolves a relative link. */
export function parseApprovalRequest(body: unknown, baseUrl: string): ApprovalRequest {
  const b = record(body);
  if (typeof b.instanceId !== 'string' || b.instanceId === '') throw badRequest('instanceId must be the id of the workflow instance that waits for the decision');
  if (typeof b.title !== 'string' || b.title.trim() === '') throw badRequest('title is required');
  if (b.title.length > MAX_TITLE) throw badRequest(`title must be at most ${MAX_TITLE} characters`);
  if (!Array.isArray(b.approvers) || b.approvers.length === 0) throw badRequest('approvers must be a non-empty list of user or group refs');
  if (b.approvers.length > MAX_APPROVERS) throw badRequest(`at most ${MAX_APPROVERS} approvers`);
  const approvers = new Set<string>();
  for (const a of b.approvers) {
    const ref = approverRef(a, undefined);
    if (!ref) throw badRequest(`approver ${JSON.stringify(a)} is not a user or group ref (user:namespace/name, group:namespace/name)`);
    approvers.add(ref);
  }
  const requester = approverRef(b.requester, 'user');
  if (!requester || !requester.startsWith('user:')) throw badRequest('requester must be a user ref (user:namespace/name)');
  const link = optionalText(b, 'link', MAX_TEXT);
  if (link !== null) validateLink(link, baseUrl);
  return { instanceId: b.instanceId, title: b.title, description: optionalText(b, 'description', MAX_TEXT), link, approvers: [...approvers].sort(), requester };
}

/** The body of a decision. */
export function parseDecisionRequest(body: unknown): DecisionRequest {
  const b = record(body);
  if (!APPROVAL_DECISIONS.includes(b.decision as ApprovalDecision)) throw badRequest(`decision must be one of ${APPROVAL_DECISIONS.join(', ')}`);
  return { decision: b.decision as ApprovalDecision, comment: optionalText(b, 'comment', MAX_TEXT) };
}
