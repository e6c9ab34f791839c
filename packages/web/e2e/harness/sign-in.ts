/**
 * Signs in through the real sign-in page: pick the catalog user in "Sign in as", press "Sign in as
 * guest", and wait for the shell (the main navigation) to appear; or open a new user's page signed in.
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, type UserPage, type Viewport } from './browser.js';

/** `user` is a catalog user name (`dev1`, `admin`). */
export async function signIn(page: Page, user: string): Promise<void> {
  const ref = `user:default/${user}`;
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Sign in as' }).click();
  await page.getByRole('option', { name: new RegExp(`\\(${ref.replace(/[/]/g, '\\/')}\\)$|^${ref}$`) }).click();
  await page.getByRole('button', { name: 'Sign in as guest' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** A fresh page of its own (see `openPage`) on `baseURL`, signed in as `user`. */
export async function openSignedIn(browser: Browser, baseURL: string, user: string, viewport?: Viewport): Promise<UserPage> {
  const opened = await openPage(browser, baseURL, viewport);
  await signIn(opened.page, user);
  return opened;
}
