/**
 * Built-in approvals: a workflow instance (through a service token) asks approvers for a decision,
 * approvers see it in their inbox, and one decision is recorded, audited and delivered at once to
 * the waiting instance as the CloudEvent {@link DECIDED_EVENT_TYPE} with `kogitoprocrefid` = the
 * instance id (its callback or event state takes it). Approvers are notified when asked, the
 * requester when decided.
 *
 * Order of a decision: the conditional UPDATE (the race guard: one decider wins, the other gets
 * 409), then the event. Should delivering the event fail, the decision is undone and the error
 * returned, so that a decision is never recorded without reaching the instance.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, InstanceStore, Runtime } from '@sluice/engine';
import type { UserPrincipal } from '../auth/principal.js';
import type { ServerDb } from '../db/server-db.js';
import { conflict, forbidden, notFound } from '../http/http-error.js';
import type { NotificationService } from '../notifications/notification-service.js';
import { toApproval, type Approval, type ApprovalStatus } from './approval.js';
import { ApprovalStore } from './approval-store.js';
import type { ApprovalHistoryEntry, ApprovalRow } from './approval-tables.js';
import type { ApprovalRequest, DecisionRequest } from './parse-approval-request.js';

/** The CloudEvent type a decision is delivered as. */
export const DECIDED_EVENT_TYPE = 'dev.sluice.approval.decided';
/** Its source. */
export const DECIDED_EVENT_SOURCE = '/sluice/approvals';
/** Origin of the notifications approvals send. */
export const APPROVALS_ORIGIN = 'sluice-approvals';
const TOPIC = 'Approvals';

/** Who looks at approvals: a user, or a service (sees everything, decides nothing). */
export type Viewer = UserPrincipal | { readonly type: 'service'; readonly subject: string };

export interface ApprovalServiceDeps {
  readonly db: ServerDb;
  readonly instances: InstanceStore;
  readonly runtime: Pick<Runtime, 'publishEvent'>;
  readonly notifications: Pick<NotificationService, 'send'>;
  readonly clock: Clock;
  readonly warn: (err: unknown, message: string) => void;
}

export class ApprovalService {
  private readonly store: ApprovalStore;

  constructor(private readonly o: ApprovalServiceDeps) {
    this.store = new ApprovalStore(o.db);
  }

  /** Records a request by service `origin` for a running instance and notifies the approvers. */
  async request(origin: string, req: ApprovalRequest): Promise<Approval> {
    const instance = await this.o.instances.get(req.instanceId);
    if (!instance) throw notFound(`workflow instance ${req.instanceId} not found`);
    if (instance.status !== 'running' && instance.status !== 'waiting') throw conflict(`workflow instance ${req.instanceId} is ${instance.status}, it cannot wait for an approval`);
    const now = this.o.clock.now();
    const id = randomUUID();
    const history: ApprovalHistoryEntry[] = [{ at: iso(now), action: 'requested', by: origin }];
    await this.store.insert({
      id,
      instance_id: req.instanceId,
      workflow_id: instance.workflowId,
      title: req.title,
      description: req.description,
      link: req.link,
      approvers: req.approvers,
      requester: req.requester,
      requested_by: origin,
      status: 'pending',
      decision: null,
      decided_by: null,
      decided_at: null,
      comment: null,
      history,
      created_at: now,
    });
    await this.notify(
      { type: 'entity', entityRef: req.approvers, excludeEntityRef: [req.requester] },
      {
        title: `Approval requested: ${req.title}`,
        description: `${req.requester} asks for your decision.${req.description ? ` ${req.description}` : ''}`,
        link: approvalLink(id),
        severity: 'high',
        topic: TOPIC,
      },
    );
    return this.mustGet(id);
  }

  /** The approvals the viewer may see, newest first. `mine`: only those the user may decide. */
  async list(viewer: Viewer, q: { status: ApprovalStatus | 'all'; mine: boolean; limit: number; offset: number }): Promise<Approval[]> {
    const base = { status: q.status, limit: q.limit, offset: q.offset };
    let rows: ApprovalRow[];
    if (viewer.type === 'service') rows = await this.store.list(base);
    else if (q.mine) rows = await this.store.list({ ...base, approverAmong: viewer.ownershipEntityRefs, notRequester: viewer.userEntityRef });
    else if (viewer.isAdmin) rows = await this.store.list(base);
    else rows = await this.store.list({ ...base, approverAmong: viewer.ownershipEntityRefs, orRequester: viewer.userEntityRef });
    return rows.map((r) => toApproval(this.o.db, r));
  }

  /** One approval the viewer may see (approver, requester, admin or service); 404 otherwise. */
  async get(viewer: Viewer, id: string): Promise<Approval> {
    const a = await this.mustGet(id);
    if (viewer.type === 'user' && !viewer.isAdmin && !isApprover(viewer, a) && a.requester !== viewer.userEntityRef) throw notFound(`approval ${id} not found`);
    return a;
  }

  /**
   * Records `user`'s decision and delivers it to the waiting instance. 403 for the requester and
   * for non-approvers, 409 when already decided or when the instance no longer waits (the approval
   * is then marked expired).
   */
  async decide(user: UserPrincipal, id: string, d: DecisionRequest): Promise<Approval> {
    const row = await this.store.get(id);
    if (!row) throw notFound(`approval ${id} not found`);
    const a = toApproval(this.o.db, row);
    if (a.requester === user.userEntityRef) throw forbidden(`${user.userEntityRef} requested this approval and cannot decide it; one of the other approvers (${a.approvers.join(', ')}) must`);
    if (!isApprover(user, a)) throw forbidden(`only the approvers of this request (${a.approvers.join(', ')}) may decide it`);
    if (a.status !== 'pending') throw alreadyDone(a);

    const instance = await this.o.instances.get(a.instanceId);
    const now = this.o.clock.now();
    if (!instance || (instance.status !== 'running' && instance.status !== 'waiting')) {
      const state = instance?.status ?? 'gone';
      await this.store.expire(id, [...a.history, { at: iso(now), action: 'expired', by: user.userEntityRef, comment: `workflow instance is ${state}` }]);
      throw conflict(`the workflow instance ${a.instanceId} no longer waits for this approval (it is ${state}); the approval has expired`);
    }

    const entry: ApprovalHistoryEntry = { at: iso(now), action: d.decision, by: user.userEntityRef, ...(d.comment !== null ? { comment: d.comment } : {}) };
    const write = { decision: d.decision, decidedBy: user.userEntityRef, decidedAt: now, comment: d.comment, history: [...a.history, entry] };
    if (!(await this.store.decide(id, write))) throw alreadyDone(await this.mustGet(id));
    try {
      await this.o.runtime.publishEvent({
        specversion: '1.0',
        id: randomUUID(),
        source: DECIDED_EVENT_SOURCE,
        type: DECIDED_EVENT_TYPE,
        time: iso(now),
        datacontenttype: 'application/json',
        kogitoprocrefid: a.instanceId,
        data: { approvalId: id, decision: d.decision, comment: d.comment ?? '', decidedBy: user.userEntityRef, decidedAt: iso(now) },
      });
    } catch (err) {
      await this.store.undoDecision(id, write, a.history);
      throw err;
    }
    await this.notify(
      { type: 'entity', entityRef: [a.requester] },
      {
        title: `${d.decision === 'approved' ? 'Approved' : 'Denied'}: ${a.title}`,
        description: `${user.userEntityRef} ${d.decision} your request${d.comment ? `: ${d.comment}` : '.'}`,
        link: approvalLink(id),
        severity: d.decision === 'approved' ? 'normal' : 'high',
        topic: TOPIC,
      },
    );
    return this.mustGet(id);
  }

  private async mustGet(id: string): Promise<Approval> {
    const row = await this.store.get(id);
    if (!row) throw notFound(`approval ${id} not found`);
    return toApproval(this.o.db, row);
  }

  /** Sends a notification; a failure is logged, never fails the approval. */
  private async notify(recipients: Record<string, unknown>, payload: Record<string, unknown>): Promise<void> {
    try {
      await this.o.notifications.send(APPROVALS_ORIGIN, { recipients, payload });
    } catch (err) {
      this.o.warn(err, 'approvals: sending a notification failed');
    }
  }
}

/** True when one of the user's refs (themselves or a group) is among the approvers. */
export function isApprover(user: UserPrincipal, a: Pick<Approval, 'approvers'>): boolean {
  return a.approvers.some((r) => user.ownershipEntityRefs.includes(r));
}

function alreadyDone(a: Approval): Error {
  if (a.status === 'expired') return conflict(`approval ${a.id} has expired: its workflow instance no longer waits for it`);
  return conflict(`approval ${a.id} was already ${a.decision ?? 'decided'} by ${a.decidedBy ?? 'someone'} at ${a.decidedAt ?? 'an earlier time'}`);
}

const iso = (ms: number): string => new Date(ms).toISOString();
const approvalLink = (id: string): string => `/approvals?id=${encodeURIComponent(id)}`;
