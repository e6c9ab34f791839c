/**
 * Whether a page fits the window's width: the document must not scroll sideways
 * (document.documentElement.scrollWidth <= innerWidth). When it does, the error names the elements
 * that stick out past the window's right edge, outermost first, so the culprit is easy to find.
 */
import type { Page } from 'playwright-core';

/** Resizes the window to `width` (keeping its height), then throws when the page scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, width: number, label: string): Promise<void> {
  const { height } = page.viewportSize() ?? { height: 800 };
  await page.setViewportSize({ width, height });
  // Two frames: the resize's layout, then anything React re-renders after measuring (the graph).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const found = await page.evaluate(() => {
    const inner = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= inner) return { inner, scroll, culprits: [] as string[] };
    const describe = (e: Element): string => {
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      const r = e.getBoundingClientRect();
      const text = (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}>${text ? ` "${text}"` : ''} right edge at ${Math.round(r.right + window.scrollX)} px`;
    };
    const sticksOut = (e: Element): boolean => e.getBoundingClientRect().right + window.scrollX > inner + 0.5;
    /**
     * Inside a box that clips it and fits the window (a scrolling table, the graph's pane). Only
     * boxes on its containing-block chain clip it: an absolutely positioned element escapes the
     * static boxes around it, a fixed one all of them.
     */
    const clipped = (e: Node): boolean => {
      let position = e instanceof Element ? getComputedStyle(e).position : 'static';
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (position === 'fixed') return false;
        if (position === 'absolute' && style.position === 'static') continue;
        if (style.overflowX !== 'visible' && !sticksOut(a)) return true;
        position = style.position;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const e of Array.from(document.body.querySelectorAll('*'))) {
      if (!sticksOut(e) || clipped(e)) continue;
      // Only the outermost: an element whose parent already sticks out is listed through its parent.
      const parent = e.parentElement;
      if (parent && parent !== document.body && sticksOut(parent)) continue;
      culprits.push(describe(e));
      if (culprits.length >= 8) break;
    }
    // Text can overflow a box that itself fits (a long word in a narrow cell).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t && culprits.length < 8; t = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t);
      const right = range.getBoundingClientRect().right + window.scrollX;
      if (right > inner + 0.5 && t.parentElement && !clipped(t)) culprits.push(`text "${(t.textContent ?? '').trim().slice(0, 40)}" in ${describe(t.parentElement)}, ending at ${Math.round(right)} px`);
    }
    return { inner, scroll, culprits };
  });
  if (found.scroll <= found.inner) return;
  throw new Error(`${label} scrolls sideways at ${width} px wide (document ${found.scroll} px wide, window ${found.inner} px); sticking out:\n  ${found.culprits.join('\n  ') || '(no element found)'}`);
}
