import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserTokens } from '../../src/auth/user-token.js';
import { SERVICE_SUBJECT, SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.stop());

interface Session {
  token: string;
  identity: { userEntityRef: string; ownershipEntityRefs: string[]; isAdmin: boolean };
  expiresInSeconds: number;
}

async function guest(body: unknown): Promise<Response> {
  return s.request('/api/auth/guest/refresh', { method: 'POST', json: body });
}

it('lists the catalog users to pick from', async () => {
  const r = await s.request('/api/auth/guest/users');
  expect(r.status).toBe(200);
  const { items } = (await r.json()) as { items: { userEntityRef: string; displayName?: string }[] };
  expect(items.map((u) => u.userEntityRef)).toEqual(expect.arrayContaining(['user:default/admin', 'user:default/dev1']));
  expect(items.every((u) => u.userEntityRef.startsWith('user:'))).toBe(true);
  // Display names come from the User entities' spec.profile (catalog/users.yaml).
  expect(items.find((u) => u.userEntityRef === 'user:default/dev1')?.displayName).toBe('Developer One');
  expect(await (await s.request('/api/auth/providers')).json()).toEqual({ guest: true, oidc: false });
});

it('signs in as a catalog user; the token names them, their groups and no admin rights on /api/auth/me', async () => {
  const r = await guest({ user: 'dev1' });
  expect(r.status).toBe(200);
  const session = (await r.json()) as Session;
  expect(session.identity).toEqual({ userEntityRef: 'user:default/dev1', ownershipEntityRefs: ['user:default/dev1', 'group:default/developers'], isAdmin: false });
  expect(session.expiresInSeconds).toBe(12 * 3600);
  const me = await s.request('/api/auth/me', { token: session.token });
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ type: 'user', userEntityRef: 'user:default/dev1', groups: ['group:default/developers'], isAdmin: false, displayName: 'Developer One' });
});

it('makes members of platform-admins administrators', async () => {
  const session = (await (await guest({ userEntityRef: 'user:default/admin' })).json()) as Session;
  expect(session.identity.isAdmin).toBe(true);
  expect(session.identity.ownershipEntityRefs).toContain('group:default/platform-admins');
  expect(await (await s.request('/api/auth/me', { token: session.token })).json()).toMatchObject({ userEntityRef: 'user:default/admin', isAdmin: true });
});

it('answers 404 for a user the catalog does not have, 400 for something that is not a user', async () => {
  const unknown = await guest({ user: 'mallory' });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { name: 'NotFoundError', message: 'no user user:default/mallory in the catalog' } });
  expect((await guest({ userEntityRef: 'group:default/developers' })).status).toBe(400);
  expect((await guest({})).status).toBe(400);
  expect((await guest({ user: '' })).status).toBe(400);
});

it('treats a tampered, expired or foreign token as anonymous (401 on /api/auth/me)', async () => {
  const { token } = (await (await guest({ user: 'dev1' })).json()) as Session;
  const [header, payload, sig] = token.split('.') as [string, string, string];
  const flipped = `${header}.${payload}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
  const otherUser = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'user:default/admin' })).toString('base64url')}.${sig}`;
  const expired = await s.ctx.userTokens.issue('user:default/dev1', Date.now() - 13 * 3600 * 1000);
  const foreign = await new UserTokens(randomBytes(32)).issue('user:default/dev1');
  for (const bad of [flipped, otherUser, expired, foreign, 'not-a-token']) {
    const r = await s.request('/api/auth/me', { token: bad });
    expect(r.status, bad).toBe(401);
  }
  expect((await s.request('/api/auth/me')).status).toBe(401);
});

it('names a static token a service', async () => {
  const r = await s.request('/api/auth/me', { token: SERVICE_TOKEN });
  expect(await r.json()).toEqual({ type: 'service', subject: SERVICE_SUBJECT });
});

it('keeps tokens out of the logs', async () => {
  const { token } = (await (await guest({ user: 'dev1' })).json()) as Session;
  await s.request('/api/auth/me', { token });
  const logs = JSON.stringify(s.logs());
  expect(logs).toMatch(/"user":"user:default\/dev1","method":"guest"/);
  expect(logs).not.toContain(token);
  expect(logs).not.toContain(SERVICE_TOKEN);
});
