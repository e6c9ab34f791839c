/**
 * The notifications API tests, run on SQLite and on PostgreSQL (each test file calls
 * `notificationSuite` with its database). One server per file; the organisation used for recipients
 * is registered through the catalog API first:
 * developers ⊃ team-a (spec.parent) ⊃ team-b (team-a's spec.children); dev1 ∈ developers,
 * alice ∈ team-a (memberOf), bob ∈ team-a (members), carol ∈ team-b; component svc owned by team-a.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_SUBJECT, SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { isConnected, openLive } from './live-client.js';

interface Sent {
  id: string;
  user: string | null;
  created: string;
  origin: string;
  read?: string;
  saved?: string;
  updated?: string;
  payload: Record<string, unknown>;
}

const entity = (kind: string, name: string, spec: Record<string, unknown>) => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name }, spec });

/** Defines the suite; `database` gives the server's database URL (default SQLite). */
export function notificationSuite(database?: () => string): void {
  let s: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer(database ? { database: database() } : {});
    for (const e of [
      entity('Group', 'team-a', { type: 'team', parent: 'developers', children: ['team-b'], members: ['bob'] }),
      entity('Group', 'team-b', { type: 'team', children: [] }),
      entity('User', 'alice', { memberOf: ['team-a'] }),
      entity('User', 'bob', {}),
      entity('User', 'carol', { memberOf: ['team-b'] }),
      entity('User', 'filters', {}),
      entity('Component', 'svc', { type: 'service', owner: 'team-a' }),
    ]) {
      const r = await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: e });
      expect(r.status).toBe(201);
    }
    for (const u of ['dev1', 'admin', 'alice', 'bob', 'carol', 'filters']) tokens[u] = await s.tokenFor(u);
  });
  afterAll(() => s?.stop());

  const send = async (body: unknown, token = SERVICE_TOKEN, path = '/api/notifications/notifications'): Promise<Response> =>
    s.request(path, { method: 'POST', token, json: body });
  const sendOk = async (body: unknown, token = SERVICE_TOKEN): Promise<Sent[]> => {
    const r = await send(body, token);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as Sent[];
  };
  const toEntity = (entityRef: string | string[], payload: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    recipients: { type: 'entity', entityRef, ...extra },
    payload: { title: 'Hello', ...payload },
  });
  const listFor = async (user: string, query = ''): Promise<{ totalCount: number; notifications: Sent[] }> => {
    const r = await s.request(`/api/notifications/notifications${query}`, { token: tokens[user] });
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as { totalCount: number; notifications: Sent[] };
  };

  describe('recipients', () => {
    it('a user: one notification, origin = the service subject, severity defaulted', async () => {
      const sent = await sendOk(toEntity('user:default/dev1', { description: 'd', topic: 'T' }));
      expect(sent).toEqual([
        { id: expect.any(String), user: 'user:default/dev1', created: expect.any(String), origin: SERVICE_SUBJECT, payload: { title: 'Hello', description: 'd', topic: 'T', severity: 'normal' } },
      ]);
      expect(Date.parse(sent[0]!.created)).toBeGreaterThan(Date.now() - 60_000);
      const mine = await listFor('dev1');
      expect(mine.notifications.map((n) => n.id)).toContain(sent[0]!.id);
      expect((await listFor('admin')).notifications.map((n) => n.id)).not.toContain(sent[0]!.id);
    });

    it('a group: its members and those of nested child groups, once each', async () => {
      const sent = await sendOk(toEntity(['group:default/developers', 'user:default/alice', 'group:default/team-b']));
      expect(sent.map((n) => n.user)).toEqual(['user:default/alice', 'user:default/bob', 'user:default/carol', 'user:default/dev1']);
      expect(new Set(sent.map((n) => n.id)).size).toBe(4);
    });

    it('an owned entity: its owner group expanded', async () => {
      const sent = await sendOk(toEntity('component:default/svc'));
      expect(sent.map((n) => n.user)).toEqual(['user:default/alice', 'user:default/bob', 'user:default/carol']);
    });

    it('unknown refs are skipped silently (200, possibly nothing)', async () => {
      expect((await sendOk(toEntity(['user:default/ghost', 'group:default/nope', 'user:default/dev1']))).map((n) => n.user)).toEqual(['user:default/dev1']);
      expect(await sendOk(toEntity('user:default/ghost'))).toEqual([]);
    });

    it('excludeEntityRef removes users and prunes groups', async () => {
      const noBob = await sendOk(toEntity('group:default/developers', {}, { excludeEntityRef: 'user:default/bob' }));
      expect(noBob.map((n) => n.user)).toEqual(['user:default/alice', 'user:default/carol', 'user:default/dev1']);
      const noTeam = await sendOk(toEntity('group:default/developers', {}, { excludeEntityRef: ['group:default/team-a'] }));
      expect(noTeam.map((n) => n.user)).toEqual(['user:default/dev1']);
    });

    it('the deprecated POST /api/notifications works the same', async () => {
      const r = await send(toEntity('user:default/bob', { severity: 'HIGH' }), SERVICE_TOKEN, '/api/notifications');
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual([expect.objectContaining({ user: 'user:default/bob', payload: { title: 'Hello', severity: 'high' } })]);
    });
  });

  describe('validation', () => {
    it('missing title and/or recipients', async () => {
      const cases: [unknown, string][] = [
        [{ payload: {} }, 'missing title, recipients'],
        [{ recipients: { type: 'broadcast' }, payload: { description: 'x' } }, 'missing title'],
        [{ payload: { title: 'x' } }, 'missing recipients'],
      ];
      for (const [body, missing] of cases) {
        const r = await send(body);
        expect(r.status).toBe(400);
        expect(await r.json()).toMatchObject({ error: { name: 'InputError', message: `Invalid notification request received: ${missing}` } });
      }
    });

    it('links: relative ones resolve against the base URL; only http(s)', async () => {
      expect((await sendOk(toEntity('user:default/dev1', { link: '/orchestrator/instances/1' })))[0]!.payload.link).toBe('/orchestrator/instances/1');
      expect((await sendOk(toEntity('user:default/dev1', { link: 'https://example.com/x' })))[0]!.payload.link).toBe('https://example.com/x');
      for (const link of ['javascript:alert(1)', 'ftp://example.com/f', 'http://']) {
        const r = await send(toEntity('user:default/dev1', { link }));
        expect(r.status, link).toBe(400);
        expect(await r.json()).toMatchObject({ error: { message: 'Invalid link provided' } });
      }
    });

    it('unknown recipients type', async () => {
      const r = await send({ recipients: { type: 'team' }, payload: { title: 'x' } });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: { message: "Invalid recipients type, please use either 'broadcast' or 'entity'" } });
      expect((await send({ recipients: { type: 'entity' }, payload: { title: 'x' } })).status).toBe(400);
    });
  });

  describe('auth', () => {
    it('anonymous callers get 401 everywhere', async () => {
      expect((await send(toEntity('user:default/dev1'), '')).status).toBe(401);
      for (const path of ['/api/notifications/notifications', '/api/notifications', '/api/notifications/status', '/api/notifications/topics', '/api/notifications/notifications/x']) {
        expect((await s.request(path)).status, path).toBe(401);
      }
      expect((await s.request('/api/notifications/notifications/update', { method: 'POST', json: { ids: [] } })).status).toBe(401);
    });

    it("a user cannot send (403 NotAllowedError, Backstage's message)", async () => {
      const r = await send(toEntity('user:default/dev1'), tokens.dev1);
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { name: 'NotAllowedError', message: "This endpoint does not allow 'user' credentials" } });
    });

    it('a service cannot read user lists (403)', async () => {
      for (const path of ['/api/notifications/notifications', '/api/notifications/status', '/api/notifications/topics']) {
        const r = await s.request(path, { token: SERVICE_TOKEN });
        expect(r.status, path).toBe(403);
        expect(await r.json()).toMatchObject({ error: { message: "This endpoint does not allow 'service' credentials" } });
      }
    });

    it("a user can neither see nor update another user's notification", async () => {
      const [forAdmin] = await sendOk(toEntity('user:default/admin', { title: 'for admin only' }));
      expect((await s.request(`/api/notifications/notifications/${forAdmin!.id}`, { token: tokens.dev1 })).status).toBe(404);
      expect((await s.request(`/api/notifications/${forAdmin!.id}`, { token: tokens.dev1 })).status).toBe(404);
      const upd = await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.dev1, json: { ids: [forAdmin!.id], read: true, saved: true } });
      expect(upd.status).toBe(200);
      expect(await upd.json()).toEqual([]);
      const own = (await (await s.request(`/api/notifications/notifications/${forAdmin!.id}`, { token: tokens.admin })).json()) as Sent;
      expect(own).toMatchObject({ id: forAdmin!.id, user: 'user:default/admin' });
      expect(own.read).toBeUndefined();
      expect(own.saved).toBeUndefined();
    });

    it('a portal token for a user not in the catalog still only sees its own', async () => {
      const ghost = await s.tokenFor('user:default/ghost');
      const r = await s.request('/api/notifications/status', { token: ghost });
      expect(await r.json()).toEqual({ unread: 0, read: 0 });
    });
  });

  describe('list, filters, status, update', () => {
    it('filters, orders and pages; totalCount ignores paging', async () => {
      const to = (payload: Record<string, unknown>) => sendOk(toEntity('user:default/filters', payload));
      const [a] = await to({ title: 'Build failed', description: 'pipeline 7', severity: 'critical', topic: 'ci' });
      await sleep(5);
      const [b] = await to({ title: 'Namespace ready', description: 'team 100% done', severity: 'low', topic: 'namespaces' });
      await sleep(5);
      const after = new Date().toISOString();
      await sleep(5);
      const [c] = await to({ title: 'Deploy done', severity: 'high', topic: 'ci' });
      const ids = async (query: string): Promise<string[]> => (await listFor('filters', query)).notifications.map((n) => n.id);

      expect(await ids('')).toEqual([c!.id, b!.id, a!.id]);
      expect(await ids('?orderField=created,asc')).toEqual([a!.id, b!.id, c!.id]);
      expect(await ids('?orderField=severity,desc')).toEqual([a!.id, c!.id, b!.id]);
      expect(await ids('?orderField=title,asc')).toEqual([a!.id, c!.id, b!.id]);
      expect(await ids('?search=PIPELINE')).toEqual([a!.id]);
      expect(await ids('?search=100%25')).toEqual([b!.id]);
      expect(await ids('?search=_')).toEqual([]);
      expect(await ids('?topic=ci')).toEqual([c!.id, a!.id]);
      expect(await ids('?minimumSeverity=high')).toEqual([c!.id, a!.id]);
      expect(await ids(`?createdAfter=${encodeURIComponent(after)}`)).toEqual([c!.id]);
      const page = await listFor('filters', '?limit=1&offset=1');
      expect(page.totalCount).toBe(3);
      expect(page.notifications.map((n) => n.id)).toEqual([b!.id]);
      expect((await listFor('filters', '?offset=2')).notifications.map((n) => n.id)).toEqual([a!.id]);
      expect((await s.request('/api/notifications/notifications?createdAfter=yesterday-ish', { token: tokens.filters })).status).toBe(400);
      expect((await s.request('/api/notifications/notifications?orderField=nope,desc', { token: tokens.filters })).status).toBe(400);
      expect((await s.request('/api/notifications/notifications?limit=x', { token: tokens.filters })).status).toBe(400);

      const topics = await s.request('/api/notifications/topics', { token: tokens.filters });
      expect(await topics.json()).toEqual({ topics: ['ci', 'namespaces'] });
      const severe = await s.request('/api/notifications/topics?minimumSeverity=high', { token: tokens.filters });
      expect(await severe.json()).toEqual({ topics: ['ci'] });

      // read / saved
      const status = async () => (await s.request('/api/notifications/status', { token: tokens.filters })).json();
      expect(await status()).toEqual({ unread: 3, read: 0 });
      const upd = await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.filters, json: { ids: [a!.id, b!.id], read: true } });
      const updated = (await upd.json()) as Sent[];
      expect(updated.map((n) => n.id).sort()).toEqual([a!.id, b!.id].sort());
      expect(updated.every((n) => typeof n.read === 'string' && n.saved === undefined)).toBe(true);
      expect(await status()).toEqual({ unread: 1, read: 2 });
      expect(await ids('?read=false')).toEqual([c!.id]);
      expect(await ids('?read=true')).toEqual([b!.id, a!.id]);

      const saved = await s.request('/api/notifications/update', { method: 'POST', token: tokens.filters, json: { ids: [b!.id], saved: true, read: false } });
      expect(await saved.json()).toEqual([expect.objectContaining({ id: b!.id, saved: expect.any(String) })]);
      expect(await ids('?saved=true')).toEqual([b!.id]);
      expect(await ids('?saved=false')).toEqual([c!.id, a!.id]);
      expect(await status()).toEqual({ unread: 2, read: 1 });
      expect(await ids('?orderField=saved,asc&orderField=created,asc&saved=false')).toEqual([a!.id, c!.id]);
      // Unsaved (null) sorts after saved ascending, first descending, on both databases.
      expect(await ids('?orderField=saved,asc&orderField=created,asc')).toEqual([b!.id, a!.id, c!.id]);
      expect(await ids('?orderField=saved,desc&orderField=created,asc')).toEqual([a!.id, c!.id, b!.id]);

      const one = (await (await s.request(`/api/notifications/notifications/${b!.id}`, { token: tokens.filters })).json()) as Sent;
      expect(one).toMatchObject({ id: b!.id, saved: expect.any(String), payload: { title: 'Namespace ready', severity: 'low', topic: 'namespaces' } });
      expect(one.read).toBeUndefined();

      expect((await s.request('/api/notifications/update', { method: 'POST', token: tokens.filters, json: { ids: 'x' } })).status).toBe(400);
      expect((await s.request('/api/notifications/update', { method: 'POST', token: tokens.filters, json: { ids: [], read: 'yes' } })).status).toBe(400);
    });

    it('the deprecated GET /api/notifications lists the same', async () => {
      const r = await s.request('/api/notifications?topic=ci', { token: tokens.filters });
      expect(((await r.json()) as { totalCount: number }).totalCount).toBe(2);
    });
  });

  describe('scope', () => {
    it('same (user, scope, origin) updates in place and marks unread again; another origin gets its own', async () => {
      const body = (title: string) => toEntity('user:default/carol', { title, scope: 'ns-request-42', topic: 'scoped' });
      const [first] = await sendOk(body('Waiting for approval'));
      await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.carol, json: { ids: [first!.id], read: true, saved: true } });
      await sleep(5);
      const [second] = await sendOk(body('Approved'));
      expect(second).toMatchObject({ id: first!.id, created: first!.created, updated: expect.any(String), saved: expect.any(String), payload: { title: 'Approved', scope: 'ns-request-42' } });
      expect(second!.read).toBeUndefined();
      const list = await listFor('carol', '?topic=scoped');
      expect(list.totalCount).toBe(1);
      expect(list.notifications[0]).toMatchObject({ id: first!.id, payload: { title: 'Approved' } });
      expect(list.notifications[0]!.read).toBeUndefined();

      // The self-wiring token is another service, so another origin.
      const selfToken = readFileSync(join(s.dir, 'data', 'workflows.token'), 'utf8').trim();
      const [other] = await sendOk(body('From the workflows'), selfToken);
      expect(other).toMatchObject({ origin: 'sluice-workflows' });
      expect(other!.id).not.toBe(first!.id);
      expect((await listFor('carol', '?topic=scoped')).totalCount).toBe(2);
    });

    it('concurrent scoped sends leave one notification', async () => {
      const body = toEntity('user:default/alice', { title: 'Progress', scope: 'race', topic: 'race' });
      const results = await Promise.all(Array.from({ length: 6 }, () => sendOk(body)));
      expect(new Set(results.map((r) => r[0]!.id)).size).toBe(1);
      expect((await listFor('alice', '?topic=race')).totalCount).toBe(1);
    });
  });

  describe('live stream', () => {
    it('pushes the caller their new notifications and read changes, not other users', async () => {
      const live = await openLive(`${s.url}/api/notifications/live?token=${encodeURIComponent(tokens.bob!)}`);
      try {
        expect(live.status).toBe(200);
        await live.next((m) => m.event === 'comment' && m.data === 'connected');
        await sendOk(toEntity('user:default/admin', { title: 'not for bob' }));
        const [mine] = await sendOk(toEntity('user:default/bob', { title: 'for bob' }));
        const event = await live.next((m) => m.event === 'new_notification');
        expect(JSON.parse(event.data)).toEqual({ action: 'new_notification', notification_id: mine!.id });

        await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.bob, json: { ids: [mine!.id], read: true } });
        const read = await live.next((m) => m.event === 'notification_read');
        expect(JSON.parse(read.data)).toEqual({ action: 'notification_read', notification_ids: [mine!.id] });
        await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.bob, json: { ids: [mine!.id], read: false } });
        const unread = await live.next((m) => m.event === 'notification_unread');
        expect(JSON.parse(unread.data)).toEqual({ action: 'notification_unread', notification_ids: [mine!.id] });
        expect(live.messages.filter((m) => m.event === 'new_notification')).toHaveLength(1);
      } finally {
        live.close();
      }
    });

    it('accepts the Authorization header; refuses anonymous and service callers without echoing the token', async () => {
      const byHeader = await openLive(`${s.url}/api/notifications/live`, tokens.dev1);
      expect(byHeader.status).toBe(200);
      await byHeader.next(isConnected);
      byHeader.close();

      const bad = await fetch(`${s.url}/api/notifications/live?token=not-a-valid-token-secret`);
      expect(bad.status).toBe(401);
      const text = await bad.text();
      expect(text).not.toContain('not-a-valid-token-secret');
      expect(JSON.parse(text)).toMatchObject({ request: { url: '/api/notifications/live?token=***' } });

      const service = await fetch(`${s.url}/api/notifications/live?token=${SERVICE_TOKEN}`);
      expect(service.status).toBe(403);
      expect(await service.text()).not.toContain(SERVICE_TOKEN);
      expect(JSON.stringify(s.logs())).not.toContain('not-a-valid-token-secret');
    });
  });

  // Last: broadcasts show up in every user's list and counts.
  describe('broadcast', () => {
    it('one notification with user null, seen by every user, read state per user, pushed to every stream', async () => {
      const live = await openLive(`${s.url}/api/notifications/live?token=${encodeURIComponent(tokens.alice!)}`);
      await live.next(isConnected);
      const before = (await (await s.request('/api/notifications/status', { token: tokens.admin })).json()) as { unread: number };
      const sent = await sendOk({ recipients: { type: 'broadcast' }, payload: { title: 'Maintenance tonight', topic: 'broadcast' } });
      expect(sent).toEqual([expect.objectContaining({ user: null, origin: SERVICE_SUBJECT, payload: { title: 'Maintenance tonight', topic: 'broadcast', severity: 'normal' } })]);
      const id = sent[0]!.id;
      expect(JSON.parse((await live.next((m) => m.event === 'new_notification')).data)).toEqual({ action: 'new_notification', notification_id: id });
      live.close();

      for (const u of ['dev1', 'admin', 'alice']) expect((await listFor(u, '?topic=broadcast')).notifications.map((n) => n.id)).toEqual([id]);
      await s.request('/api/notifications/notifications/update', { method: 'POST', token: tokens.dev1, json: { ids: [id], read: true, saved: true } });
      const dev1View = (await (await s.request(`/api/notifications/notifications/${id}`, { token: tokens.dev1 })).json()) as Sent;
      expect(dev1View).toMatchObject({ user: null, read: expect.any(String), saved: expect.any(String) });
      const adminView = (await (await s.request(`/api/notifications/notifications/${id}`, { token: tokens.admin })).json()) as Sent;
      expect(adminView.read).toBeUndefined();
      expect(await (await s.request('/api/notifications/status', { token: tokens.admin })).json()).toEqual({ unread: before.unread + 1, read: expect.any(Number) });
      expect((await listFor('dev1', '?topic=broadcast&read=true')).totalCount).toBe(1);
      expect((await listFor('admin', '?topic=broadcast&read=true')).totalCount).toBe(0);

      // A scoped broadcast is replaced in place and unread again for everyone; saved marks stay.
      const scoped = { recipients: { type: 'broadcast' }, payload: { title: 'v1', scope: 'banner', topic: 'banner' } };
      const [b1] = await sendOk(scoped);
      await s.request('/api/notifications/update', { method: 'POST', token: tokens.dev1, json: { ids: [b1!.id], read: true, saved: true } });
      const [b2] = await sendOk({ ...scoped, payload: { ...scoped.payload, title: 'v2' } });
      expect(b2).toMatchObject({ id: b1!.id, user: null, updated: expect.any(String), payload: { title: 'v2' } });
      const again = (await listFor('dev1', '?topic=banner')).notifications;
      expect(again).toEqual([expect.objectContaining({ id: b1!.id, saved: expect.any(String), payload: expect.objectContaining({ title: 'v2' }) })]);
      expect(again[0]!.read).toBeUndefined();
    });
  });
}
