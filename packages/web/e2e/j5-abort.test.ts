/**
 * J5: dev1 aborts a run that waits (a large namespace waiting for the platform admins): "Abort" on
 * the run page, confirmed in a dialog; the run page then says Aborted and the waiting state is
 * stopped on the graph; the server agrees.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';
import { requestNamespace } from './harness/request-namespace.js';
import { expectNodeStatus, expectRunStatus, progress } from './harness/run-page.js';
import { pendingApprovalOf, runReaches } from './harness/server-api.js';
import { shot } from './harness/shot.js';
import { openSignedIn } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, REQUEST_NAMESPACE_WORKFLOW } from './harness/test-workflows.js';

let server: TestServer;
let browser: Browser;
let dev1: UserPage;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer({ workflows: [REQUEST_NAMESPACE_WORKFLOW], templates: [NAMESPACE_TEMPLATE] }), launchBrowser()]);
  dev1 = await openSignedIn(browser, server.url, 'dev1');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => explainFailures({ dev1 }));

it('J5: aborts a run waiting for approval, after confirming', async () => {
  const { page } = dev1;
  const id = await requestNamespace(page, 'dev1-abandoned', 'large');
  await progress(page).waitFor();
  await expectNodeStatus(page, 'AwaitApproval', 'active');
  await pendingApprovalOf(server, 'admin', id);
  await expectRunStatus(page, 'ACTIVE');

  // Abort asks first; cancelling the dialog changes nothing.
  await page.getByRole('button', { name: 'Abort', exact: true }).click();
  let dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await shot(page, 'j5-abort-dialog');
  await dialog.getByRole('button', { name: /^(Cancel|Keep)/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await expectRunStatus(page, 'ACTIVE');

  await page.getByRole('button', { name: 'Abort', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Abort/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await expectRunStatus(page, 'ABORTED', 15_000);
  // The run stopped in the middle of AwaitApproval: the graph marks it as stopped there.
  await expectNodeStatus(page, 'AwaitApproval', 'failed');
  await expectNodeStatus(page, 'LaunchSoftwareTemplate', 'skipped');
  await expect(page.getByRole('button', { name: 'Abort', exact: true }).count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Run again' }).or(page.getByRole('link', { name: 'Run again' })).first().waitFor();
  await shot(page, 'j5-run-aborted');

  expect((await runReaches(server, 'dev1', id, ['ABORTED'])).state).toBe('ABORTED');
  expect(dev1.problems).toEqual([]);
}, 60_000);
