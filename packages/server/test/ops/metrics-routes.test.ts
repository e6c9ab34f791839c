import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { metricValue, waitUntil } from './prometheus-text.js';

const TICK = `id: tick
version: '1.0'
specVersion: '0.8'
start: Say
functions:
  - name: say
    type: custom
    operation: 'sysout:DEBUG'
states:
  - name: Say
    type: operation
    actions:
      - functionRef: { refName: say, arguments: { message: hello } }
    transition: Nap
  - name: Nap
    type: sleep
    duration: PT1S
    transition: Done
  - name: Done
    type: inject
    data: { done: true }
    end: true
`;

let s: TestServer;
let other: TestServer;
beforeAll(async () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'sluice-metrics-wf-')), 'tick');
  mkdirSync(folder);
  writeFileSync(join(folder, 'tick.sw.yaml'), TICK);
  [s, other] = await Promise.all([startTestServer({ workflows: [folder] }), startTestServer()]);
});
afterAll(async () => {
  await s?.stop();
  await other?.stop();
});

async function scrape(server: TestServer): Promise<string> {
  const r = await server.request('/metrics');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return r.text();
}

it('answers /health and /ready', async () => {
  expect(await (await s.request('/health')).json()).toEqual({ status: 'ok' });
  const ready = await s.request('/ready');
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

it('counts instances by status, transitions, action durations and timer lateness from real runs', async () => {
  const ids = await Promise.all([1, 2, 3].map(() => s.ctx.runtime.start('tick', {})));
  await waitUntil(async () => metricValue(await scrape(s), 'sluice_instances', { status: 'waiting' }) === 3, 5000);
  await waitUntil(async () => (await Promise.all(ids.map((id) => s.ctx.runtime.summary(id)))).every((x) => x?.status === 'completed'), 10_000);
  const text = await scrape(s);
  expect(metricValue(text, 'sluice_instances', { status: 'completed' })).toBe(3);
  for (const status of ['running', 'waiting', 'suspended', 'faulted', 'cancelled']) expect(metricValue(text, 'sluice_instances', { status })).toBe(0);
  // Say → Nap → Done: two transitions each; entering the start state is not one.
  expect(metricValue(text, 'sluice_transitions_total', { workflow: 'tick' })).toBe(6);
  expect(metricValue(text, 'sluice_action_duration_seconds_count', { workflow: 'tick', invoker: 'custom:sysout', outcome: 'ok' })).toBe(3);
  expect(metricValue(text, 'sluice_timer_lateness_seconds_count', {})).toBe(3);
  expect(metricValue(text, 'sluice_timer_lateness_seconds_sum', {})).toBeLessThan(3 * 1.5);
});

it('times HTTP requests by route pattern, never by raw URL', async () => {
  await s.request('/health');
  await s.request('/api/auth/me');
  await s.request('/no/such/path/12345');
  const text = await scrape(s);
  expect(metricValue(text, 'sluice_http_request_duration_seconds_count', { method: 'GET', route: '/health', status: '200' })).toBeGreaterThanOrEqual(2);
  expect(metricValue(text, 'sluice_http_request_duration_seconds_count', { method: 'GET', route: '/api/auth/me', status: '401' })).toBe(1);
  expect(metricValue(text, 'sluice_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
  expect(text).not.toContain('12345');
});

it('includes the default process metrics', async () => {
  const text = await scrape(s);
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
    expect(text).toMatch(new RegExp(`^${name} `, 'm'));
  }
});

it('keeps each server\'s metrics apart (a registry per server)', async () => {
  const text = await scrape(other);
  expect(metricValue(text, 'sluice_instances', { status: 'completed' })).toBe(0);
  expect(metricValue(text, 'sluice_transitions_total', { workflow: 'tick' })).toBeUndefined();
  expect(metricValue(text, 'sluice_timer_lateness_seconds_count', {})).toBe(0);
});
