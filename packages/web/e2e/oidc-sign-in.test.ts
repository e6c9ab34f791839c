/**
 * OpenID Connect sign-in in real Chromium against a real server (guest sign-in off) and the server
 * tests' fake provider on 127.0.0.1, which signs in whoever it is told to and sends the browser back
 * at once (no login form). A signed-out deep link offers only the identity-provider button; the
 * round trip lands back on the deep link signed in as dev1, with the token kept in localStorage and
 * gone from the address bar, and a reload keeps the user signed in. A provider user who is not in
 * the catalog is refused, and the browser shows the server's reason.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_SUBJECT, SERVICE_TOKEN } from '../../server/test/helpers/test-server.js';
import { oidcOnlySettings, startFakeProvider, type FakeProvider } from '../../server/test/auth/fake-openid-provider.js';
import { launchBrowser, openPage, type UserPage } from './harness/browser.js';
import { assertPortalBuilt } from './harness/portal-build.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';

const TOKEN_KEY = 'sluice.token';
const PROVIDER_BUTTON = 'Sign in with your identity provider';

let idp: FakeProvider;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // Fails fast with "run npm run build -w packages/web first" when packages/web/dist/index.html is missing.
  assertPortalBuilt();
  idp = await startFakeProvider();
  server = await startPortalServer({
    settings: oidcOnlySettings(idp, { subject: SERVICE_SUBJECT, token: SERVICE_TOKEN }),
  });
  browser = await launchBrowser();
}, 45_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
});

/** A fresh, signed-out browser context, with every request URL it sends. */
async function freshPage(): Promise<UserPage & { requests: string[] }> {
  const user = await openPage(browser, server.url);
  const requests: string[] = [];
  user.page.on('request', (r: Request) => requests.push(r.url()));
  return { ...user, requests };
}

/** The sign-in page on a deep link: only the identity-provider button, pointing back to that path. */
async function expectProviderOnlySignIn(page: Page, path: string): Promise<void> {
  const main = page.getByRole('main');
  const button = main.getByRole('link', { name: PROVIDER_BUTTON });
  await button.waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
  expect(await main.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Sluice']);
  // Guest sign-in is off: no "Sign in as" picker, no guest button, nothing else to press.
  expect(await main.getByRole('button').count()).toBe(0);
  expect(await main.getByRole('combobox').count()).toBe(0);
  expect(await main.getByRole('link').allTextContents()).toEqual([PROVIDER_BUTTON]);
  const href = new URL((await button.getAttribute('href'))!, server.url);
  expect(href.pathname).toBe('/api/auth/oidc/start');
  expect(href.searchParams.get('redirect')).toBe(path);
}

const storedToken = (page: Page): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY);

it('a signed-out deep link signs in through the provider and lands back on it as dev1', async () => {
  const { page, problems, requests } = await freshPage();
  idp.signInAs({ preferred_username: 'dev1', sub: 'dev1-subject' });
  const issuedBefore = idp.issued.length;

  await page.goto('/runs');
  await expectProviderOnlySignIn(page, '/runs');
  expect(await storedToken(page)).toBeNull();

  await page.getByRole('link', { name: PROVIDER_BUTTON }).click();
  // Sluice -> the provider (which signs dev1 in at once) -> Sluice's callback -> /runs#token=…
  await page.waitForURL((u) => u.pathname === '/runs', { timeout: 15_000 });
  const userButton = page.getByRole('button', { name: /^Signed in as (Developer One|dev1)$/ });
  await userButton.waitFor();
  await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();

  // The browser really went through the provider and the callback.
  expect(requests.some((u) => u.startsWith(`${idp.issuer}/authorize?`))).toBe(true);
  expect(requests.some((u) => u.startsWith(`${server.url}/api/auth/oidc/handler/frame?`))).toBe(true);
  expect(idp.issued.length).toBeGreaterThan(issuedBefore);
  expect(idp.rejected).toEqual([]);

  // The token is kept, stands for dev1, and is gone from the address bar.
  const url = new URL(page.url());
  expect(url.hash).toBe('');
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  const token = await storedToken(page);
  expect(token).toBeTruthy();
  expect(page.url()).not.toContain(token!);
  // No request (the page's API calls included) carried the token in its URL.
  expect(requests.filter((u) => u.includes(token!))).toEqual([]);
  const me = await server.request('/api/auth/me', { token: token! });
  expect(await me.json()).toMatchObject({ type: 'user', userEntityRef: 'user:default/dev1' });

  // The header names the user; its menu shows the catalog ref.
  await userButton.click();
  await page.getByRole('menuitem', { name: 'user:default/dev1' }).waitFor();
  await page.keyboard.press('Escape');

  // A reload keeps the user signed in on the same page.
  await page.reload();
  await page.getByRole('button', { name: /^Signed in as (Developer One|dev1)$/ }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/runs');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.getByRole('link', { name: PROVIDER_BUTTON }).count()).toBe(0);
  expect(await storedToken(page)).toBe(token);
  expect(problems).toEqual([]);
}, 30_000);

it('a provider user who is not in the catalog is refused, and the browser shows why', async () => {
  const { page, problems } = await freshPage();
  idp.signInAs({ preferred_username: 'mallory', sub: 'mallory-subject' });

  await page.goto('/approvals');
  await expectProviderOnlySignIn(page, '/approvals');
  const callback = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/oidc/handler/frame');
  await page.getByRole('link', { name: PROVIDER_BUTTON }).click();
  const answer = await callback;
  expect(answer.status()).toBe(302);
  await page.waitForURL((u) => u.pathname === '/approvals');

  // Back on the portal's sign-in page, with the server's reason in front of the user, not signed in.
  const message = "user:default/mallory (from the ID token's preferred_username claim) is not in the catalog; add a User entity named mallory to let them sign in";
  await page.getByText(`Sign-in was refused: ${message}`).waitFor();
  expect(page.url()).not.toContain('#');
  expect(await storedToken(page)).toBeNull();
  await expectProviderOnlySignIn(page, '/approvals');
  expect(await page.getByRole('button', { name: /^Signed in as / }).count()).toBe(0);
  expect(problems).toEqual([]);
}, 30_000);
