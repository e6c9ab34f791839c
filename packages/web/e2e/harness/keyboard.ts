/**
 * Driving the portal with the keyboard only: what has the focus (its tag, role and name as a user
 * would read it), Tab (or Shift+Tab) until the focus is on a given control, whether the focus can be
 * seen, and a check that the journey never reloaded the document (a marker set on window after the
 * first load must still be there).
 */
import type { Page } from 'playwright-core';

/** The focused element as the user meets it. */
export interface Focused {
  readonly tag: string;
  readonly role: string;
  /** aria-label, else aria-labelledby's text, else the label's text (inputs), else its text, else its title. */
  readonly name: string;
  readonly id: string;
}

/** What has the focus now (`body` with an empty name when nothing has). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: '', name: '', id: '' };
    const text = (e: Element | null | undefined): string => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => text(document.getElementById(id)))
      .join(' ');
    const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map(text).join(' ') : '';
    const name = el.getAttribute('aria-label') ?? (labelledBy || labels || text(el) || (el.getAttribute('title') ?? ''));
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role') ?? '', name, id: el.id };
  });
}

const show = (f: Focused): string => `<${f.tag}${f.role ? ` role=${f.role}` : ''}${f.id ? ` #${f.id}` : ''}> "${f.name.slice(0, 60)}"`;

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element's name matches `name` (and `tag`
 * when given); returns it. Throws listing the stops on the way when it is not reached in `max` presses.
 */
export async function tabTo(page: Page, name: RegExp, opts: { back?: boolean; max?: number; tag?: string } = {}): Promise<Focused> {
  const stops: string[] = [];
  for (let i = 0; i < (opts.max ?? 40); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (name.test(f.name) && (!opts.tag || f.tag === opts.tag)) return f;
    stops.push(show(f));
  }
  throw new Error(`${opts.back ? 'Shift+Tab' : 'Tab'} never reached ${opts.tag ?? 'a control'} named ${name} on ${page.url()}; the focus went:\n  ${stops.join('\n  ')}`);
}

/** Waits until the focus is on an element whose name matches `name` (after a dialog opens, a page moves it). */
export async function expectFocusOn(page: Page, name: RegExp, timeoutMs = 5_000): Promise<Focused> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const f = await focused(page);
    if (name.test(f.name)) return f;
    if (Date.now() > end) throw new Error(`the focus is on ${show(f)}, expected an element named ${name} (${page.url()})`);
    await page.waitForTimeout(50);
  }
}

/**
 * Throws unless the focused element can be seen: it is on screen, and it has an outline or a box
 * shadow of its own, or it is the input of a MUI field marked focused (Mui-focused: the border shows it).
 * MUI's focus-visible class alone is not enough: its ripple or tint is hardly visible.
 */
export async function expectFocusVisible(page: Page, step: string): Promise<void> {
  const why = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing has the focus';
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return `the focused <${el.tagName.toLowerCase()}> has no size`;
    if (r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) return `the focused <${el.tagName.toLowerCase()}> is off screen (${Math.round(r.left)}, ${Math.round(r.top)})`;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== '' && s.boxShadow !== 'none';
    // A text field or a select: MUI draws the focus on the field's border (Mui-focused), not on the input.
    const field = el.closest('.MuiInputBase-root.Mui-focused') !== null;
    if (outline || shadow || field) return '';
    return `the focused <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}" has no outline and no box shadow (${el.className})`;
  });
  if (why) throw new Error(`focus not visible at "${step}": ${why}`);
}

declare global {
  interface Window {
    __marker?: string;
  }
}

/** Marks the current document; `expectSameDocument` fails once the page has been reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => (window.__marker = 'first-load'));
}

export async function expectSameDocument(page: Page, what: string): Promise<void> {
  const marker = await page.evaluate(() => window.__marker);
  if (marker !== 'first-load') throw new Error(`the document was reloaded during ${what} (now at ${page.url()})`);
}
