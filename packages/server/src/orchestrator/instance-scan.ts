/**
 * Walks instance summaries from the store page by page (newest first unless asked otherwise) until
 * the visitor says stop or the store has no more.
 */
import type { InstanceQuery, InstanceSummary, Runtime } from '@sluice/engine';

const PAGE = 500;

/** Calls `visit` for each summary matching `query`, in order; `visit` returns false to stop. */
export async function scanInstances(runtime: Runtime, query: Omit<InstanceQuery, 'limit' | 'cursor'>, visit: (s: InstanceSummary) => Promise<boolean>): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await runtime.query({ ...query, limit: PAGE, ...(cursor !== undefined ? { cursor } : {}) });
    for (const s of page.items) if (!(await visit(s))) return;
    cursor = page.next;
  } while (cursor !== undefined);
}
