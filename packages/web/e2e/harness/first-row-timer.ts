/**
 * Times, inside the page, how long a list takes to show its first row: from navigation start (a full
 * load) or from a click (a client-side navigation) to the frame after the first visible table row
 * containing `marker` appeared in the main content while the address is `path`. Installed as an
 * init script, so it watches from the very start of every document.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __firstRow?: { path: string; marker: string; from: number; seenAt?: number; paintedAt?: number };
    __armFirstRow?: (path: string, marker: string) => void;
  }
}

/** The script: arms on every document load (navigation start = 0). */
function install({ path, marker }: { path: string; marker: string }): void {
  const w = window;
  const isDataRow = (r: Element): boolean => !r.querySelector('th[scope="col"], [role="columnheader"]');
  const check = (): void => {
    const t = w.__firstRow;
    if (!t || t.seenAt !== undefined || Number.isNaN(t.from) || location.pathname !== t.path) return;
    for (const r of Array.from(document.querySelectorAll('main tbody tr, main [role="row"]'))) {
      if (!isDataRow(r) || !(r.textContent ?? '').includes(t.marker)) continue;
      const box = r.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      t.seenAt = performance.now();
      requestAnimationFrame(() => (t.paintedAt = performance.now()));
      return;
    }
  };
  // Armed for a click: the clock starts at the next click's event time (same origin as performance.now()).
  w.__armFirstRow = (p: string, m: string) => {
    w.__firstRow = { path: p, marker: m, from: Number.NaN };
  };
  document.addEventListener(
    'click',
    (e) => {
      if (w.__firstRow && Number.isNaN(w.__firstRow.from)) w.__firstRow.from = e.timeStamp;
    },
    true,
  );
  w.__firstRow = { path, marker, from: 0 };
  const observer = new MutationObserver(check);
  const start = (): void => observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

/** Times every document of `context`: rows containing `marker` count once the address is `path`. */
export async function installFirstRowTimer(context: BrowserContext, path: string, marker: string): Promise<void> {
  await context.addInitScript(install, { path, marker });
}

/** Re-arms the timer to start at the next click (one that navigates inside the portal to `path`). */
export async function armFirstRowTimer(page: Page, path: string, marker: string): Promise<void> {
  await page.evaluate(([p, m]) => window.__armFirstRow?.(p!, m!), [path, marker]);
}

/** Waits for the first row and returns ms from the timer's start to the frame after it appeared. */
export async function firstRowMs(page: Page, timeoutMs = 15_000): Promise<number> {
  try {
    await page.waitForFunction(() => window.__firstRow?.paintedAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  } catch (err) {
    const marker = await page.evaluate(() => window.__firstRow?.marker);
    throw new Error(`no table row (tbody tr or role=row) containing "${marker}" became visible in <main> of ${page.url()} within ${timeoutMs} ms: ${(err as Error).message.split('\n')[0]}`);
  }
  return page.evaluate(() => Math.round(window.__firstRow!.paintedAt! - window.__firstRow!.from));
}

/** Milestones of the current document's load, ms from navigation start: DOM ready, and when the last call whose URL contains `apiPath` started and ended. */
export async function loadMilestones(page: Page, apiPath: string): Promise<{ domContentLoaded: number; apiStart: number | undefined; apiResponseEnd: number | undefined }> {
  return page.evaluate((api) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes(api)) as PerformanceResourceTiming[];
    const last = calls.at(-1);
    return {
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? Number.NaN),
      apiStart: last ? Math.round(last.startTime) : undefined,
      apiResponseEnd: last ? Math.round(last.responseEnd) : undefined,
    };
  }, apiPath);
}
