/**
 * Signs in through the real sign-in page: pick the catalog user in "Sign in as", press "Sign in as
 * guest", and wait for the shell (the main navigation) to appear.
 */
import type { Page } from 'playwright-core';

/** `user` is a catalog user name (`dev1`, `admin`). */
export async function signIn(page: Page, user: string): Promise<void> {
  const ref = `user:default/${user}`;
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Sign in as' }).click();
  await page.getByRole('option', { name: new RegExp(`\\(${ref.replace(/[/]/g, '\\/')}\\)$|^${ref}$`) }).click();
  await page.getByRole('button', { name: 'Sign in as guest' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
