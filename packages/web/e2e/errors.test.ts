/**
 * What the portal says when there is nothing to show or it cannot show it: an unknown run and
 * another user's run in plain words, the empty approvals inbox and notifications, and a server that
 * stops answering (every /api call aborted with page.route), which must give each page an error with
 * "Try again" (never a blank page or a spinner that never ends), keep the user signed in across a
 * reload, and recover once the server answers again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, type UserPage } from './harness/browser.js';
import { expectAccessible } from './harness/axe-check.js';
import { explainFailures } from './harness/diagnostics.js';
import { expectSameDocument, markDocument } from './harness/keyboard.js';
import { expectNoSidewaysScroll } from './harness/page-width.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';
import { executeRun, runReaches } from './harness/server-api.js';
import { openSignedIn } from './harness/sign-in.js';
import { REQUEST_NAMESPACE_WORKFLOW, SAY_HELLO_WORKFLOW } from './harness/test-workflows.js';

let server: TestServer;
let browser: Browser;
let dev1: UserPage;
let adminRun = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer({ workflows: [SAY_HELLO_WORKFLOW, REQUEST_NAMESPACE_WORKFLOW] }), launchBrowser()]);
  adminRun = await executeRun(server, 'admin', 'say-hello', { name: 'admin' });
  await runReaches(server, 'admin', adminRun, ['COMPLETED']);
  dev1 = await openSignedIn(browser, server.url, 'dev1', { width: 1024, height: 768 });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => explainFailures({ dev1 }));

const main = (page: Page) => page.locator('main');
/** Accessible (no serious or critical axe violation) and no sideways scrolling at 1024 px. */
async function expectUsable(page: Page, what: string): Promise<void> {
  await expectAccessible(page, what);
  await expectNoSidewaysScroll(page, 1024, what);
}
/** The problems reported since `from`, but the HTTP answers the test asked for. */
const unexpected = (from: number, expected: RegExp[] = []): string[] => dev1.problems.slice(from).filter((p) => !expected.some((e) => e.test(p)));

it('an unknown run and a run of another user are explained in plain words', async () => {
  const { page } = dev1;
  const before = dev1.problems.length;
  await page.goto('/runs/does-not-exist');
  const alert = main(page).getByRole('alert');
  await alert.getByText('No run does-not-exist', { exact: true }).waitFor();
  await alert.getByText('There is no run with this id. It may have been deleted, or the link is wrong.').waitFor();
  await expectUsable(page, 'an unknown run');

  await page.goto(`/runs/${adminRun}`);
  await alert.getByText('This run was started by another user', { exact: true }).waitFor();
  await alert.getByText('You can only see the runs you started yourself.').waitFor();
  await expectUsable(page, "another user's run");
  expect(await main(page).getByRole('status').count()).toBe(0);
  expect(unexpected(before, [/^HTTP 404 GET .*\/instances\/does-not-exist$/, new RegExp(`^HTTP 403 GET .*/instances/${adminRun}$`)])).toEqual([]);
}, 30_000);

it('nothing pending and no notifications: the pages say so', async () => {
  const { page } = dev1;
  const before = dev1.problems.length;
  await page.goto('/approvals');
  await main(page).getByText('Nothing waits for your decision', { exact: true }).waitFor();
  await expectUsable(page, 'the empty approvals inbox');
  await page.getByRole('tab', { name: 'History' }).click();
  await main(page).getByText('No decided requests yet', { exact: true }).waitFor();

  await page.goto('/notifications');
  await main(page).getByText('You have read all your notifications', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'All' }).click();
  await main(page).getByText('No notifications yet', { exact: true }).waitFor();
  await expectUsable(page, 'no notifications');
  expect(await main(page).getByRole('list', { name: 'Notifications' }).count()).toBe(0);
  expect(unexpected(before)).toEqual([]);
}, 30_000);

/** Waits for the error with "Try again" in the page's content, and checks no loading spinner is left. */
async function expectErrorWithRetry(page: Page, what: string): Promise<void> {
  const retry = main(page).getByRole('button', { name: 'Try again' }).first();
  await retry.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`${what}: no error with "Try again" within 10 s while the server does not answer (${page.url()})`);
  });
  await main(page).getByText(/Sluice did not answer/).first().waitFor();
  const spinners = await main(page).getByRole('status').filter({ hasText: /^Loading/ }).count();
  if (spinners > 0) throw new Error(`${what}: a loading spinner is still shown beside the error`);
}

it('when the server stops answering, each page shows an error with Try again, and recovers', async () => {
  const { page } = dev1;
  const before = dev1.problems.length;
  await page.goto('/workflows');
  await page.getByRole('link', { name: 'Say hello', exact: true }).waitFor();

  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Runs', 'Approvals', 'Templates', 'Components', 'Workflows']) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    await expectErrorWithRetry(page, label);
    if (label === 'Runs') await expectUsable(page, 'the runs when the server does not answer');
  }
  await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await expectErrorWithRetry(page, 'Notifications');
  await page.goto(`/runs/${adminRun}`);
  await expectErrorWithRetry(page, 'a run page (after a reload)');
  await page.goto('/workflows/say-hello/run');
  await expectErrorWithRetry(page, 'a run form (after a reload)');

  // Still signed in: a reload while the server is down says so, and does not sign the user out.
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'Cannot reach Sluice' }).waitFor();
  expect(await page.getByRole('button', { name: 'Sign in as guest' }).count()).toBe(0);
  await expectUsable(page, 'a reload when the server does not answer');
  await markDocument(page);

  await page.unroute('**/api/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await main(page).getByRole('heading', { level: 1, name: 'Run Say hello' }).waitFor();

  // Down again, then back: "Try again" on the page brings its content without a reload.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await nav.getByRole('link', { name: 'Workflows', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
  await expectErrorWithRetry(page, 'Workflows, down again');
  await page.unroute('**/api/**');
  await main(page).getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('link', { name: 'Say hello', exact: true }).waitFor();
  expect(await main(page).getByRole('alert').count()).toBe(0);
  await expectSameDocument(page, 'the recovery after the reload');
  expect(unexpected(before)).toEqual([]);
}, 60_000);
