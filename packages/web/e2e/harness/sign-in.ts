/**
 * Signs in through the real sign-in page: pick the catalog user in "Sign in as", press "Sign in as
 * guest", and wait for the shell (the main navigation) to appear, with the mouse or with the
 * keyboard only; or open a new user's page signed in.
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, type UserPage, type Viewport } from './browser.js';
import { expectFocusOn, expectFocusVisible, focused, markDocument, tabTo } from './keyboard.js';

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

/**
 * The same with the keyboard only, from a fresh load of the sign-in page (marked with
 * `markDocument`): Tab to "Sign in as", Enter opens the list, arrows to the user, Enter picks it,
 * Tab to "Sign in as guest" and Enter.
 */
export async function signInWithKeyboard(page: Page, user: string): Promise<void> {
  const ref = `user:default/${user}`;
  await page.goto('/');
  await markDocument(page);
  await page.getByRole('combobox', { name: 'Sign in as' }).waitFor();
  await tabTo(page, /^Sign in as$/, { max: 5 });
  await expectFocusVisible(page, 'the user picker of the sign-in page');
  // The list is filled once the users have arrived in the page: until then it opens empty (Escape, again).
  for (let i = 0; ; i++) {
    await page.keyboard.press('Enter');
    if ((await expectFocusOn(page, /\(user:default\/[^)]+\)$|^user:default\//, 300).catch(() => undefined)) !== undefined) break;
    if (i >= 20) throw new Error('the sign-in list never offered a catalog user');
    await page.keyboard.press('Escape');
  }
  const isUser = async (): Promise<boolean> => {
    const { name } = await focused(page);
    return name === ref || name.endsWith(`(${ref})`);
  };
  for (let i = 0; i < 20 && !(await isUser()); i++) await page.keyboard.press('ArrowDown');
  if (!(await isUser())) throw new Error(`the arrows never reached ${ref} in the sign-in list`);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, /^Sign in as$/);
  await tabTo(page, /^Sign in as guest$/, { tag: 'button', max: 3 });
  await expectFocusVisible(page, 'the sign-in button');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
