/**
 * What the approvals tests share: a tiny workflow (`approval-waiter`) that asks for an approval
 * through the request-namespace workflow's approvals spec and waits in a callback state for the
 * decision event (no timeout, no timer: only the event can move it), and helpers to run it.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { REPO, SERVICE_TOKEN, type TestServer } from '../helpers/test-server.js';

export const REQUEST_NAMESPACE_FOLDER = join(REPO, 'workflows/request-namespace');

const WAITER = `
id: approval-waiter
version: '1.0'
specVersion: '0.8'
start: Await
events:
  - { name: approvalDecided, type: dev.sluice.approval.decided, source: /sluice/approvals, kind: consumed }
functions:
  - { name: requestApproval, type: rest, operation: specs/approvals-openapi.yaml#requestApproval }
states:
  - name: Await
    type: callback
    action:
      functionRef:
        refName: requestApproval
        arguments: { instanceId: $WORKFLOW.instanceId, title: .title, approvers: .approvers, requester: .requester }
      actionDataFilter: { results: .id, toStateData: .approvalId }
    eventRef: approvalDecided
    eventDataFilter: { toStateData: .approval }
    end: true
`;

const PROPERTIES = `quarkus.rest-client.approvals_openapi_yaml.url=\${BACKSTAGE_BACKEND_URL}
quarkus.openapi-generator.approvals_openapi_yaml.auth.BearerToken.bearer-token=\${BACKSTAGE_BACKEND_BEARER_TOKEN}
`;

/** Writes the `approval-waiter` folder; returns its path. */
export function writeWaiterWorkflow(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sluice-approvals-')), 'approval-waiter');
  mkdirSync(join(dir, 'specs'), { recursive: true });
  writeFileSync(join(dir, 'approval-waiter.sw.yaml'), WAITER);
  writeFileSync(join(dir, 'application.properties'), PROPERTIES);
  cpSync(join(REQUEST_NAMESPACE_FOLDER, 'specs/approvals-openapi.yaml'), join(dir, 'specs/approvals-openapi.yaml'));
  return dir;
}

/** Polls `check` every 10 ms until it returns a value other than undefined (default 5 s). */
export async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Executes `workflowId` through the Orchestrator API; resolves to the instance id. */
export async function execute(s: TestServer, workflowId: string, inputData: unknown, token = SERVICE_TOKEN): Promise<string> {
  const r = await s.request(`/api/orchestrator/v2/workflows/${workflowId}/execute`, { method: 'POST', token, json: { inputData } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { id: string }).id;
}

/** Resolves once the instance's status is `status` (read from the store). */
export function instanceStatus(s: TestServer, id: string, status: string, ms?: number): Promise<true> {
  return until(async () => ((await s.ctx.store.get(id))?.status === status ? true : undefined), `instance ${id} to be ${status}`, ms);
}

/** The instance's output once it completed. */
export async function instanceOutput(s: TestServer, id: string): Promise<Record<string, unknown>> {
  return ((await s.ctx.store.get(id))?.output ?? {}) as Record<string, unknown>;
}
