import Fastify from 'fastify';
import { expect, it } from 'vitest';
import type { HistoryEntry } from '@sluice/engine';
import type { AppContext } from '../../src/app/context.js';
import type { ServerDb } from '../../src/db/server-db.js';
import { Metrics, countTransitions } from '../../src/ops/metrics.js';
import { registerOpsRoutes } from '../../src/ops/ops-routes.js';
import { metricValue } from './prometheus-text.js';

/** An app with only the ops routes, over a database whose queries fail. */
async function opsApp(ready: () => boolean) {
  const failing = { db: { selectFrom: () => { throw new Error('database is closed'); } } } as unknown as ServerDb;
  const ctx = { isReady: ready, metrics: new Metrics({ defaultMetrics: false }), db: failing } as unknown as AppContext;
  const app = Fastify();
  await registerOpsRoutes(app, ctx);
  app.get('/things/:id', async () => ({}));
  return app;
}

it('answers /ready with 503 until the server is ready, and 200 after', async () => {
  let ready = false;
  const app = await opsApp(() => ready);
  const before = await app.inject('/ready');
  expect(before.statusCode).toBe(503);
  expect(before.json()).toEqual({ status: 'not ready' });
  expect((await app.inject('/health')).statusCode).toBe(200);
  ready = true;
  expect((await app.inject('/ready')).statusCode).toBe(200);
});

it('still serves /metrics when the instances cannot be counted (the gauge has no samples then)', async () => {
  const app = await opsApp(() => true);
  await app.inject('/things/secret-id-77');
  const r = await app.inject('/metrics');
  expect(r.statusCode).toBe(200);
  expect(r.body).not.toMatch(/^sluice_instances\{/m);
  expect(metricValue(r.body, 'sluice_http_request_duration_seconds_count', { method: 'GET', route: '/things/:id', status: '200' })).toBe(1);
  expect(r.body).not.toContain('secret-id-77');
  expect(r.body).not.toMatch(/^process_cpu/m);
});

it('counts a transition when a thread leaves one state for another, not when a run or a branch starts', () => {
  const h = (type: HistoryEntry['type'], thread?: string, state?: string): HistoryEntry => ({ at: 0, type, ...(thread ? { thread, state } : {}) });
  expect(countTransitions([h('instance.started'), h('state.entered', 'main', 'A')])).toBe(0);
  expect(countTransitions([h('state.exited', 'main', 'A'), h('state.entered', 'main', 'B'), h('state.exited', 'main', 'B'), h('state.entered', 'main', 'C')])).toBe(2);
  expect(countTransitions([h('state.entered', 'b1', 'X'), h('state.exited', 'main', 'P'), h('instance.completed')])).toBe(0);
  expect(countTransitions([h('state.exited', 'b1', 'X'), h('state.entered', 'b2', 'Y')])).toBe(0);
});
