/**
 * The approvals API tests, run on SQLite and on PostgreSQL (each test file calls `approvalsSuite`
 * with its database). One server per file with the default catalog (admin ∈ platform-admins,
 * dev1 ∈ developers) plus ops2 ∈ platform-admins; each test starts its own `approval-waiter` run.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_SUBJECT, SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { execute, instanceOutput, instanceStatus, until, writeWaiterWorkflow } from './approval-fixtures.js';

interface ApprovalView {
  id: string;
  instanceId: string;
  workflowId: string;
  title: string;
  approvers: string[];
  requester: string;
  requestedBy: string;
  status: string;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
  history: { at: string; action: string; by: string; comment?: string }[];
}

const ADMINS = 'group:default/platform-admins';

/** Defines the suite; `database` gives the server's database URL (default SQLite). */
export function approvalsSuite(database?: () => string): void {
  let s: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer({ workflows: [writeWaiterWorkflow()], ...(database ? { database: database() } : {}) });
    const ops2 = { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'ops2' }, spec: { memberOf: ['platform-admins'] } };
    expect((await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: ops2 })).status).toBe(201);
    for (const u of ['dev1', 'admin', 'ops2']) tokens[u] = await s.tokenFor(u);
  });
  afterAll(() => s?.stop());

  /** Starts a waiter asking `approvers` on behalf of `requester`; resolves once it waits, with its approval. */
  const ask = async (requester: string, approvers: string[] = [ADMINS], title = 'Large namespace'): Promise<ApprovalView> => {
    const instanceId = await execute(s, 'approval-waiter', { title, approvers, requester });
    await instanceStatus(s, instanceId, 'waiting');
    const list = await until(async () => {
      const r = await s.request('/api/approvals?status=pending', { token: SERVICE_TOKEN });
      return ((await r.json()) as { approvals: ApprovalView[] }).approvals.find((a) => a.instanceId === instanceId);
    }, 'the approval');
    return list;
  };
  const decide = (id: string, user: string, decision: string, comment?: string): Promise<Response> =>
    s.request(`/api/approvals/${id}/decision`, { method: 'POST', token: tokens[user], json: { decision, ...(comment !== undefined ? { comment } : {}) } });
  const inbox = async (user: string, query = 'status=pending&mine=true'): Promise<ApprovalView[]> => {
    const r = await s.request(`/api/approvals?${query}`, { token: tokens[user] });
    expect(r.status).toBe(200);
    return ((await r.json()) as { approvals: ApprovalView[] }).approvals;
  };
  const notificationsOf = async (user: string): Promise<{ origin: string; payload: { title: string; description?: string; link?: string } }[]> =>
    ((await (await s.request('/api/notifications', { token: tokens[user] })).json()) as { notifications: never[] }).notifications;

  it('a workflow requests an approval: stored pending with its instance, approvers notified with a link', async () => {
    const a = await ask('user:default/dev1', [ADMINS], 'Approve dev1 big');
    expect(a).toMatchObject({
      workflowId: 'approval-waiter',
      title: 'Approve dev1 big',
      approvers: [ADMINS],
      requester: 'user:default/dev1',
      requestedBy: 'sluice-workflows',
      status: 'pending',
      decision: null,
      decidedBy: null,
    });
    expect(a.history).toEqual([{ at: a.createdAt, action: 'requested', by: 'sluice-workflows' }]);
    // The waiting instance got the approval id back from the 201.
    const st = await s.ctx.store.get(a.instanceId);
    expect(Object.keys(st!.timers)).toEqual([]);
    for (const user of ['admin', 'ops2']) {
      const n = (await notificationsOf(user)).find((x) => x.payload.link === `/approvals?id=${a.id}`);
      expect(n).toMatchObject({ origin: 'sluice-approvals', payload: { title: 'Approval requested: Approve dev1 big' } });
    }
    expect((await notificationsOf('dev1')).some((x) => x.payload.link?.includes(a.id))).toBe(false);
  });

  it('the inbox: platform admins see the request, dev1 (a developer) does not; dev1 sees their own request without mine', async () => {
    const a = await ask('user:default/dev1');
    expect((await inbox('admin')).map((x) => x.id)).toContain(a.id);
    expect((await inbox('ops2')).map((x) => x.id)).toContain(a.id);
    expect((await inbox('dev1')).map((x) => x.id)).not.toContain(a.id);
    expect((await inbox('dev1', 'status=pending')).map((x) => x.id)).toContain(a.id);
    expect((await inbox('admin', 'status=decided&mine=true')).map((x) => x.id)).not.toContain(a.id);
    expect((await s.request(`/api/approvals/${a.id}`, { token: tokens.dev1 })).status).toBe(200);
    expect((await s.request('/api/approvals?status=bogus', { token: tokens.dev1 })).status).toBe(400);
    expect((await s.request('/api/approvals')).status).toBe(401);
  });

  it('a user cannot see an approval they neither requested nor may decide', async () => {
    const a = await ask('user:default/ops2', ['user:default/admin']);
    expect((await s.request(`/api/approvals/${a.id}`, { token: tokens.dev1 })).status).toBe(404);
    expect((await inbox('dev1', 'status=pending')).map((x) => x.id)).not.toContain(a.id);
    // The requester is not shown their own request as something to decide.
    expect((await inbox('ops2')).map((x) => x.id)).not.toContain(a.id);
  });

  it('approving resumes the waiting instance at once, with the decision as event data; audited; the requester is notified', async () => {
    const a = await ask('user:default/dev1');
    const before = Date.now();
    const r = await decide(a.id, 'admin', 'approved', 'fine by me');
    expect(r.status).toBe(200);
    const body = (await r.json()) as ApprovalView;
    expect(body).toMatchObject({ status: 'decided', decision: 'approved', decidedBy: 'user:default/admin', comment: 'fine by me' });
    expect(Math.abs(Date.parse(body.decidedAt!) - before)).toBeLessThan(5000);
    expect(body.history.map((h) => [h.action, h.by, h.comment])).toEqual([
      ['requested', 'sluice-workflows', undefined],
      ['approved', 'user:default/admin', 'fine by me'],
    ]);
    // No timer, no poll: the callback state has no timeout and the clock is real; the event pokes it.
    await instanceStatus(s, a.instanceId, 'completed', 2000);
    expect(Date.now() - before).toBeLessThan(2000);
    expect(await instanceOutput(s, a.instanceId)).toMatchObject({
      approvalId: a.id,
      approval: { approvalId: a.id, decision: 'approved', comment: 'fine by me', decidedBy: 'user:default/admin', decidedAt: body.decidedAt },
    });
    const n = (await notificationsOf('dev1')).find((x) => x.payload.title === 'Approved: Large namespace' && x.payload.link?.endsWith(a.id));
    expect(n?.payload.description).toContain('fine by me');
    expect((await s.request(`/api/approvals/${a.id}`, { token: tokens.dev1 }).then((x) => x.json())) as ApprovalView).toMatchObject({ status: 'decided', decision: 'approved' });
  });

  it('denying resumes the instance with the denial and its comment; a second decision is 409', async () => {
    const a = await ask('user:default/dev1');
    expect((await decide(a.id, 'ops2', 'denied', 'too big')).status).toBe(200);
    await instanceStatus(s, a.instanceId, 'completed', 2000);
    expect(await instanceOutput(s, a.instanceId)).toMatchObject({ approval: { decision: 'denied', comment: 'too big', decidedBy: 'user:default/ops2' } });
    const again = await decide(a.id, 'admin', 'approved');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('already denied by user:default/ops2');
    const row = (await (await s.request(`/api/approvals/${a.id}`, { token: tokens.admin })).json()) as ApprovalView;
    expect(row).toMatchObject({ decision: 'denied', decidedBy: 'user:default/ops2' });
    expect(row.history).toHaveLength(2);
    expect((await inbox('admin', 'status=decided&mine=true')).map((x) => x.id)).toContain(a.id);
  });

  it('the requester cannot approve their own request (403, clear message), even as an approver', async () => {
    const a = await ask('user:default/admin');
    const r = await decide(a.id, 'admin', 'approved');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('user:default/admin requested this approval and cannot decide it');
    expect((await s.ctx.store.get(a.instanceId))!.status).toBe('waiting');
    expect((await decide(a.id, 'ops2', 'approved')).status).toBe(200);
  });

  it('a non-approver cannot decide (403), a service cannot decide, a bad decision is 400, an unknown approval 404', async () => {
    const a = await ask('user:default/ops2');
    const r = await decide(a.id, 'dev1', 'approved');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('only the approvers');
    const asService = await s.request(`/api/approvals/${a.id}/decision`, { method: 'POST', token: SERVICE_TOKEN, json: { decision: 'approved' } });
    expect(asService.status).toBe(403);
    expect((await decide(a.id, 'admin', 'maybe')).status).toBe(400);
    expect((await decide('no-such-id', 'admin', 'approved')).status).toBe(404);
    const row = (await (await s.request(`/api/approvals/${a.id}`, { token: tokens.admin })).json()) as ApprovalView;
    expect(row.status).toBe('pending');
    expect((await s.ctx.store.get(a.instanceId))!.status).toBe('waiting');
  });

  it('two approvers deciding at the same moment: exactly one wins, the other gets 409, the instance gets one event', async () => {
    const a = await ask('user:default/dev1');
    const results = await Promise.all([decide(a.id, 'admin', 'approved', 'a'), decide(a.id, 'ops2', 'denied', 'b')]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const winner = (await results.find((x) => x.status === 200)!.json()) as ApprovalView;
    await instanceStatus(s, a.instanceId, 'completed', 2000);
    expect((await instanceOutput(s, a.instanceId)).approval).toMatchObject({ decision: winner.decision, decidedBy: winner.decidedBy });
    const row = (await (await s.request(`/api/approvals/${a.id}`, { token: tokens.admin })).json()) as ApprovalView;
    expect(row.history.filter((h) => h.action !== 'requested')).toHaveLength(1);
    // The same approver twice at once: one 200, one 409 too.
    const b = await ask('user:default/dev1');
    const twice = await Promise.all([decide(b.id, 'admin', 'approved'), decide(b.id, 'admin', 'approved')]);
    expect(twice.map((x) => x.status).sort()).toEqual([200, 409]);
  });

  it('an approval whose instance no longer waits expires instead of being decided', async () => {
    const a = await ask('user:default/dev1');
    const abort = await s.request(`/api/orchestrator/v2/workflows/instances/${a.instanceId}/abort`, { method: 'DELETE', token: SERVICE_TOKEN });
    expect(abort.status).toBeLessThan(300);
    await instanceStatus(s, a.instanceId, 'cancelled');
    const r = await decide(a.id, 'admin', 'approved');
    expect(r.status).toBe(409);
    const row = (await (await s.request(`/api/approvals/${a.id}`, { token: tokens.admin })).json()) as ApprovalView;
    expect(row.status).toBe('expired');
    expect(row.decision).toBeNull();
  });

  it('only services request approvals, for an existing running instance, with valid approvers', async () => {
    const body = { instanceId: 'nope', title: 't', approvers: [ADMINS], requester: 'user:default/dev1' };
    expect((await s.request('/api/approvals', { method: 'POST', token: tokens.dev1, json: body })).status).toBe(403);
    expect((await s.request('/api/approvals', { method: 'POST', token: SERVICE_TOKEN, json: body })).status).toBe(404);
    const a = await ask('user:default/dev1');
    const bad = await s.request('/api/approvals', { method: 'POST', token: SERVICE_TOKEN, json: { ...body, instanceId: a.instanceId, approvers: ['component:default/x'] } });
    expect(bad.status).toBe(400);
    const ok = await s.request('/api/approvals', { method: 'POST', token: SERVICE_TOKEN, json: { ...body, instanceId: a.instanceId, requester: 'dev1' } });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ requester: 'user:default/dev1', requestedBy: SERVICE_SUBJECT, status: 'pending' });
  });
}
