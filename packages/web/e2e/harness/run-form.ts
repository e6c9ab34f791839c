/**
 * The run form through the UI: find a workflow in the workflows list and press its "Run", fill the
 * schema form by the fields' labels (text, number, select and lists of strings), step with "Next" to
 * the Review step and press "Run". Returns the new run's id from the run page's URL.
 */
import type { Locator, Page } from 'playwright-core';

/** A field by its label (the schema title); a list of strings fills one item per value, adding items with "Add Item". */
export type FieldValue = string | number | readonly string[];
export type FormValues = readonly (readonly [label: string, value: FieldValue])[];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The label exactly, with the asterisk of a required field or without. */
const exactStart = (label: string): RegExp => new RegExp(`^${escape(label)}(\\s*\\*)?$`);

/** The row (table row or list item) of the workflows list that holds the link named `workflowName`. */
export function workflowRow(page: Page, workflowName: string): Locator {
  const link = page.getByRole('link', { name: workflowName, exact: true });
  return page.locator('main').getByRole('row').or(page.locator('main').getByRole('listitem')).filter({ has: link });
}

/** From anywhere: Workflows in the menu, then the workflow's "Run" (a button or a link). */
export async function openRunForm(page: Page, workflowName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
  const row = workflowRow(page, workflowName);
  await row.first().waitFor();
  await row.first().getByRole('button', { name: /^Run\b/ }).or(row.first().getByRole('link', { name: /^Run\b/ })).first().click();
  await page.waitForURL(/\/workflows\/[^/]+\/run/);
}

async function fillOne(page: Page, label: string, value: FieldValue): Promise<void> {
  const form = page.locator('main');
  const name = exactStart(label);
  if (Array.isArray(value)) {
    // A list: its title is a heading, its items are text fields named "<title>-1", "<title>-2"…,
    // and "Add Item" adds one (a list with minItems starts with empty items).
    const list = form
      .locator('div')
      .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
      .filter({ has: page.getByRole('button', { name: 'Add Item' }) })
      .last();
    const items = list.getByRole('textbox', { name: new RegExp(`^${escape(label)}-\\d+`) });
    for (const [i, v] of value.entries()) {
      if ((await items.count()) <= i) await list.getByRole('button', { name: 'Add Item' }).last().click();
      await items.nth(i).fill(v);
    }
    return;
  }
  const text = String(value);
  const combo = form.getByRole('combobox', { name });
  if ((await combo.count()) > 0) {
    await combo.first().click();
    await page.getByRole('option', { name: text, exact: true }).click();
    return;
  }
  const radios = form.getByRole('radiogroup', { name });
  if ((await radios.count()) > 0) {
    await radios.getByRole('radio', { name: text, exact: true }).check();
    return;
  }
  await form.getByRole('textbox', { name }).or(form.getByRole('spinbutton', { name })).first().fill(text);
}

/** Fills fields of the step on screen, in order (the e2e workflows have one input step). */
export async function fillRunForm(page: Page, values: FormValues): Promise<void> {
  for (const [label, value] of values) await fillOne(page, label, value);
}

/** "Next" through the steps and "Review" on the last one, then "Run"; returns the new run's id (the run page's URL). */
export async function reviewAndRun(page: Page, expectInReview: readonly string[] = []): Promise<string> {
  const review = page.getByRole('table', { name: /^Values (entered|for )/ }).first();
  const forward = page.locator('main').getByRole('button', { name: /^(Next|Review)$/ });
  for (let i = 0; i < 10 && !(await review.isVisible()); i++) {
    await forward.click();
    await review.or(forward).first().waitFor();
  }
  for (const text of expectInReview) await review.getByText(text, { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForURL(/\/runs\/[^/?#]+/, { timeout: 15_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
}
