/**
 * The CloudEvents-in tests, run by one file per database: a real server on 127.0.0.1, events
 * posted with fetch in binary, structured and batch mode, deliveries checked in the instances.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InstanceState, InstanceStatus } from '@sluice/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIVED_TTL_MS } from '../../src/events/event-intake.js';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { writeEventWorkflows } from './event-workflows.js';
import { startHoldServer, type HoldServer } from '../helpers/hold-server.js';

type Attrs = Record<string, string>;

/** Registers the suite; `database` is read in beforeAll (undefined: SQLite). */
export function defineEventTests(label: string, database: () => string | undefined): void {
  describe(`CloudEvents in (${label})`, () => {
    let s: TestServer;
    let hold: HoldServer;
    let dir = '';

    beforeAll(async () => {
      hold = await startHoldServer();
      dir = mkdtempSync(join(tmpdir(), 'sluice-events-'));
      const db = database();
      s = await startTestServer({ workflows: writeEventWorkflows(dir, hold.url), ...(db ? { database: db } : {}) });
    });
    afterAll(async () => {
      await s?.stop();
      await hold?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const binary = (attrs: Attrs, data?: unknown, opts: { path?: string; token?: string | null; contentType?: string } = {}): Promise<Response> => {
      const headers: Record<string, string> = { 'ce-specversion': '1.0', ...Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`ce-${k}`, v])) };
      if (data !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      if (opts.token !== null) headers['authorization'] = `Bearer ${opts.token ?? SERVICE_TOKEN}`;
      const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
      return fetch(`${s.url}${opts.path ?? '/api/events'}`, { method: 'POST', headers, ...(body !== undefined ? { body } : {}) });
    };
    const structured = (event: unknown, opts: { token?: string; contentType?: string } = {}): Promise<Response> =>
      fetch(`${s.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': opts.contentType ?? 'application/cloudevents+json', authorization: `Bearer ${opts.token ?? SERVICE_TOKEN}` },
        body: typeof event === 'string' ? event : JSON.stringify(event),
      });
    const ping = (id: string, data: unknown = { n: 1 }): Record<string, unknown> => ({ specversion: '1.0', id, source: '/pings', type: 'test.started.ping', data });
    const instance = async (id: string): Promise<InstanceState> => {
      const st = await s.ctx.store.get(id);
      if (!st) throw new Error(`no instance ${id}`);
      return st;
    };
    const reaches = async (id: string, status: InstanceStatus): Promise<InstanceState> => {
      for (let i = 0; i < 400; i++) {
        const st = await instance(id);
        if (st.status === status) return st;
        if (st.status === 'faulted') throw new Error(`instance ${id} faulted: ${JSON.stringify(st.error)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`instance ${id} is ${(await instance(id)).status}, not ${status}`);
    };
    const startedCount = async (): Promise<number> => (await s.ctx.store.query({ workflowId: 'ev-started', limit: 1000 })).items.length;

    it('binary mode at POST / (as SonataFlow): ce-kogitoprocrefid reaches the callback state, whose event data is merged', async () => {
      const id = await s.ctx.runtime.start('ev-callback', {});
      await reaches(id, 'waiting');
      const eventId = randomUUID();
      const r = await binary({ id: eventId, source: '/approvals', type: 'test.callback.approved', kogitoprocrefid: id }, { decision: 'approved' }, { path: '/' });
      expect(r.status).toBe(202);
      expect(await r.json()).toEqual({ id: eventId, delivered: [id], started: [] });
      expect((await reaches(id, 'completed')).output).toMatchObject({ asked: true, approval: { decision: 'approved' } });
    });

    it('structured mode: start events create instances correlated on orderid; an early payment waits until its instance reaches the event state', async () => {
      const created = (orderid: string): Record<string, unknown> => ({ specversion: '1.0', id: randomUUID(), source: '/orders', type: 'test.order.created', orderid, data: { id: orderid } });
      const paid = (orderid: string, amount: number): Record<string, unknown> => ({ specversion: '1.0', id: randomUUID(), source: '/payments', type: 'test.order.paid', orderid, data: { amount } });

      const r5 = await structured(created('5'));
      expect(r5.status).toBe(202);
      const a = ((await r5.json()) as { started: string[] }).started;
      expect(a).toHaveLength(1);
      await hold.arrived('/reserve/5'); // A consumed its start event: its correlation is fixed
      const b = ((await (await structured(created('6'))).json()) as { delivered: string[]; started: string[] });
      expect(b.delivered).toEqual([]);
      expect(b.started).toHaveLength(1);
      await hold.arrived('/reserve/6');

      // B is still in Reserve: the payment for order 6 is delivered to B alone and waits there.
      const early = await structured(paid('6', 60));
      expect(await early.json()).toMatchObject({ delivered: b.started, started: [] });
      expect((await instance(b.started[0]!)).status).toBe('running');
      // A payment for an order nobody has is accepted and goes nowhere.
      const nobody = await structured(paid('7', 70));
      expect([nobody.status, await nobody.json()]).toEqual([202, expect.objectContaining({ delivered: [], started: [] })]);

      hold.release('/reserve/6', { reserved: true });
      const doneB = await reaches(b.started[0]!, 'completed');
      expect(doneB.output).toEqual({ order: { id: '6' }, reservation: { reserved: true }, payment: { amount: 60 } });

      hold.release('/reserve/5', { reserved: true });
      await reaches(a[0]!, 'waiting');
      expect(await (await structured(paid('5', 50))).json()).toMatchObject({ delivered: a, started: [] });
      expect((await reaches(a[0]!, 'completed')).output).toMatchObject({ payment: { amount: 50 } });
    });

    it('a start event (binary mode) creates an instance that consumes it', async () => {
      const eventId = randomUUID();
      const r = await binary({ id: eventId, source: '/pings', type: 'test.started.ping' }, { hello: 'world' });
      expect(r.status).toBe(202);
      const body = (await r.json()) as { id: string; delivered: string[]; started: string[] };
      expect([body.id, body.delivered, body.started.length]).toEqual([eventId, [], 1]);
      expect((await reaches(body.started[0]!, 'completed')).output).toEqual({ ping: { hello: 'world' } });
    });

    it('ignores a repeated (source, id): 202 with duplicate true, nothing delivered or started again', async () => {
      const eventId = `dup-${randomUUID()}`;
      const first = (await (await structured(ping(eventId))).json()) as { started: string[] };
      expect(first.started).toHaveLength(1);
      const before = await startedCount();
      const again = await binary({ id: eventId, source: '/pings', type: 'test.started.ping' }, { n: 2 });
      expect([again.status, await again.json()]).toEqual([202, { id: eventId, duplicate: true, delivered: [], started: [] }]);
      // The same id from another source is another event.
      const other = await binary({ id: eventId, source: '/elsewhere', type: 'test.started.ping' }, { n: 3 });
      expect(await other.json()).toEqual({ id: eventId, delivered: [], started: [] });
      expect(await startedCount()).toBe(before);
    });

    it('delivers one of several identical events sent at the same time', async () => {
      const before = await startedCount();
      const eventId = randomUUID();
      const answers = (await Promise.all(Array.from({ length: 5 }, () => structured(ping(eventId)).then((r) => r.json())))) as { duplicate?: boolean; started: string[] }[];
      expect(answers.filter((a) => !a.duplicate).map((a) => a.started.length)).toEqual([1]);
      expect(await startedCount()).toBe(before + 1);
    });

    it('batch mode: each event in order, duplicates inside the batch included', async () => {
      const [x, y] = [randomUUID(), randomUUID()];
      const r = await structured([ping(x), ping(y), ping(x)], { contentType: 'application/cloudevents-batch+json' });
      expect(r.status).toBe(202);
      const { events } = (await r.json()) as { events: { id: string; duplicate?: boolean; started: string[] }[] };
      expect(events.map((e) => [e.id, e.duplicate ?? false, e.started.length])).toEqual([
        [x, false, 1],
        [y, false, 1],
        [x, true, 0],
      ]);
    });

    it.each([
      ['binary without ce-id', () => binary({ source: '/pings', type: 'test.started.ping' }, {}), /missing CloudEvents header ce-id/],
      ['binary with specversion 0.3', () => binary({ id: 'x', source: '/pings', type: 't', specversion: '0.3' }, {}), /specversion "0.3".*only 1\.0/],
      ['binary with a body that is not JSON', () => binary({ id: 'x', source: '/pings', type: 't' }, '{oops'), /not valid JSON/],
      ['binary with a bad extension name', () => binary({ id: 'x', source: '/pings', type: 't', 'order_id': '1' }, {}), /invalid attribute name: "order_id"/],
      ['structured without type', () => structured({ specversion: '1.0', id: 'x', source: '/pings' }), /missing CloudEvents attribute type/],
      ['structured with a bad time', () => structured({ ...ping('x'), time: 'yesterday' }), /attribute time is not an RFC 3339 timestamp/],
      ['structured that is not JSON', () => structured('{"id":'), /not valid JSON/],
      ['structured in XML', () => structured('<event/>', { contentType: 'application/cloudevents+xml' }), /only application\/cloudevents\+json/],
      ['a batch with one bad event', () => structured([ping(randomUUID()), { id: 'y' }], { contentType: 'application/cloudevents-batch+json' }), /event 1: missing CloudEvents attributes source, type, specversion/],
      ['plain JSON without ce- headers', () => fetch(`${s.url}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' }, body: '{}' }), /not a CloudEvent/],
    ])('answers 400 naming the problem: %s', async (_name, send, message) => {
      const before = await startedCount();
      const r = await send();
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { name: string; message: string } };
      expect(body.error.name).toBe('InputError');
      expect(body.error.message).toMatch(message);
      expect(await startedCount()).toBe(before);
    });

    it('answers 401 to anonymous callers on both paths and takes events from signed-in users', async () => {
      for (const path of ['/api/events', '/']) {
        const r = await binary({ id: randomUUID(), source: '/pings', type: 'test.started.ping' }, {}, { path, token: null });
        expect(r.status).toBe(401);
      }
      const user = await binary({ id: randomUUID(), source: '/pings', type: 'test.started.ping' }, {}, { token: await s.tokenFor('dev1') });
      expect(user.status).toBe(202);
    });

    it('forgets received ids after 7 days', async () => {
      const now = Date.now();
      const old = { source: '/pings', id: `old-${randomUUID()}`, received_at: now - RECEIVED_TTL_MS - 60_000 };
      const recent = { source: '/pings', id: `recent-${randomUUID()}`, received_at: now - 60_000 };
      await s.ctx.db.db.insertInto('sluice_received_events').values([old, recent]).execute();
      expect(await s.ctx.events.purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(await (await structured(ping(old.id))).json()).not.toHaveProperty('duplicate');
      expect(await (await structured(ping(recent.id))).json()).toHaveProperty('duplicate', true);
    });
  });
}
