/**
 * The main pages as the README shows them, each with real content, checked with axe (no serious or
 * critical violation) and photographed at a fixed 1280×800 window to
 * packages/web/e2e/artifacts/readme-<name>.png (the whole page when it is taller than the window,
 * never wider); each page must also fit a 1024 px wide window without scrolling sideways.
 *
 * The scene, set up through the API: the server loads the seed workflow (create-ocp-namespace-swt,
 * GitLab is the double, which its small path never calls) and request-namespace; dev1 has a small
 * namespace completed by each (the README's run page is the seed's), a large one waiting for the
 * platform admins, and so a few notifications. Every test only opens pages: none changes the scene.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from '@sluice/test-doubles';
import { afterAll, beforeAll, beforeEach, it } from 'vitest';
import { expectAccessible } from './harness/axe-check.js';
import { launchBrowser, type UserPage, type Viewport } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { pumpClock } from './harness/clock-pump.js';
import { expectNoSidewaysScroll } from './harness/page-width.js';
import { SkewedClock, startPortalServer, type TestServer } from './harness/portal-server.js';
import { fillRunForm, workflowRow } from './harness/run-form.js';
import { nodeInView } from './harness/run-page.js';
import { executeRun, pendingApprovalOf, runReaches } from './harness/server-api.js';
import { shot } from './harness/shot.js';
import { openSignedIn } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, REQUEST_NAMESPACE_WORKFLOW, SEED_WORKFLOW } from './harness/test-workflows.js';

/** The README's screenshots: a laptop's window. */
const README_VIEWPORT: Viewport = { width: 1280, height: 800 };
/** The narrowest window the portal must be usable in without scrolling sideways. */
const NARROWEST = 1024;

const SEED_NS = 'team-payments';
const SMALL_NS = 'team-search';
const LARGE_NS = 'ml-training';

const clock = new SkewedClock();
let gitlab: GitLabFake;
let server: TestServer;
let browser: Browser;
let dev1: UserPage;
let admin: UserPage;
let seedRun = '';
let waitingRun = '';

const input = (namespace: string, size: string, reason?: string) => ({
  namespace,
  requester: 'dev1',
  git_host: 'gitlab.example.com',
  size,
  ...(reason ? { reason } : {}),
  recipients: ['user:default/dev1'],
});

beforeAll(async () => {
  gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  [server, browser] = await Promise.all([
    startPortalServer({
      workflows: [SEED_WORKFLOW, REQUEST_NAMESPACE_WORKFLOW],
      templates: [NAMESPACE_TEMPLATE],
      clock,
      env: { GITLAB_URL: gitlab.url, GITLAB_TOKEN: gitlab.token, SWT_REF: 'template:default/orchestrator-namespace-request' },
    }),
    launchBrowser(),
  ]);
  // The browsers sign in while the scene is set up.
  const signedIn = Promise.all([openSignedIn(browser, server.url, 'dev1', README_VIEWPORT), openSignedIn(browser, server.url, 'admin', README_VIEWPORT)]);
  signedIn.catch(() => undefined); // awaited below; not an unhandled rejection if the scene takes longer
  // Started first, before the clock runs fast: the browser's clock is not skewed, so its "running
  // for" would stay at 0 for a run that started at a skewed time, in the browser's future.
  waitingRun = await executeRun(server, 'dev1', 'request-namespace', input(LARGE_NS, 'large', 'GPU nodes for the Q3 model training'));
  await pendingApprovalOf(server, 'admin', waitingRun);
  // Both workflows sleep between reads of the template task: the clock runs fast while they do.
  const stopPump = pumpClock(clock);
  try {
    const small = await executeRun(server, 'dev1', 'request-namespace', input(SMALL_NS, 'small'));
    seedRun = await executeRun(server, 'dev1', 'create-ocp-namespace-swt', input(SEED_NS, 'small'));
    await Promise.all([runReaches(server, 'dev1', small, ['COMPLETED'], 30_000), runReaches(server, 'dev1', seedRun, ['COMPLETED'], 30_000)]);
  } finally {
    stopPump();
  }
  [dev1, admin] = await signedIn;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await gitlab?.close();
});
beforeEach(() => explainFailures({ dev1, admin }));

interface PageCase {
  readonly name: string;
  readonly as: () => UserPage;
  readonly path: () => string;
  /** What shows once the page has its content (all of it). */
  readonly ready: (page: Page) => Locator | readonly Locator[];
  /** What the user does on the page before it is photographed (filling a form, opening a dialog). */
  readonly act?: (page: Page) => Promise<void>;
  /** Undoes `act`, so that the scene stays as it was for the other tests. */
  readonly undo?: (page: Page) => Promise<void>;
  /** What else must hold on the page as first shown (throws if not). */
  readonly check?: (page: Page) => Promise<void>;
}

const main = (page: Page): Locator => page.locator('main');
const progressNode = (page: Page, state: string, status: string): Locator => page.getByRole('region', { name: 'Progress' }).locator(`[data-state="${state}"][data-status="${status}"]`);
/** Throws unless the graph's first view (in the run's Progress, or in `within`) shows each of `states` whole. */
async function graphShows(page: Page, states: readonly string[], within?: Locator): Promise<void> {
  // The first view is placed in an effect once the graph is drawn: let it land.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const outside = [];
  for (const s of states) if (!(await nodeInView(page, s, within))) outside.push(s);
  if (outside.length > 0) throw new Error(`the graph's first view does not show ${outside.join(', ')}`);
}
const pendingItem = (page: Page): Locator => page.getByRole('list', { name: 'Pending requests' }).getByRole('listitem', { name: `Large namespace ${LARGE_NS} for dev1` });

const CASES: readonly PageCase[] = [
  {
    name: 'workflows',
    as: () => dev1,
    path: () => '/workflows',
    ready: (p) => [workflowRow(p, 'Create OpenShift Namespace').filter({ hasText: 'Completed' }), workflowRow(p, 'Request a namespace').filter({ hasText: 'Completed' })],
  },
  {
    name: 'workflow',
    as: () => dev1,
    path: () => '/workflows/create-ocp-namespace-swt',
    ready: (p) => main(p).locator('[data-state="NamespaceSizeSwitch"]'),
    check: (p) => graphShows(p, ['__start', 'NamespaceSizeSwitch'], main(p)),
  },
  {
    name: 'run-form',
    as: () => dev1,
    path: () => '/workflows/create-ocp-namespace-swt/run',
    ready: (p) => main(p).getByRole('textbox', { name: /^Namespace Name/ }),
    act: async (p) => {
      await fillRunForm(p, [
        ['Namespace Name', 'team-checkout'],
        ['GitLab Host', 'gitlab.example.com'],
        ['Requester', 'dev1'],
        ['Size', 'small'],
        ['Recipients', ['user:default/dev1']],
      ]);
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    },
  },
  {
    name: 'run',
    as: () => dev1,
    path: () => `/runs/${seedRun}`,
    ready: (p) => [progressNode(p, 'CloseIssueSwitch', 'done'), main(p).getByText('Run completed', { exact: true })],
    // The seed's graph is too tall to fit at a readable zoom: a completed run shows it from its start.
    check: (p) => graphShows(p, ['__start', 'NamespaceSizeSwitch']),
  },
  {
    name: 'run-waiting',
    as: () => dev1,
    path: () => `/runs/${waitingRun}`,
    ready: (p) => progressNode(p, 'AwaitApproval', 'active'),
    // Where the run waits is in view.
    check: (p) => graphShows(p, ['AwaitApproval']),
  },
  { name: 'runs', as: () => dev1, path: () => '/runs', ready: (p) => main(p).getByRole('row').filter({ hasText: 'Create OpenShift Namespace' }).first() },
  { name: 'approvals', as: () => admin, path: () => '/approvals', ready: pendingItem },
  {
    name: 'approve-dialog',
    as: () => admin,
    path: () => '/approvals',
    ready: pendingItem,
    act: async (p) => {
      await pendingItem(p).getByRole('button', { name: 'Approve' }).click();
      await p.getByRole('dialog').getByRole('textbox', { name: 'Comment' }).fill('Go ahead: the GPU quota is reserved for Q3');
    },
    undo: async (p) => {
      await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await p.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  { name: 'notifications', as: () => dev1, path: () => '/notifications', ready: (p) => main(p).getByRole('listitem', { name: `Namespace ${SEED_NS} created` }) },
  {
    name: 'components',
    as: () => dev1,
    path: () => `/components?entity=${encodeURIComponent(`component:default/${SEED_NS}`)}`,
    ready: (p) => main(p).getByText(`component:default/${SEED_NS}`, { exact: true }),
  },
  { name: 'templates', as: () => dev1, path: () => '/templates', ready: (p) => main(p).getByText('OpenShift Namespace Request').first() },
];

for (const c of CASES) {
  it(`${c.name} page: content shows, no serious or critical accessibility violation, fits ${NARROWEST} px`, async () => {
    const { page, problems } = c.as();
    const before = problems.length;
    await page.setViewportSize(README_VIEWPORT);
    await page.goto(c.path());
    for (const l of [c.ready(page)].flat()) await l.waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await c.check?.(page);
    await c.act?.(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // At the README's width first: a page that scrolls sideways would make the full-page shot wider than the window.
    await expectNoSidewaysScroll(page, README_VIEWPORT.width, `${c.name} (${c.path()})`);
    // From the top (filling a form scrolls it; the sticky top bar would show halfway down a full-page shot).
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `readme-${c.name}`);
    await expectAccessible(page, `${c.name} (${c.path()})`);
    await expectNoSidewaysScroll(page, NARROWEST, `${c.name} (${c.path()})`);
    await page.setViewportSize(README_VIEWPORT);
    await c.undo?.(page);
    if (problems.length > before) throw new Error(`the browser reported problems on ${c.path()}:\n  ${problems.slice(before).join('\n  ')}`);
  }, 30_000);
}
