/**
 * The portal's routes: a workflow's graph (from the engine's parsed definition: switch conditions,
 * default, transitions, end), a run's graph and its history paged by sequence number, and the
 * permissions they share with the Orchestrator API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunHistoryPage, WorkflowGraph } from '../../src/index.js';
import { SEED_FOLDER, startTestServer, type TestServer } from '../helpers/test-server.js';
import { DEV2, jsonOf, serverSettings, waitForState, writeWorkflows } from '../orchestrator/workflow-fixtures.js';

let s: TestServer;
let fixtures: ReturnType<typeof writeWorkflows>;
let dev1 = '';
let dev2 = '';

beforeAll(async () => {
  fixtures = writeWorkflows();
  s = await startTestServer({ workflows: [SEED_FOLDER, ...fixtures.folders], settings: serverSettings(), env: { TINY_URL: 'http://127.0.0.1:9' } });
  dev1 = await s.tokenFor('dev1');
  dev2 = await s.tokenFor(DEV2);
});
afterAll(async () => {
  await s?.stop();
  fixtures?.cleanup();
});

describe('GET /api/sluice/workflows/:id/graph', () => {
  it('draws the seed workflow: the size switch with its conditions and default, the approval loop, the end', async () => {
    const g = await jsonOf<WorkflowGraph>(await s.request('/api/sluice/workflows/create-ocp-namespace-swt/graph', { token: dev1 }));
    expect(g.start).toBe('NamespaceSizeSwitch');
    expect(g.edges[0]).toMatchObject({ source: '__start', target: 'NamespaceSizeSwitch', kind: 'start' });
    const out = g.edges.filter((e) => e.source === 'NamespaceSizeSwitch').map((e) => [e.kind, e.label, e.target]);
    expect(out).toEqual([
      ['condition', 'Namespace small', 'LaunchSoftwareTemplate'],
      ['condition', 'Namespace medium', 'LaunchSoftwareTemplate'],
      ['condition', 'Namespace large', 'GetGitlabProjectId'],
      ['default', 'default', 'LaunchSoftwareTemplate'],
    ]);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    expect(g.edges).toContainEqual(expect.objectContaining({ source: 'CheckIssueStatus', target: 'PollIssue', kind: 'default' }));
    const switchNode = g.nodes.find((n) => n.id === 'NamespaceSizeSwitch');
    expect(switchNode).toMatchObject({ kind: 'state', stateType: 'switch' });
    const create = g.nodes.find((n) => n.id === 'CreateIssue');
    expect(create?.details.some((d) => d.includes('call createIssue'))).toBe(true);
    expect(g.nodes.at(-1)).toMatchObject({ id: '__end', kind: 'end' });
    // Every edge joins two nodes of the graph.
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect([ids.has(e.source), ids.has(e.target)]).toEqual([true, true]);
  });

  it('is refused as the Orchestrator API refuses: 401, 403 for a workflow the user may not read, 404', async () => {
    expect((await s.request('/api/sluice/workflows/greet/graph')).status).toBe(401);
    expect((await s.request('/api/sluice/workflows/restricted/graph', { token: dev2 })).status).toBe(403);
    expect((await s.request('/api/sluice/workflows/restricted/graph', { token: dev1 })).status).toBe(200);
    expect((await s.request('/api/sluice/workflows/nope/graph', { token: dev1 })).status).toBe(404);
  });
});

describe('a run: graph and history', () => {
  let run = '';
  beforeAll(async () => {
    run = (await jsonOf<{ id: string }>(await s.request('/api/orchestrator/v2/workflows/greet/execute', { method: 'POST', token: dev1, json: { inputData: { name: 'Ada' } } }))).id;
    await waitForState(s, run, ['COMPLETED']);
  });

  it('serves the graph of the version the run started with', async () => {
    const g = await jsonOf<WorkflowGraph>(await s.request(`/api/sluice/instances/${run}/graph`, { token: dev1 }));
    expect(g.workflowId).toBe('greet');
    expect(g.nodes.map((n) => n.id)).toEqual(['__start', 'Prepare', 'Answer', '__end']);
    expect(g.edges.map((e) => `${e.source}->${e.target}:${e.kind}`)).toEqual(['__start->Prepare:start', 'Prepare->Answer:transition', 'Answer->__end:end']);
  });

  it('pages the history by sequence number: from the start, then only what follows', async () => {
    const all = await jsonOf<RunHistoryPage>(await s.request(`/api/sluice/instances/${run}/history`, { token: dev1 }));
    const types = all.entries.map((e) => `${e.type}${e.state ? `:${e.state}` : ''}`);
    expect(types[0]).toBe('instance.started');
    expect(types).toContain('state.entered:Prepare');
    expect(types).toContain('state.exited:Answer');
    expect(types.at(-1)).toBe('instance.completed');
    expect(all.last).toBe(all.entries.at(-1)!.seq);
    expect(all.input).toEqual({ name: 'Ada' });
    for (const e of all.entries) expect(new Date(e.at).toISOString()).toBe(e.at);
    const mid = all.entries[2]!.seq;
    const rest = await jsonOf<RunHistoryPage>(await s.request(`/api/sluice/instances/${run}/history?after=${mid}`, { token: dev1 }));
    expect(rest.entries.map((e) => e.seq)).toEqual(all.entries.filter((e) => e.seq > mid).map((e) => e.seq));
    expect(rest).not.toHaveProperty('input');
    const none = await jsonOf<RunHistoryPage>(await s.request(`/api/sluice/instances/${run}/history?after=${all.last}`, { token: dev1 }));
    expect(none).toEqual({ instanceId: run, entries: [], last: all.last });
  });

  it('answers a bad `after` with 400 naming it, and hides the run from other users', async () => {
    const bad = await s.request(`/api/sluice/instances/${run}/history?after=-1`, { token: dev1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('/after');
    expect((await s.request(`/api/sluice/instances/${run}/history`, { token: dev2 })).status).toBe(403);
    expect((await s.request(`/api/sluice/instances/${run}/graph`, { token: dev2 })).status).toBe(403);
    expect((await s.request('/api/sluice/instances/nope/history', { token: dev1 })).status).toBe(404);
  });
});
