/**
 * J2 and J3: dev1 asks for a large namespace (request-namespace, built-in approvals); the platform
 * admin, signed in beside them in a second browser context, finds the request under Approvals →
 * Pending and approves it (J2) or denies it (J3) with a comment; dev1's run page shows the outcome
 * live. Each test uses its own namespace, so neither depends on the other.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { expectAccessible } from './harness/axe-check.js';
import { launchBrowser, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { pumpClock } from './harness/clock-pump.js';
import { notificationItem, waitForUnread } from './harness/notifications.js';
import { SkewedClock, startPortalServer, type TestServer } from './harness/portal-server.js';
import { requestNamespace } from './harness/request-namespace.js';
import { expectNodeStatus, expectRunStatus, progress } from './harness/run-page.js';
import { pendingApprovalOf } from './harness/server-api.js';
import { shot } from './harness/shot.js';
import { openSignedIn } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, REQUEST_NAMESPACE_WORKFLOW } from './harness/test-workflows.js';

const clock = new SkewedClock();
let server: TestServer;
let browser: Browser;
let dev1: UserPage;
let admin: UserPage;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer({ workflows: [REQUEST_NAMESPACE_WORKFLOW], templates: [NAMESPACE_TEMPLATE], clock }), launchBrowser()]);
  [dev1, admin] = await Promise.all([openSignedIn(browser, server.url, 'dev1'), openSignedIn(browser, server.url, 'admin')]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => explainFailures({ dev1, admin }));

/** dev1 asks for a large namespace; the run page shows it running and waiting at AwaitApproval. */
async function askForLarge(ns: string): Promise<string> {
  await dev1.page.goto('/');
  const id = await requestNamespace(dev1.page, ns, 'large');
  await progress(dev1.page).waitFor();
  await expectRunStatus(dev1.page, 'ACTIVE');
  await expectNodeStatus(dev1.page, 'AwaitApproval', 'active');
  // The browser cannot see when the approval request exists; the admin's page polls it anyway.
  await pendingApprovalOf(server, 'admin', id);
  return id;
}

/** The admin decides on the request titled `title` from the Pending tab, with a comment. */
async function decide(page: Page, title: string, verb: 'Approve' | 'Deny', comment: string, shotName: string): Promise<void> {
  await page.goto('/');
  // The approvers are told: the bell counts the "Approval requested" notification.
  await waitForUnread(page, 1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  await page.getByRole('tab', { name: 'Pending' }).click();
  const item = page.getByRole('list', { name: 'Pending requests' }).getByRole('listitem', { name: title });
  await item.waitFor({ timeout: 15_000 });
  await item.getByRole('button', { name: verb }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await shot(page, shotName);
  await dialog.getByRole('button', { name: verb, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: title }).waitFor();
  await page.getByRole('tab', { name: 'History' }).click();
  const decided = page.getByRole('list', { name: 'Decided requests' }).getByRole('listitem', { name: title });
  await decided.getByText(verb === 'Approve' ? 'Approved' : 'Denied', { exact: true }).waitFor();
  await decided.getByText(comment).waitFor();
}

it('J2: a large namespace waits for the platform admins; admin approves with a comment; dev1 sees it completed', async () => {
  const ns = 'dev1-big-approved';
  const title = `Large namespace ${ns} for dev1`;
  await askForLarge(ns);
  await shot(dev1.page, 'j2-run-waiting-for-approval');

  await decide(admin.page, title, 'Approve', 'go ahead', 'j2-approve-dialog');
  await shot(admin.page, 'j2-approvals-history');

  // After the decision the run launches the template and reads the task every 10 s: run the clock fast.
  const stopPump = pumpClock(clock);
  try {
    await expectRunStatus(dev1.page, 'COMPLETED', 40_000);
  } finally {
    stopPump();
  }
  for (const state of ['AwaitApproval', 'CheckDecision', 'NotifyApproved', 'LaunchSoftwareTemplate', 'NotifyCreated']) await expectNodeStatus(dev1.page, state, 'done');
  await expectNodeStatus(dev1.page, 'NotifyDenied', 'skipped');
  await dev1.page.locator('main').getByText(`Namespace ${ns} created`).first().waitFor();
  await shot(dev1.page, 'j2-run-completed');
  expect([...dev1.problems, ...admin.problems]).toEqual([]);
}, 60_000);

it('J3: admin denies a large namespace with a comment; dev1 sees the denial on the run page and in the notifications', async () => {
  const ns = 'dev1-big-denied';
  const title = `Large namespace ${ns} for dev1`;
  await askForLarge(ns);

  await decide(admin.page, title, 'Deny', 'use a medium one', 'j3-deny-dialog');
  await expectAccessible(admin.page, 'approvals history');

  // The workflow ends normally (status Completed) with an error result saying who denied it and why.
  await expectRunStatus(dev1.page, 'COMPLETED', 20_000);
  await expectNodeStatus(dev1.page, 'NotifyDenied', 'done');
  for (const state of ['LaunchSoftwareTemplate', 'NotifyCreated']) await expectNodeStatus(dev1.page, state, 'skipped');
  const main = dev1.page.locator('main');
  await main.getByText(`Request for large namespace ${ns} denied by`).first().waitFor();
  await main.getByText('use a medium one').first().waitFor();
  await shot(dev1.page, 'j3-run-denied');

  await dev1.page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
  await notificationItem(dev1.page, `Denied: large namespace ${ns}`).waitFor();
  await notificationItem(dev1.page, `Denied: large namespace ${ns}`).getByText('use a medium one').waitFor();
  await shot(dev1.page, 'j3-notifications');
  expect([...dev1.problems, ...admin.problems]).toEqual([]);
}, 60_000);
