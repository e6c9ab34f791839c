// The catalog routes on a real server (default catalog: dev1, admin, developers, platform-admins):
// auth, filters and paging, by-name, by-refs, registration and removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';

let s: TestServer;
let dev1: string;
let admin: string;

beforeAll(async () => {
  s = await startTestServer();
  dev1 = await s.tokenFor('dev1');
  admin = await s.tokenFor('admin');
});
afterAll(() => s.stop());

const component = (name: string, owner = 'group:default/developers') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

describe('reads', () => {
  it('need a signed-in caller', async () => {
    for (const path of ['/api/catalog/entities', '/api/catalog/entities/by-name/user/default/dev1', '/api/catalog/entities/by-refs']) {
      const r = await s.request(path);
      expect(r.status, path).toBe(401);
      expect(await r.json()).toMatchObject({ error: { name: 'AuthenticationError' } });
    }
    expect((await s.request('/api/catalog/entities/by-refs', { method: 'POST', json: { nope: 1 } })).status).toBe(401);
  });

  it('lists with Backstage filters (AND within one, OR across several), limit and offset', async () => {
    const all = (await (await s.request('/api/catalog/entities', { token: dev1 })).json()) as { kind: string; metadata: { name: string } }[];
    expect(all.map((e) => `${e.kind}:${e.metadata.name}`)).toEqual(['Group:developers', 'Group:platform-admins', 'User:admin', 'User:dev1']);

    const users = (await (await s.request('/api/catalog/entities?filter=kind=user,metadata.namespace=default', { token: SERVICE_TOKEN })).json()) as unknown[];
    expect(users.map((e) => (e as { metadata: { name: string } }).metadata.name)).toEqual(['admin', 'dev1']);

    const either = (await (await s.request('/api/catalog/entities?filter=metadata.name=dev1&filter=metadata.name=developers', { token: dev1 })).json()) as unknown[];
    expect(either).toHaveLength(2);

    const members = (await (await s.request('/api/catalog/entities?filter=relations.memberof=group:default/developers', { token: dev1 })).json()) as unknown[];
    expect(members.map((e) => (e as { metadata: { name: string } }).metadata.name)).toEqual(['dev1']);

    const page = (await (await s.request('/api/catalog/entities?filter=kind=group&limit=1&offset=1', { token: dev1 })).json()) as unknown[];
    expect(page.map((e) => (e as { metadata: { name: string } }).metadata.name)).toEqual(['platform-admins']);

    expect((await s.request('/api/catalog/entities?limit=-1', { token: dev1 })).status).toBe(400);
  });

  it('gets one by name (case-insensitive) with uid, etag and relations, or 404 NotFoundError', async () => {
    const r = await s.request('/api/catalog/entities/by-name/User/default/DEV1', { token: dev1 });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      kind: 'User',
      metadata: { name: 'dev1', namespace: 'default', uid: expect.any(String), etag: expect.any(String) },
      relations: [{ type: 'memberOf', targetRef: 'group:default/developers' }],
    });
    const missing = await s.request('/api/catalog/entities/by-name/user/default/nobody', { token: dev1 });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { name: 'NotFoundError', message: "No entity named 'nobody' found, with kind 'user' in namespace 'default'" } });
  });

  it('gets several by refs, in order, null where missing (POST and GET)', async () => {
    const post = await s.request('/api/catalog/entities/by-refs', { method: 'POST', token: dev1, json: { entityRefs: ['group:default/developers', 'user:default/ghost', 'not a ref', 'user:dev1'] } });
    const body = (await post.json()) as { items: ({ metadata: { name: string } } | null)[] };
    expect(body.items.map((e) => e?.metadata.name ?? null)).toEqual(['developers', null, null, 'dev1']);
    const get = await s.request('/api/catalog/entities/by-refs?entityRef=user:default/admin&entityRef=user:default/ghost', { token: dev1 });
    expect(((await get.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ kind: 'User' }), null]);
    expect((await s.request('/api/catalog/entities/by-refs', { method: 'POST', token: dev1, json: {} })).status).toBe(400);
  });
});

describe('registration', () => {
  it('is for admins and services: 201 with uid/etag; a plain user gets 403', async () => {
    expect((await s.request('/api/catalog/entities', { method: 'POST', token: dev1, json: component('x') })).status).toBe(403);
    expect((await s.request('/api/catalog/entities', { method: 'POST', json: component('x') })).status).toBe(401);

    const r = await s.request('/api/catalog/entities', { method: 'POST', token: admin, json: component('payments') });
    expect(r.status).toBe(201);
    const created = (await r.json()) as { metadata: { uid: string; etag: string }; relations: unknown[] };
    expect(created).toMatchObject({ metadata: { name: 'payments', namespace: 'default', uid: expect.any(String), etag: expect.any(String) } });
    expect(created.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:default/developers' }]);

    // Replacing keeps the uid and changes the etag; the owner group now lists it.
    const again = await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: { ...component('payments'), spec: { type: 'website', owner: 'developers' } } });
    const replaced = (await again.json()) as { metadata: { uid: string; etag: string } };
    expect(replaced.metadata.uid).toBe(created.metadata.uid);
    expect(replaced.metadata.etag).not.toBe(created.metadata.etag);
    const group = (await (await s.request('/api/catalog/entities/by-name/group/default/developers', { token: dev1 })).json()) as { relations: unknown[] };
    expect(group.relations).toContainEqual({ type: 'ownerOf', targetRef: 'component:default/payments' });
  });

  it('refuses invalid entities with the problems', async () => {
    const r = await s.request('/api/catalog/entities', { method: 'POST', token: admin, json: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: '-bad-' } } });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { name: 'InputError', details: [{ pointer: '/metadata/name', message: expect.stringMatching(/must match pattern/) }] } });
  });

  it('refuses to replace or delete an entity from a catalog file (409)', async () => {
    const put = await s.request('/api/catalog/entities', { method: 'POST', token: admin, json: { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'dev1' } } });
    expect(put.status).toBe(409);
    const del = await s.request('/api/catalog/entities/by-name/user/default/dev1', { method: 'DELETE', token: admin });
    expect(del.status).toBe(409);
    expect(await del.json()).toMatchObject({ error: { name: 'ConflictError', message: expect.stringMatching(/users\.yaml/) } });
  });

  it('deletes a registered entity (204), then 404; users cannot delete', async () => {
    await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: component('temp') });
    expect((await s.request('/api/catalog/entities/by-name/component/default/temp', { method: 'DELETE', token: dev1 })).status).toBe(403);
    expect((await s.request('/api/catalog/entities/by-name/component/default/temp', { method: 'DELETE', token: SERVICE_TOKEN })).status).toBe(204);
    expect((await s.request('/api/catalog/entities/by-name/component/default/temp', { token: dev1 })).status).toBe(404);
    expect((await s.request('/api/catalog/entities/by-name/component/default/temp', { method: 'DELETE', token: SERVICE_TOKEN })).status).toBe(404);
  });

  it('a user registered through the API can sign in with their groups', async () => {
    await s.request('/api/catalog/entities', { method: 'POST', token: SERVICE_TOKEN, json: { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'newbie' }, spec: { memberOf: ['platform-admins'] } } });
    const p = await s.ctx.auth.userPrincipal('user:default/newbie');
    expect(p.ownershipEntityRefs).toEqual(['user:default/newbie', 'group:default/platform-admins']);
  });
});
