/**
 * GitLab issue webhooks: a label change posted as GitLab sends it (Issue Hook, X-Gitlab-Token)
 * resumes a workflow that waits for `com.gitlab.issue.labels.changed` of its issue, with no polling;
 * a redelivery (same X-Gitlab-Event-UUID) is ignored; a wrong token is 401; other hooks are ignored.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitForState } from '../orchestrator/workflow-fixtures.js';

const SECRET = 'gitlab-webhook-secret-123';
let s: TestServer;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-gitlab-hook-'));
  mkdirSync(join(root, 'approval-by-label'));
  writeFileSync(
    join(root, 'approval-by-label/approval-by-label.sw.yaml'),
    `id: approval-by-label
specVersion: '0.8'
events:
  - name: labelled
    type: com.gitlab.issue.labels.changed
    source: gitlab:rhdh/orchestrator-approvals
    correlation: [ { contextAttributeName: gitlabissue } ]
start: Open
states:
  - name: Open
    type: inject
    data: {}
    transition: Wait
  - name: Wait
    type: event
    onEvents: [ { eventRefs: [labelled], eventDataFilter: { toStateData: .decision } } ]
    end: true
`,
  );
  s = await startTestServer({ workflows: [join(root, 'approval-by-label')], settings: { gitlabWebhookSecret: SECRET } });
});
afterAll(() => s?.stop());

const hook = (iid: number, previous: string[], current: string[]) => ({
  object_kind: 'issue',
  event_type: 'issue',
  project: { id: 2, path_with_namespace: 'rhdh/orchestrator-approvals' },
  object_attributes: { id: 100 + iid, iid, title: 'Request for large namespace', state: 'opened', action: 'update', updated_at: '2026-11-27 10:00:00 UTC' },
  changes: { labels: { previous: previous.map((title) => ({ title })), current: current.map((title) => ({ title })) } },
});
const post = (body: unknown, headers: Record<string, string>) => s.request('/api/gitlab/webhook', { method: 'POST', json: body, headers });

it('turns a label change into an event that resumes the waiting run at once', async () => {
  const { id } = (await (await s.request('/api/orchestrator/v2/workflows/approval-by-label/execute', { method: 'POST', token: SERVICE_TOKEN, json: { inputData: {} } })).json()) as { id: string };
  await waitForState(s, id, ['ACTIVE']);
  const r = await post(hook(7, [], ['approved']), { 'x-gitlab-token': SECRET, 'x-gitlab-event': 'Issue Hook', 'x-gitlab-event-uuid': 'uuid-1' });
  expect(r.status).toBe(202);
  expect(await r.json()).toMatchObject({ id: 'uuid-1', type: 'com.gitlab.issue.labels.changed', delivered: [id] });
  const done = await waitForState(s, id, ['COMPLETED']);
  expect((done.workflowdata as { decision: unknown }).decision).toMatchObject({ labels: ['approved'], added: ['approved'], removed: [], issue: { iid: 7 } });
  // Redelivery of the same hook is ignored.
  expect(await (await post(hook(7, [], ['approved']), { 'x-gitlab-token': SECRET, 'x-gitlab-event-uuid': 'uuid-1' })).json()).toMatchObject({ duplicate: true, delivered: [] });
});

it('refuses a wrong token and ignores hooks that change no label', async () => {
  expect((await post(hook(8, [], ['approved']), { 'x-gitlab-token': 'nope' })).status).toBe(401);
  expect((await post(hook(8, [], ['approved']), {})).status).toBe(401);
  const noLabels = { ...hook(8, [], []), changes: { title: { previous: 'a', current: 'b' } } };
  expect(await (await post(noLabels, { 'x-gitlab-token': SECRET })).json()).toEqual({ ignored: true });
  expect(await (await post({ object_kind: 'push' }, { 'x-gitlab-token': SECRET })).json()).toEqual({ ignored: true });
});
