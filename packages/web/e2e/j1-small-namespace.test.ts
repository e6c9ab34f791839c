/**
 * J1: dev1 asks for a small namespace through the run form of the unchanged seed workflow
 * (create-ocp-namespace-swt, self-wired to Sluice's own scaffolder and notifications; GitLab is the
 * double, which the small path never calls), watches the run complete on the progress graph, sees
 * the manifests committed to the GitOps repository (no cluster configured), then finds the
 * "Namespace … created" notification through the bell and follows its link to the component.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from '@sluice/test-doubles';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, openPage, type UserPage } from './harness/browser.js';
import { explainFailures } from './harness/diagnostics.js';
import { pumpClock } from './harness/clock-pump.js';
import { notificationItem, waitForUnread } from './harness/notifications.js';
import { SkewedClock, startPortalServer, type TestServer } from './harness/portal-server.js';
import { fillRunForm, openRunForm, reviewAndRun } from './harness/run-form.js';
import { expectNodeStatus, expectRunStatus, progress } from './harness/run-page.js';
import { shot } from './harness/shot.js';
import { signIn } from './harness/sign-in.js';
import { NAMESPACE_TEMPLATE, SEED_WORKFLOW } from './harness/test-workflows.js';

const NS = 'team-e2e-small';
const clock = new SkewedClock();
let gitlab: GitLabFake;
let server: TestServer;
let browser: Browser;
let dev1: UserPage;

beforeAll(async () => {
  gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  [server, browser] = await Promise.all([
    startPortalServer({
      workflows: [SEED_WORKFLOW],
      templates: [NAMESPACE_TEMPLATE],
      clock,
      env: { GITLAB_URL: gitlab.url, GITLAB_TOKEN: gitlab.token, SWT_REF: 'template:default/orchestrator-namespace-request' },
    }),
    launchBrowser(),
  ]);
  dev1 = await openPage(browser, server.url);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await gitlab?.close();
});
beforeEach(() => explainFailures({ dev1 }));

const git = (...args: string[]): string => execFileSync('git', ['-C', join(server.dir, 'data/gitops'), ...args], { encoding: 'utf8' });

it('J1: a small namespace from the run form to the committed manifests and the notification link', async () => {
  const { page } = dev1;
  await signIn(page, 'dev1');
  await openRunForm(page, 'Create OpenShift Namespace');
  await fillRunForm(page, [
    ['Namespace Name', NS],
    ['GitLab Host', 'gitlab.example.com'],
    ['Requester', 'dev1'],
    ['Size', 'small'],
    ['Recipients', ['user:default/dev1']],
  ]);
  await shot(page, 'j1-run-form-filled');

  // The seed sleeps 15 s between reads of the template task: the clock runs fast while we watch.
  const stopPump = pumpClock(clock);
  let runId: string;
  try {
    runId = await reviewAndRun(page, [NS, 'small', 'gitlab.example.com']);
    await progress(page).waitFor();
    await expectRunStatus(page, 'COMPLETED', 40_000);
  } finally {
    stopPump();
  }
  for (const state of ['NamespaceSizeSwitch', 'LaunchSoftwareTemplate', 'GetSoftwareTemplate', 'IsTaskDone', 'SendTaskCompletedNotification']) await expectNodeStatus(page, state, 'done');
  for (const state of ['GetGitlabProjectId', 'CreateIssue', 'PollIssue']) await expectNodeStatus(page, state, 'skipped');
  await shot(page, 'j1-run-completed');
  expect(new URL(page.url()).pathname).toBe(`/runs/${encodeURIComponent(runId)}`);

  // What the browser cannot see: the manifests committed to the GitOps repository under the data directory.
  expect(git('log', '--format=%s')).toContain(NS);
  const files = git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
  expect(files).toEqual(expect.arrayContaining([`${NS}/namespace-${NS}.yaml`, `${NS}/resourcequota-compute-deploy.yaml`, `${NS}/limitrange-resource-limits.yaml`]));
  expect(git('show', `HEAD:${NS}/resourcequota-compute-deploy.yaml`)).toMatch(/limits\.memory: 8Gi/);

  // The bell counts the notification; the notifications page lists it with its link; the link leads to the component.
  await waitForUnread(page, 1);
  await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
  await page.waitForURL('**/notifications');
  const item = notificationItem(page, `Namespace ${NS} created`);
  await item.waitFor();
  await shot(page, 'j1-notifications');
  await item.getByRole('link', { name: `Namespace ${NS} created` }).click();
  await page.waitForURL((u) => u.pathname === '/components' && u.searchParams.get('entity') === `component:default/${NS}`);
  await page.locator('main').getByText(`component:default/${NS}`, { exact: true }).waitFor();
  await shot(page, 'j1-component');
  expect(dev1.problems).toEqual([]);
}, 90_000);
