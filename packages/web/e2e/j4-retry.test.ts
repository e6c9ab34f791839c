/**
 * J4: a run fails because a service it calls is down, and is retried from the failure point once
 * the cause is fixed. The test-only workflow e2e/workflows/reserve-item calls the inventory service
 * the test runs (REST, OpenAPI) with no retry policy: the first call answers 500, the run ends
 * Failed at the state Reserve; the run page says so in plain words; the service is fixed; "Retry
 * from failure point" runs Reserve again (not Prepare) and the run completes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { startInventoryService, type InventoryService } from './harness/inventory-service.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';
import { fillRunForm, openRunForm, reviewAndRun } from './harness/run-form.js';
import { expectNodeStatus, expectRunStatus, progress } from './harness/run-page.js';
import { runDetail } from './harness/server-api.js';
import { shot } from './harness/shot.js';
import { openSignedIn } from './harness/sign-in.js';
import { RESERVE_ITEM_WORKFLOW } from './harness/test-workflows.js';

let inventory: InventoryService;
let server: TestServer;
let browser: Browser;
let dev1: UserPage;

beforeAll(async () => {
  inventory = await startInventoryService();
  [server, browser] = await Promise.all([startPortalServer({ workflows: [RESERVE_ITEM_WORKFLOW], env: { INVENTORY_URL: inventory.url } }), launchBrowser()]);
  dev1 = await openSignedIn(browser, server.url, 'dev1');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await inventory?.close();
});
beforeEach(() => explainFailures({ dev1 }));

it('J4: a failed run is retried from the failure point after the cause is fixed', async () => {
  const { page } = dev1;
  inventory.break();
  await openRunForm(page, 'Reserve an item');
  await fillRunForm(page, [
    ['Item', 'laptop'],
    ['Quantity', 2],
  ]);
  const id = await reviewAndRun(page, ['laptop', '2']);
  await progress(page).waitFor();

  await expectRunStatus(page, 'ERROR', 20_000);
  await expectNodeStatus(page, 'Prepare', 'done');
  await expectNodeStatus(page, 'Reserve', 'failed');
  await expectNodeStatus(page, 'Confirm', 'skipped');
  // In plain words: an alert naming the state that failed and what the service answered.
  const alert = page.locator('main').getByRole('alert').filter({ hasText: 'Run failed' });
  await alert.waitFor();
  const said = await alert.innerText();
  expect(said).toMatch(/The run failed in state «Reserve».*HTTP 500/);
  expect(said).toContain('inventory database unavailable');
  await shot(page, 'j4-run-failed');
  expect(inventory.calls).toEqual([{ item: 'laptop', quantity: 2 }]);

  // The cause is fixed; the user retries from where it failed.
  inventory.fix();
  await page.getByRole('button', { name: 'Retry from failure point' }).click();
  await expectRunStatus(page, 'COMPLETED', 20_000);
  for (const state of ['Prepare', 'Reserve', 'Confirm']) await expectNodeStatus(page, state, 'done');
  await page.locator('main').getByText('Reserved 2 of laptop').first().waitFor();
  await expect(page.getByRole('button', { name: 'Retry from failure point' }).count()).resolves.toBe(0);
  await shot(page, 'j4-run-retried');

  // What the page cannot show: Reserve was called again (twice in all), Prepare was not run again.
  expect(inventory.calls).toHaveLength(2);
  const detail = await runDetail(server, 'dev1', id);
  expect(detail.state).toBe('COMPLETED');
  expect((detail as unknown as { nodes: { name: string }[] }).nodes.filter((n) => n.name === 'Prepare')).toHaveLength(1);
  expect(dev1.problems.filter((p) => !p.includes('console error'))).toEqual([]);
}, 60_000);
