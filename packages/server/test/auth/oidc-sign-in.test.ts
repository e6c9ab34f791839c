import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { registerOidcSignIn } from '../../src/auth/oidc-sign-in.js';
import { SERVICE_SUBJECT, SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { oidcOnlySettings, startFakeProvider, type FakeProvider } from './fake-openid-provider.js';

let idp: FakeProvider;
let s: TestServer;

beforeAll(async () => {
  idp = await startFakeProvider();
  s = await startTestServer({
    settings: oidcOnlySettings(idp, { subject: SERVICE_SUBJECT, token: SERVICE_TOKEN }),
  });
});
afterAll(async () => {
  await s?.stop();
  await idp?.close();
});

/** The browser's side of a sign-in: start, the provider, back to Sluice (with the cookie of the start). */
async function signIn(redirect = '/orchestrator', opts: { cookie?: (c: string) => string; callback?: (u: URL) => URL } = {}): Promise<{ start: Response; authorize: URL; final: Response }> {
  const start = await fetch(`${s.url}/api/auth/oidc/start?redirect=${encodeURIComponent(redirect)}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  const authorize = new URL(start.headers.get('location')!);
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const callback = (opts.callback ?? ((u) => u))(new URL(atProvider.headers.get('location')!));
  const final = await fetch(callback, { redirect: 'manual', headers: { cookie: opts.cookie ? opts.cookie(cookie) : cookie } });
  return { start, authorize, final };
}

it('signs in a catalog user: PKCE and state at the provider, a portal token in the fragment of the portal path', async () => {
  idp.signInAs({ preferred_username: 'dev1', sub: 'abc-123' });
  const { start, authorize, final } = await signIn('/orchestrator/instances?x=1');
  expect(start.headers.get('set-cookie')).toMatch(/^sluice_oidc=[^;]+; Path=\/api\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${idp.issuer}/authorize`);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    client_id: idp.clientId,
    response_type: 'code',
    code_challenge_method: 'S256',
    scope: 'openid profile',
    redirect_uri: `${s.url}/api/auth/oidc/handler/frame`,
  });
  expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
  expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);

  expect(final.status, await final.clone().text()).toBe(302);
  expect(final.headers.get('set-cookie')).toMatch(/^sluice_oidc=; .*Max-Age=0/);
  const location = final.headers.get('location')!;
  expect(location).toMatch(/^\/orchestrator\/instances\?x=1#token=/);
  const fragment = new URLSearchParams(location.split('#')[1]);
  expect(fragment.get('expiresInSeconds')).toBe('43200');
  const me = await s.request('/api/auth/me', { token: fragment.get('token')! });
  expect(await me.json()).toMatchObject({ type: 'user', userEntityRef: 'user:default/dev1', groups: ['group:default/developers'], isAdmin: false });
  expect(idp.rejected).toEqual([]);
});

it('maps the claim case-insensitively and gives admins their flag', async () => {
  idp.signInAs({ preferred_username: 'Admin' });
  const { final } = await signIn('/');
  const token = new URLSearchParams(final.headers.get('location')!.split('#')[1]).get('token')!;
  expect(await (await s.request('/api/auth/me', { token })).json()).toMatchObject({ userEntityRef: 'user:default/admin', isAdmin: true });
});

it('refuses a user the catalog does not have with 403 and says why', async () => {
  idp.signInAs({ preferred_username: 'mallory' });
  const { final } = await signIn();
  expect(final.status).toBe(403);
  expect(final.headers.get('location')).toBeNull();
  const body = (await final.json()) as { error: { name: string; message: string } };
  expect(body.error.name).toBe('NotAllowedError');
  expect(body.error.message).toMatch(/user:default\/mallory \(from the ID token's preferred_username claim\) is not in the catalog/);
});

it('refuses an ID token without the claim', async () => {
  idp.signInAs({ sub: 'no-name' });
  const { final } = await signIn();
  expect(final.status).toBe(403);
  expect(((await final.json()) as { error: { message: string } }).error.message).toMatch(/no preferred_username claim/);
});

it('checks the ID token signature against the JWKS: a forged token signs nobody in', async () => {
  idp.signInAs({ preferred_username: 'dev1' });
  idp.forgeNext();
  const { final } = await signIn();
  expect(final.status).toBe(401);
  expect(final.headers.get('location')).toBeNull();
  expect(((await final.json()) as { error: { message: string } }).error.message).toMatch(/signature verification failed/);
});

it('refuses a callback from another browser (no cookie) or with another state', async () => {
  idp.signInAs({ preferred_username: 'dev1' });
  expect((await signIn('/', { cookie: () => '' })).final.status).toBe(400);
  const tampered = await signIn('/', { cookie: (c) => `${c.slice(0, -3)}abc` });
  expect(tampered.final.status).toBe(400);
  const otherState = await signIn('/', {
    callback: (u) => {
      u.searchParams.set('state', 'not-the-state');
      return u;
    },
  });
  expect(otherState.final.status).toBe(400);
  expect(((await otherState.final.json()) as { error: { message: string } }).error.message).toMatch(/state does not match/);
});

it('answers 401 when the provider refuses the sign-in', async () => {
  idp.refuseNext();
  const { final } = await signIn();
  expect(final.status).toBe(401);
  expect(((await final.json()) as { error: { message: string } }).error.message).toMatch(/access_denied/);
});

it('redirects only to paths on the portal', async () => {
  for (const redirect of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'orchestrator']) {
    const r = await fetch(`${s.url}/api/auth/oidc/start?redirect=${encodeURIComponent(redirect)}`, { redirect: 'manual' });
    expect(r.status, redirect).toBe(400);
  }
});

it('turns guest sign-in off with auth.guest false, and says which sign-ins exist', async () => {
  expect((await s.request('/api/auth/guest/users')).status).toBe(404);
  expect((await s.request('/api/auth/guest/refresh', { method: 'POST', json: { user: 'dev1' } })).status).toBe(404);
  expect(await (await s.request('/api/auth/providers')).json()).toEqual({ guest: false, oidc: true });
});

it('keeps codes, ID tokens, portal tokens and the client secret out of the logs', async () => {
  idp.signInAs({ preferred_username: 'dev1' });
  const { final } = await signIn();
  const token = new URLSearchParams(final.headers.get('location')!.split('#')[1]).get('token')!;
  const logs = JSON.stringify(s.logs());
  expect(logs).toMatch(/"method":"oidc"/);
  for (const secret of [token, idp.clientSecret, ...idp.issued]) expect(logs).not.toContain(secret);
});

it('accepts plain http issuers only on this machine', async () => {
  const oidc = { issuer: 'http://idp.example.com/realms/x', clientId: 'c', scope: 'openid', userClaim: 'preferred_username' };
  await expect(registerOidcSignIn(Fastify(), {} as AppContext, oidc)).rejects.toThrow(/must be https/);
});

it('answers 503 when the provider cannot be reached', async () => {
  const gone = await startFakeProvider();
  await gone.close();
  const down = await startTestServer({
    settings: { auth: { externalAccess: [], guest: true, admins: [], oidc: { issuer: gone.issuer, clientId: 'c', scope: 'openid', userClaim: 'preferred_username' } } },
  });
  try {
    const r = await fetch(`${down.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/cannot be reached/);
    expect(await (await down.request('/api/auth/providers')).json()).toEqual({ guest: true, oidc: true });
  } finally {
    await down.stop();
  }
});
