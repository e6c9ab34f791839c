/**
 * The portal's frame in real Chromium against a real server: the sign-in page lists the catalog
 * users, guest sign-in lands on the workflows with the main navigation and the notifications bell,
 * deep links survive a reload (SPA fallback), and sign-out goes back to the sign-in page. Each test
 * has its own browser context (its own storage), so none depends on another.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { expectAccessible } from './harness/axe-check.js';
import { launchBrowser, openPage, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';
import { shot } from './harness/shot.js';
import { signIn } from './harness/sign-in.js';

let server: TestServer;
let browser: Browser;
let dev1: UserPage | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(async () => {
  dev1 = await openPage(browser, server.url);
  explainFailures({ dev1 });
});
afterEach(async () => {
  await dev1?.context.close();
});

it('the sign-in page offers the catalog users and is accessible', async () => {
  const { page } = dev1!;
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sluice' }).waitFor();
  await page.getByRole('combobox', { name: 'Sign in as' }).click();
  const options = await page.getByRole('option').allTextContents();
  expect(options).toEqual(expect.arrayContaining([expect.stringContaining('user:default/dev1'), expect.stringContaining('user:default/admin')]));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Sign in as guest' }).isDisabled()).resolves.toBe(true);
  await expectAccessible(page, 'the sign-in page');
  await shot(page, 'sign-in');
}, 30_000);

it('signs dev1 in and shows the shell: navigation, bell with the unread count, the user menu', async () => {
  const { page } = dev1!;
  await signIn(page, 'dev1');
  expect(new URL(page.url()).pathname).toBe('/workflows');
  const nav = page.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Workflows', 'Runs', 'Approvals', 'Templates', 'Components']);
  await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).waitFor();
  // The catalog's display name when /api/auth/me gives one, the user name otherwise.
  await page.getByRole('button', { name: /^Signed in as (Developer One|dev1)$/ }).waitFor();
  await expectAccessible(page, 'the shell on /workflows');
  await shot(page, 'shell');
  expect(dev1!.problems).toEqual([]);
}, 30_000);

it('keeps the user on a deep link after a reload (SPA fallback) and navigates with the menu', async () => {
  const { page } = dev1!;
  await signIn(page, 'dev1');
  await page.goto('/approvals');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/approvals');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await page.waitForURL('**/runs');
  await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
  await page.waitForURL('**/notifications');
  await page.goto('/no-such-page');
  await page.getByText('There is no page at /no-such-page').waitFor();
  expect(dev1!.problems).toEqual([]);
}, 30_000);

it('signs out back to the sign-in page', async () => {
  const { page } = dev1!;
  await signIn(page, 'dev1');
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in as guest' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Sign in as guest' }).waitFor();
  expect(dev1!.problems).toEqual([]);
}, 30_000);
