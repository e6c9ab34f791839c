/**
 * What a failing journey leaves behind: for each signed-in page, its URL, the problems the browser
 * reported (page errors, console errors, HTTP errors) and a screenshot artifacts/failed-<test>-<who>.png.
 * Register once per file with `beforeEach(() => explainFailures({ dev1, admin }))`.
 */
import { onTestFailed } from 'vitest';
import type { UserPage } from './browser.js';
import { shot } from './shot.js';

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

export function explainFailures(pages: Readonly<Record<string, UserPage | undefined>>): void {
  onTestFailed(async ({ task }) => {
    for (const [who, p] of Object.entries(pages)) {
      if (!p || p.page.isClosed()) continue;
      const file = await shot(p.page, `failed-${slug(task.name)}-${who}`).catch((e: Error) => `(no screenshot: ${e.message})`);
      const stale = p.problems.some((m) => /HTTP 404 GET .*\/assets\//.test(m) || m.includes('dynamically imported module'));
      console.error(
        [
          `[e2e] ${who} was at ${p.page.url()} (screenshot ${file})`,
          ...p.problems.map((m) => `  ${m}`),
          ...(stale ? ['  → the portal was rebuilt while this test ran (its assets changed): run it again'] : []),
        ].join('\n'),
      );
    }
  });
}
