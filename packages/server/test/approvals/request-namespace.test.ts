/**
 * The request-namespace workflow's journeys through HTTP only, inside Sluice: executed through the
 * Orchestrator API as dev1; the namespace template runs on Sluice's own scaffolder (manifests
 * committed to the local GitOps repository); approvals, decisions and notifications through Sluice. Large approved, large denied,
 * large not decided within 7 days, and small.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO, SERVICE_TOKEN, SkewedClock, startTestServer, type TestServer } from '../helpers/test-server.js';
import { REQUEST_NAMESPACE_FOLDER, execute, until } from './approval-fixtures.js';

const clock = new SkewedClock();
let s: TestServer;
const tokens: Record<string, string> = {};

interface Detail {
  state?: string;
  workflowdata?: { result?: { completedWith?: string; message?: string; outputs?: { key: string; value: string }[] } } & Record<string, unknown>;
}
interface Approval {
  id: string;
  instanceId: string;
  title: string;
  description: string;
  requester: string;
  approvers: string[];
}

beforeAll(async () => {
  s = await startTestServer({ workflows: [REQUEST_NAMESPACE_FOLDER], templates: [join(REPO, 'templates/namespace')], clock });
  for (const u of ['dev1', 'admin']) tokens[u] = await s.tokenFor(u);
});
afterAll(async () => {
  await s?.stop();
});

const input = (namespace: string, size: string) => ({ namespace, requester: 'dev1', git_host: 'gitlab.example.com', size, reason: 'ML training', recipients: ['user:default/dev1'] });

/** Reads the instance until it ends, advancing the clock `stepMs` each time (the task poll sleeps 10 s). */
async function finish(id: string, stepMs = 2_000): Promise<Detail> {
  let d: Detail = {};
  for (let i = 0; i < 400 && d.state !== 'COMPLETED' && d.state !== 'ERROR'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(stepMs);
    d = (await (await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: tokens.dev1 })).json()) as Detail;
  }
  return d;
}

/** The pending approval of instance `id` in admin's inbox. */
const approvalOf = (id: string): Promise<Approval> =>
  until(async () => {
    const r = await s.request('/api/approvals?status=pending&mine=true', { token: tokens.admin });
    return ((await r.json()) as { approvals: Approval[] }).approvals.find((a) => a.instanceId === id);
  }, 'the approval request');

const titlesOf = async (user: string): Promise<string[]> =>
  ((await (await s.request('/api/notifications?limit=100', { token: tokens[user] })).json()) as { notifications: { payload: { title: string } }[] }).notifications.map((n) => n.payload.title);

/** Sluice's own scaffolder tasks for a namespace, as [template ref, values]. */
async function tasksFor(namespace: string): Promise<[string, Record<string, unknown>][]> {
  const body = (await (await s.request('/api/scaffolder/v2/tasks?limit=100', { token: SERVICE_TOKEN })).json()) as {
    tasks: { spec: { parameters: Record<string, unknown>; templateInfo?: { entityRef?: string } } }[];
  };
  return body.tasks.filter((t) => t.spec.parameters.component_id === namespace).map((t) => [t.spec.templateInfo?.entityRef ?? '', t.spec.parameters]);
}

it('large, approved: asks the platform admins, waits for the decision, then creates the namespace', async () => {
  const id = await execute(s, 'request-namespace', input('dev1-big', 'large'), tokens.dev1);
  const approval = await approvalOf(id);
  expect(approval).toMatchObject({ title: 'Large namespace dev1-big for dev1', description: 'ML training', requester: 'user:default/dev1', approvers: ['group:default/platform-admins'] });
  // dev1 cannot approve their own request; nothing was launched while waiting.
  const own = await s.request(`/api/approvals/${approval.id}/decision`, { method: 'POST', token: tokens.dev1, json: { decision: 'approved' } });
  expect(own.status).toBe(403);
  expect(await tasksFor('dev1-big')).toEqual([]);
  expect(await titlesOf('admin')).toContain('Approval requested: Large namespace dev1-big for dev1');

  const r = await s.request(`/api/approvals/${approval.id}/decision`, { method: 'POST', token: tokens.admin, json: { decision: 'approved', comment: 'go ahead' } });
  expect(r.status).toBe(200);
  const d = await finish(id);
  expect(d.state).toBe('COMPLETED');
  expect(d.workflowdata?.result).toMatchObject({ completedWith: 'success', message: 'Namespace dev1-big created' });
  expect(d.workflowdata?.result?.outputs).toContainEqual(expect.objectContaining({ key: 'Approved by', value: 'user:default/admin' }));
  expect(await tasksFor('dev1-big')).toEqual([
    ['template:default/orchestrator-namespace-request', { component_id: 'dev1-big', namespace_owner: 'dev1', git_host: 'gitlab.example.com', size: 'large' }],
  ]);
  // With no cluster configured, the manifests were committed to the local GitOps repository.
  const quota = execFileSync('git', ['-C', join(s.dir, 'data/gitops'), 'show', 'HEAD:dev1-big/resourcequota-compute-deploy.yaml'], { encoding: 'utf8' });
  expect(quota).toMatch(/limits\.memory: 24Gi/);
  const titles = await titlesOf('dev1');
  for (const t of ['Approval requested: large namespace dev1-big', 'Approved: large namespace dev1-big', 'Namespace dev1-big created', 'Approved: Large namespace dev1-big for dev1']) expect(titles).toContain(t);
});

it('large, denied: the requester is told with the comment, nothing is created', async () => {
  const id = await execute(s, 'request-namespace', input('dev1-denied', 'large'), tokens.dev1);
  const approval = await approvalOf(id);
  const r = await s.request(`/api/approvals/${approval.id}/decision`, { method: 'POST', token: tokens.admin, json: { decision: 'denied', comment: 'use a medium one' } });
  expect(r.status).toBe(200);
  const d = await finish(id);
  expect(d.state).toBe('COMPLETED');
  expect(d.workflowdata?.result).toMatchObject({
    completedWith: 'error',
    message: 'Request for large namespace dev1-denied denied by user:default/admin',
    outputs: [{ key: 'Comment', value: 'use a medium one', format: 'text' }],
  });
  expect(await tasksFor('dev1-denied')).toEqual([]);
  const list = (await (await s.request('/api/notifications?limit=100', { token: tokens.dev1 })).json()) as { notifications: { payload: { title: string; description?: string } }[] };
  const denied = list.notifications.find((n) => n.payload.title === 'Denied: large namespace dev1-denied');
  expect(denied?.payload.description).toBe('Denied by user:default/admin: use a medium one');
});

it('large, not decided within 7 days: ends with a "not decided in time" notification; a late decision is refused', async () => {
  const id = await execute(s, 'request-namespace', input('dev1-late', 'large'), tokens.dev1);
  const approval = await approvalOf(id);
  clock.advance(7 * 24 * 60 * 60 * 1000 + 1000);
  const d = await finish(id, 0);
  expect(d.state).toBe('COMPLETED');
  expect(d.workflowdata?.result).toMatchObject({ completedWith: 'error', message: 'Request for large namespace dev1-late was not decided in time' });
  expect(await titlesOf('dev1')).toContain('Not decided in time: large namespace dev1-late');
  const late = await s.request(`/api/approvals/${approval.id}/decision`, { method: 'POST', token: tokens.admin, json: { decision: 'approved' } });
  expect(late.status).toBe(409);
  expect(await tasksFor('dev1-late')).toEqual([]);
});

it('small: launched at once without any approval, polled until completed', async () => {
  const id = await execute(s, 'request-namespace', input('dev1-small', 'small'), tokens.dev1);
  const d = await finish(id);
  expect(d.state).toBe('COMPLETED');
  expect(d.workflowdata?.result).toMatchObject({ completedWith: 'success', message: 'Namespace dev1-small created' });
  expect(await tasksFor('dev1-small')).toEqual([
    ['template:default/orchestrator-namespace-request', { component_id: 'dev1-small', namespace_owner: 'dev1', git_host: 'gitlab.example.com', size: 'small' }],
  ]);
  const r = await s.request('/api/approvals?status=all', { token: tokens.admin });
  expect(((await r.json()) as { approvals: Approval[] }).approvals.some((a) => a.instanceId === id)).toBe(false);
  expect(await titlesOf('dev1')).toContain('Namespace dev1-small created');
});
