/**
 * The run page as the user reads it: the status chip (Running, Completed, Failed, Aborted), the
 * "Progress" graph whose nodes are named "state <name>: <status>" (pending, active, done, failed,
 * skipped) with `data-status`, and the run's actions.
 */
import type { Locator, Page } from 'playwright-core';

export const RUN_STATUS_WORD = { ACTIVE: 'Running', COMPLETED: 'Completed', ERROR: 'Failed', ABORTED: 'Aborted', SUSPENDED: 'Suspended', PENDING: 'Pending' } as const;
export type RunStatus = keyof typeof RUN_STATUS_WORD;
export type NodeStatus = 'pending' | 'active' | 'done' | 'failed' | 'skipped';

/** The run's status chip (it carries the Orchestrator status in `data-status`; graph nodes carry `data-state`). */
export function statusChip(page: Page): Locator {
  return page.locator('main [data-status]:not([data-state])').first();
}

/** Waits until the run page says `status`, in words on the chip. */
export async function expectRunStatus(page: Page, status: RunStatus, timeoutMs = 30_000): Promise<void> {
  const chip = page.locator(`main [data-status="${status}"]:not([data-state])`).first();
  await chip.waitFor({ timeout: timeoutMs });
  const text = (await chip.innerText()).trim();
  if (text !== RUN_STATUS_WORD[status]) throw new Error(`the status chip says "${text}", expected "${RUN_STATUS_WORD[status]}"`);
}

/** The "Progress" region holding the graph. */
export function progress(page: Page): Locator {
  return page.getByRole('region', { name: 'Progress' });
}

/** A state's node on the progress graph. */
export function graphNode(page: Page, state: string): Locator {
  return progress(page).locator(`[data-state="${state}"]`);
}

/** Waits until the graph shows `state` with `status`, both in its accessible name and in `data-status`. */
export async function expectNodeStatus(page: Page, state: string, status: NodeStatus, timeoutMs = 15_000): Promise<void> {
  await progress(page).locator(`[aria-label="state ${state}: ${status}"]`).waitFor({ timeout: timeoutMs });
  const attr = await graphNode(page, state).getAttribute('data-status');
  if (attr !== status) throw new Error(`the node of state ${state} has data-status="${attr}", expected "${status}"`);
}

/** Every node's status as the graph shows it: state id → data-status. */
export async function nodeStatuses(page: Page): Promise<Record<string, string>> {
  return progress(page)
    .locator('[data-state]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-state') ?? '', e.getAttribute('data-status') ?? ''])));
}

/**
 * Whether the state's node lies wholly inside the visible part of the graph (as first placed, or
 * after panning): the run's "Progress" graph, or the graph inside `within` (a workflow's definition).
 */
export async function nodeInView(page: Page, state: string, within: Locator = progress(page)): Promise<boolean> {
  const [pane, node] = await Promise.all([within.locator('.react-flow').first().boundingBox(), within.locator(`[data-state="${state}"]`).first().boundingBox()]);
  if (!pane || !node) return false;
  return node.x >= pane.x && node.y >= pane.y && node.x + node.width <= pane.x + pane.width && node.y + node.height <= pane.y + pane.height;
}
