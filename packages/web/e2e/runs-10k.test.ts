/**
 * The speed figure: with 10,000 completed runs of dev1 in the SQLite database, how long the runs list
 * takes to show its first page in Chromium, from navigation start (full load of /runs) and from a
 * click on "Runs" in the menu (client-side), to the frame after the first row appeared. Reported as
 * `[figure]` lines; the only assertions are a generous sanity bound and that the newest run is first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, openPage, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { armFirstRowTimer, firstRowMs, installFirstRowTimer, loadMilestones } from './harness/first-row-timer.js';
import { startPortalServer, type TestServer } from './harness/portal-server.js';
import { seedCompletedRuns, type SeededRuns } from './harness/runs-seeding.js';
import { SAY_HELLO_WORKFLOW } from './harness/test-workflows.js';
import { shot } from './harness/shot.js';
import { signIn } from './harness/sign-in.js';

const RUNS = 10_000;
const SANITY_BOUND_MS = 10_000;

let seeded: SeededRuns;
let server: TestServer;
let browser: Browser;
let dev1: UserPage;

beforeAll(async () => {
  [seeded, browser] = await Promise.all([seedCompletedRuns(RUNS), launchBrowser()]);
  console.log(`[figure] seeding ${RUNS} completed runs into SQLite: ${seeded.elapsedMs} ms`);
  server = await startPortalServer({ workflows: [SAY_HELLO_WORKFLOW], database: seeded.database });
  dev1 = await openPage(browser, server.url);
  await installFirstRowTimer(dev1.context, '/runs', seeded.workflowName);
  await signIn(dev1.page, 'dev1');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  seeded?.remove();
});
beforeEach(() => explainFailures({ dev1 }));

it(`shows the first page of the runs list with ${RUNS} runs quickly`, async () => {
  const { page } = dev1;
  // Full load: navigation start → first row painted (the portal's assets are in the HTTP cache after sign-in).
  await page.goto('/runs');
  const full = await firstRowMs(page);
  const at = await loadMilestones(page, '/api/orchestrator/v2/workflows/instances');
  console.log(
    `[figure] runs list first page with ${RUNS} runs: ${full} ms (full load of /runs, navigation start → first row painted; DOM ready at ${at.domContentLoaded} ms, runs list asked at ${at.apiStart ?? '?'} ms, answered at ${at.apiResponseEnd ?? '?'} ms)`,
  );
  await shot(page, 'runs-10k');

  // Client-side: from the menu click on another page → first row painted.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
  await page.waitForURL('**/workflows');
  await armFirstRowTimer(page, '/runs', seeded.workflowName);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  const client = await firstRowMs(page);
  console.log(`[figure] runs list first page with ${RUNS} runs: ${client} ms (client-side navigation from the menu)`);

  // And the server's part alone: the first page of the list through the API, as dev1.
  const t0 = performance.now();
  const res = await server.request('/api/orchestrator/v2/workflows/instances', { method: 'POST', token: await server.tokenFor('dev1'), json: { paginationInfo: { pageSize: 25, offset: 0, orderBy: 'start', orderDirection: 'DESC' } } });
  const body = (await res.json()) as { items: { id: string; workflowdata?: unknown }[] };
  console.log(`[figure] POST /api/orchestrator/v2/workflows/instances first 25 of ${RUNS}: ${Math.round(performance.now() - t0)} ms (API alone)`);
  expect(body.items).toHaveLength(25);

  expect(full).toBeLessThan(SANITY_BOUND_MS);
  expect(client).toBeLessThan(SANITY_BOUND_MS);
  // Newest first: the run the others were cloned from started last.
  const firstRow = page.locator('main tbody tr').first();
  expect(await firstRow.locator(`a[href$="/runs/${seeded.newestRunId}"]`).count()).toBeGreaterThan(0);
}, 60_000);
