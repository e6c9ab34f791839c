/**
 * The notifications as the user meets them: the bell's "Notifications, N unread" in the shell, and
 * the /notifications page listing titles with their links.
 */
import type { Locator, Page } from 'playwright-core';

/** The bell's unread count, read from its accessible name. */
export async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) unread/.exec(name)?.[1] ?? NaN);
}

/** Waits until the bell says at least `n` unread (it is live: server-sent events). */
export async function waitForUnread(page: Page, n: number, timeoutMs = 15_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const count = await unreadCount(page).catch(() => NaN);
    if (count >= n) return count;
    if (Date.now() > end) throw new Error(`the bell said ${count} unread after ${timeoutMs} ms, expected at least ${n}`);
    await page.waitForTimeout(100);
  }
}

/** The notification titled `title` on the notifications page (a list item named by its title). */
export function notificationItem(page: Page, title: string): Locator {
  return page.locator('main').getByRole('listitem', { name: title, exact: true }).first();
}
