/**
 * The HTTP API, only for what the browser cannot see or to set a scene up: start a run, read a run's
 * state, the approvals a user has. Every call names the user it acts as.
 */
import type { TestServer } from './portal-server.js';
import { until } from './until.js';

export interface RunDetail {
  id: string;
  state?: string;
  error?: { message?: string };
  workflowdata?: { result?: { completedWith?: string; message?: string; outputs?: { key: string; value: unknown }[] } } & Record<string, unknown>;
}

export interface ApprovalItem {
  id: string;
  instanceId: string;
  title: string;
  status?: string;
  decision?: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Starts a run of `workflowId` as `user` (the Orchestrator execute endpoint); returns its id. */
export async function executeRun(s: TestServer, user: string, workflowId: string, inputData: Record<string, unknown>): Promise<string> {
  const res = await s.request(`/api/orchestrator/v2/workflows/${workflowId}/execute`, { method: 'POST', token: await s.tokenFor(user), json: { inputData } });
  return (await json<{ id: string }>(res, `execute ${workflowId}`)).id;
}

export async function runDetail(s: TestServer, user: string, id: string): Promise<RunDetail> {
  return json<RunDetail>(await s.request(`/api/orchestrator/v2/workflows/instances/${id}`, { token: await s.tokenFor(user) }), `instance ${id}`);
}

/** Waits until the run's Orchestrator state is one of `states`; returns it. */
export function runReaches(s: TestServer, user: string, id: string, states: readonly string[], timeoutMs = 20_000): Promise<RunDetail> {
  return until(`run ${id} to reach ${states.join(' or ')}`, async () => {
    const d = await runDetail(s, user, id);
    return states.includes(d.state ?? '') ? d : undefined;
  }, timeoutMs);
}

/** The approvals `user` sees (`status`: pending, decided or all). */
export async function approvalsOf(s: TestServer, user: string, status = 'all'): Promise<ApprovalItem[]> {
  return (await json<{ approvals: ApprovalItem[] }>(await s.request(`/api/approvals?status=${status}`, { token: await s.tokenFor(user) }), 'approvals')).approvals;
}

/** Waits for the pending approval of run `instanceId` in `user`'s view. */
export function pendingApprovalOf(s: TestServer, user: string, instanceId: string, timeoutMs = 15_000): Promise<ApprovalItem> {
  return until(`the approval request of run ${instanceId}`, async () => (await approvalsOf(s, user, 'pending')).find((a) => a.instanceId === instanceId), timeoutMs);
}
