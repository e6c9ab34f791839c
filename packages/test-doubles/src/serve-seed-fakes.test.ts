// The hand-testing fakes: fixed ports, scripted approval, request log, and the env they print.
import { afterEach, expect, it } from 'vitest';
import { serveSeedFakes, type SeedFakes } from './serve-seed-fakes.js';

let fakes: SeedFakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

it('serves the approvals project, labels issues after N polls and logs each request', async () => {
  const lines: string[] = [];
  fakes = await serveSeedFakes({ decision: 'denied', decideAfter: 2, log: (l) => lines.push(l) });
  const git = (method: string, path: string, body?: unknown) =>
    fetch(`${fakes!.env.GITLAB_URL}${path}`, {
      method,
      headers: { 'PRIVATE-TOKEN': fakes!.env.GITLAB_TOKEN!, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<{ id: number; iid: number; labels: string[] }[] & { iid: number; labels: string[] }>);
  const [project] = await git('GET', '/api/v4/projects?search=orchestrator-approvals&simple=true');
  const issue = await git('POST', `/api/v4/projects/${project!.id}/issues`, { title: 't' });
  expect((await git('GET', `/api/v4/projects/${project!.id}/issues/${issue.iid}`)).labels).toEqual([]);
  expect((await git('GET', `/api/v4/projects/${project!.id}/issues/${issue.iid}`)).labels).toEqual(['denied']);
  expect(lines[0]).toBe('gitlab GET /api/v4/projects?search=orchestrator-approvals&simple=true -> 200');
  expect(lines).toHaveLength(4);
  expect(fakes.env.SWT_REF).toBe('template:default/orchestrator-namespace-request');
  expect(fakes.env.BACKSTAGE_BACKEND_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

it('listens on the ports it is given', async () => {
  fakes = await serveSeedFakes({ gitlabPort: 0, backstagePort: 0 });
  const probe = await fetch(`${fakes.env.BACKSTAGE_BACKEND_URL}/api/scaffolder/v2/tasks/none`, { headers: { Authorization: `Bearer ${fakes.env.BACKSTAGE_BACKEND_BEARER_TOKEN}` } });
  expect(probe.status).toBe(404);
});
