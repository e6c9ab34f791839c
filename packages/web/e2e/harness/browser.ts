/**
 * Debian's Chromium through playwright-core: one browser per test file, one context per signed-in
 * user (separate storage, so dev1 and admin can be signed in side by side). Page errors and failed
 * requests are collected so a failing journey can say what the browser saw.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** How long a single locator action or expectation waits by default. */
export const UI_TIMEOUT_MS = 10_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

/** A page in its own context, with what went wrong in it so far. */
export interface UserPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors, console errors and HTTP error answers (but 401 and the favicon), in order. */
  readonly problems: string[];
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The journeys' window size. */
export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 900 };

/** A fresh context and page whose relative URLs go to `baseURL`, with a window of `viewport`. */
export async function openPage(browser: Browser, baseURL: string, viewport: Viewport = DEFAULT_VIEWPORT): Promise<UserPage> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // "Failed to load resource" repeats a bad HTTP answer, recorded below with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.status() !== 401 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems };
}
