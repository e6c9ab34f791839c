/**
 * The portal with the keyboard only, in a 1024×768 window: dev1 signs in, tries the skip link, goes
 * to Workflows through the main navigation, fills request-namespace's run form (text fields, the
 * size list, the list of recipients) and runs it; the admin, in a second context, approves the large
 * request from /approvals (dialog, comment, confirm); dev1 follows the result's link to the
 * component. Only page.keyboard acts; the focus must be visible at each step that matters, and no
 * step may reload the document.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, openPage, type UserPage, type Viewport } from './harness/browser.js';
import { pumpClock } from './harness/clock-pump.js';
import { explainFailures } from './harness/diagnostics.js';
import { expectFocusOn, expectFocusVisible, expectSameDocument, focused, tabTo } from './harness/keyboard.js';
import { SkewedClock, startPortalServer, type TestServer } from './harness/portal-server.js';
import { expectNodeStatus, expectRunStatus } from './harness/run-page.js';
import { pendingApprovalOf } from './harness/server-api.js';
import { signInWithKeyboard } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, REQUEST_NAMESPACE_WORKFLOW } from './harness/test-workflows.js';

const SMALL_WINDOW: Viewport = { width: 1024, height: 768 };
const NS = 'dev1-keyboard';

const clock = new SkewedClock();
let server: TestServer;
let browser: Browser;
let dev1: UserPage;
let admin: UserPage;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer({ workflows: [REQUEST_NAMESPACE_WORKFLOW], templates: [NAMESPACE_TEMPLATE], clock }), launchBrowser()]);
  [dev1, admin] = await Promise.all([openPage(browser, server.url, SMALL_WINDOW), openPage(browser, server.url, SMALL_WINDOW)]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => explainFailures({ dev1, admin }));

const path = (page: Page): string => new URL(page.url()).pathname;
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** Tab to the main navigation's `label` (backwards from the page's content), Enter, and wait for the page's heading. */
async function viaNavigation(page: Page, label: string, title = label): Promise<void> {
  await tabTo(page, new RegExp(`^${label}$`), { back: true, tag: 'a' });
  await expectFocusVisible(page, `${label} in the main navigation`);
  await page.keyboard.press('Enter');
  await heading(page, title).waitFor();
}

/** On the run form: Tab to the field named `label` and type `text`. */
async function typeInto(page: Page, label: RegExp, text: string): Promise<void> {
  await tabTo(page, label, { tag: 'input' });
  await page.keyboard.type(text);
}

it('keyboard only at 1024 px: sign in, skip link, navigation, run form, run; the admin approves', async () => {
  const { page } = dev1;
  await signInWithKeyboard(page, 'dev1');
  expect(path(page)).toBe('/workflows');
  await heading(page, 'Workflows').waitFor();

  // The skip link is the first stop and shows itself; it takes the focus to the content.
  await tabTo(page, /^Skip to content$/, { max: 2 });
  await expectFocusVisible(page, 'the skip link');
  await page.keyboard.press('Enter');
  expect((await focused(page)).id).toBe('main');
  await tabTo(page, /^Search workflows$/, { max: 1 });
  await expectFocusVisible(page, 'the first field after the skip link');

  // Through the main navigation: to Runs and back to Workflows.
  await viaNavigation(page, 'Runs');
  expect(path(page)).toBe('/runs');
  await viaNavigation(page, 'Workflows');
  expect(path(page)).toBe('/workflows');

  // The workflow's Run button (a link), then the form.
  await page.getByRole('link', { name: 'Request a namespace', exact: true }).waitFor();
  await tabTo(page, /^Run$/, { tag: 'a' });
  await expectFocusVisible(page, "request-namespace's Run button");
  await page.keyboard.press('Enter');
  await page.waitForURL('**/workflows/request-namespace/run');
  await page.getByRole('textbox', { name: /^Namespace name/ }).waitFor();

  await typeInto(page, /^Namespace name/, NS);
  await expectFocusVisible(page, 'the namespace field');
  await typeInto(page, /^Requester/, 'dev1');
  await typeInto(page, /^Git host/, 'gitlab.example.com');
  await tabTo(page, /^Size/);
  await expectFocusVisible(page, 'the size list');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, /^(|small|medium|large)$/);
  for (let i = 0; i < 5 && (await focused(page)).name !== 'large'; i++) await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, /^large$/, 1_000);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, /^Size/);
  expect(await page.locator('#root_size').innerText()).toBe('large');
  await typeInto(page, /^Reason/, 'GPU nodes for the keyboard test');
  await typeInto(page, /^Notify-1/, 'user:default/dev1');
  // A second recipient: "Add Item", then back to the new field.
  await tabTo(page, /^Add/, { tag: 'button' });
  await expectFocusVisible(page, 'Add Item of the recipients');
  await page.keyboard.press('Enter');
  await tabTo(page, /^Notify-2/, { back: true, tag: 'input' });
  await page.keyboard.type('group:default/developers');
  await tabTo(page, /^Review$/, { tag: 'button' });
  await page.keyboard.press('Enter');

  // The Review step takes the focus to its heading; Run is a few stops on.
  await expectFocusOn(page, /^Review$/);
  const review = page.getByRole('table', { name: /^Values (entered|for )/ }).first();
  for (const text of [NS, 'large', 'user:default/dev1, group:default/developers']) await review.getByText(text, { exact: true }).first().waitFor();
  await tabTo(page, /^Run$/, { tag: 'button' });
  await expectFocusVisible(page, 'the Run button of the Review step');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/runs\/[^/]+$/, { timeout: 15_000 });
  const id = decodeURIComponent(path(page).split('/')[2]!);

  // The Run button went away with the form: the focus is on the run page's content, not lost.
  await expectRunStatus(page, 'ACTIVE');
  await expectNodeStatus(page, 'AwaitApproval', 'active');
  expect((await focused(page)).id).toBe('main');
  await tabTo(page, /^Runs$/, { max: 1, tag: 'a' });
  await expectFocusVisible(page, "the run page's first link");
  await expectSameDocument(page, "dev1's journey to the run page");

  // The admin, in a second context, approves with the keyboard only.
  const a = admin.page;
  await pendingApprovalOf(server, 'admin', id);
  await signInWithKeyboard(a, 'admin');
  await tabTo(a, /^Approvals$/, { tag: 'a' });
  await a.keyboard.press('Enter');
  await heading(a, 'Approvals').waitFor();
  const title = `Large namespace ${NS} for dev1`;
  await a.getByRole('list', { name: 'Pending requests' }).getByRole('listitem', { name: title }).waitFor({ timeout: 15_000 });
  await tabTo(a, /^Approve$/, { tag: 'button' });
  await expectFocusVisible(a, 'the Approve button');
  await a.keyboard.press('Enter');
  await a.getByRole('dialog').waitFor();
  await expectFocusOn(a, /^Comment$/);
  await expectFocusVisible(a, 'the comment of the decision');
  await a.keyboard.type('approved with the keyboard');
  await tabTo(a, /^Approve$/, { tag: 'button', max: 3 });
  await expectFocusVisible(a, 'the dialog’s Approve button');
  await a.keyboard.press('Enter');
  await a.getByRole('dialog').waitFor({ state: 'detached' });
  await a.getByRole('status').filter({ hasText: title }).waitFor();
  // The request (and its button) left the inbox: the focus is on the Pending tab, not lost.
  await expectFocusOn(a, /^Pending$/);
  await expectFocusVisible(a, 'after the decision');
  await expectSameDocument(a, "the admin's journey");

  // dev1's run goes on (the template task is read every 10 s: the clock runs fast) and completes.
  const stopPump = pumpClock(clock);
  try {
    await expectRunStatus(page, 'COMPLETED', 30_000);
  } finally {
    stopPump();
  }
  // The result's link into the portal opens the component in place.
  await tabTo(page, /^Component in Catalog$/, { tag: 'a', max: 60 });
  await expectFocusVisible(page, "the result's link");
  await page.keyboard.press('Enter');
  await page.waitForURL('**/components?entity=*');
  await heading(page, 'Components').waitFor();
  await expectSameDocument(page, "dev1's whole journey");
  expect([...dev1.problems, ...admin.problems]).toEqual([]);
}, 60_000);
