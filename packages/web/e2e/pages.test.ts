/**
 * Accessibility and a screenshot of each main page, with real content in it: the workflows list,
 * a run form, a run page (a completed run, with its graph), the runs list, the approvals inbox (as
 * admin, one request pending), the notifications and the templates. The scene is set up through the
 * API (a completed small namespace and a pending large one); each page is then visited in the
 * browser, waited for until its content shows, checked with axe (no serious or critical violation)
 * and photographed to packages/web/e2e/artifacts/page-<name>.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, it } from 'vitest';
import { expectAccessible } from './harness/axe-check.js';
import { launchBrowser, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { pumpClock } from './harness/clock-pump.js';
import { SkewedClock, startPortalServer, type TestServer } from './harness/portal-server.js';
import { executeRun, pendingApprovalOf, runReaches } from './harness/server-api.js';
import { shot } from './harness/shot.js';
import { openSignedIn } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, REQUEST_NAMESPACE_WORKFLOW } from './harness/test-workflows.js';

const clock = new SkewedClock();
let server: TestServer;
let browser: Browser;
let dev1: UserPage;
let admin: UserPage;
let completedRun = '';

const input = (namespace: string, size: string) => ({ namespace, requester: 'dev1', git_host: 'gitlab.example.com', size, reason: 'team sandbox', recipients: ['user:default/dev1'] });

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer({ workflows: [REQUEST_NAMESPACE_WORKFLOW], templates: [NAMESPACE_TEMPLATE], clock }), launchBrowser()]);
  const stopPump = pumpClock(clock);
  try {
    completedRun = await executeRun(server, 'dev1', 'request-namespace', input('pages-small', 'small'));
    await runReaches(server, 'dev1', completedRun, ['COMPLETED'], 30_000);
  } finally {
    stopPump();
  }
  const waiting = await executeRun(server, 'dev1', 'request-namespace', input('pages-large', 'large'));
  await pendingApprovalOf(server, 'admin', waiting);
  [dev1, admin] = await Promise.all([openSignedIn(browser, server.url, 'dev1'), openSignedIn(browser, server.url, 'admin')]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => explainFailures({ dev1, admin }));

interface PageCase {
  readonly name: string;
  readonly as: () => UserPage;
  readonly path: () => string;
  /** What shows once the page has its content. */
  readonly ready: (page: Page) => Locator;
}

const main = (page: Page): Locator => page.locator('main');
const CASES: readonly PageCase[] = [
  { name: 'workflows', as: () => dev1, path: () => '/workflows', ready: (p) => main(p).getByRole('link', { name: 'Request a namespace', exact: true }) },
  { name: 'run-form', as: () => dev1, path: () => '/workflows/request-namespace/run', ready: (p) => main(p).getByRole('textbox', { name: /^Namespace name/ }) },
  { name: 'run', as: () => dev1, path: () => `/runs/${completedRun}`, ready: (p) => p.getByRole('region', { name: 'Progress' }).locator('[data-state="NotifyCreated"][data-status="done"]') },
  { name: 'runs', as: () => dev1, path: () => '/runs', ready: (p) => main(p).getByRole('row').filter({ hasText: 'Request a namespace' }).first() },
  { name: 'approvals', as: () => admin, path: () => '/approvals', ready: (p) => p.getByRole('list', { name: 'Pending requests' }).getByRole('listitem', { name: 'Large namespace pages-large for dev1' }) },
  { name: 'notifications', as: () => dev1, path: () => '/notifications', ready: (p) => main(p).getByRole('listitem', { name: 'Namespace pages-small created' }) },
  { name: 'templates', as: () => dev1, path: () => '/templates', ready: (p) => main(p).getByText('OpenShift Namespace Request').first() },
];

for (const c of CASES) {
  it(`${c.name} page: content shows, no serious or critical accessibility violation`, async () => {
    const { page, problems } = c.as();
    const before = problems.length;
    await page.goto(c.path());
    await c.ready(page).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await shot(page, `page-${c.name}`);
    await expectAccessible(page, `${c.name} (${c.path()})`);
    if (problems.length > before) throw new Error(`the browser reported problems on ${c.path()}:\n  ${problems.slice(before).join('\n  ')}`);
  }, 30_000);
}
