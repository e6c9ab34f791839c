/**
 * Instance lists (`POST /v2/workflows/instances` and `/v2/workflows/{id}/instances`): a SearchRequest
 * over the instances the caller may see (workflows they may read; their own runs unless admin).
 * Coarse conditions and the ownership filter go to the store; the whole filter is then evaluated on
 * each instance, loading its state only when `variables` is filtered or sorted on. Sorted by `start`
 * (the default, newest first) the store's order is used and the scan stops once the page is full;
 * any other sort reads every match.
 */
import type { AppContext } from '../app/context.js';
import { allowed, ownRunsOnly, type Caller } from './access.js';
import type { ProcessInstanceListResultDTO } from './dto.js';
import { processInstanceDto, processNameOf } from './instance-dto.js';
import { INSTANCE_FIELDS, STATE_FIELD, type InstanceRecord } from './instance-fields.js';
import { pushDown } from './instance-pushdown.js';
import { scanInstances } from './instance-scan.js';
import { echoPaging, pageOf, parseSearchRequest, sortAndPage } from './search/search-request.js';

export async function searchInstances(ctx: AppContext, p: Caller, body: unknown, workflowId?: string): Promise<ProcessInstanceListResultDTO> {
  const search = parseSearchRequest(body, INSTANCE_FIELDS, { orderBy: 'start', orderDirection: 'DESC' });
  const { paging, filter } = search;
  const pushed = pushDown(search.rawFilter);
  const answer = (items: InstanceRecord[]): Promise<ProcessInstanceListResultDTO> => toList(ctx, items).then((list) => ({ items: list, paginationInfo: echoPaging(paging) }));
  if (pushed.none || (workflowId !== undefined && pushed.query.workflowId !== undefined && pushed.query.workflowId !== workflowId)) return answer([]);

  const initiator = ownRunsOnly(ctx, p);
  const byStart = paging.orderBy === 'start';
  const needState = filter.uses.has(STATE_FIELD) || paging.sortTop === STATE_FIELD;
  const enough = byStart && paging.pageSize !== undefined ? paging.offset + paging.pageSize : Infinity;
  const readable = new Map<string, boolean>();
  const names = new Map<string, string>();
  const matched: InstanceRecord[] = [];
  const query = {
    ...pushed.query,
    ...(workflowId !== undefined ? { workflowId } : {}),
    ...(initiator !== undefined ? { initiator } : {}),
    order: byStart && paging.orderDirection === 'ASC' ? ('asc' as const) : ('desc' as const),
  };
  if (enough > 0) {
    await scanInstances(ctx.runtime, query, async (summary) => {
      const wf = summary.workflowId;
      if (!readable.has(wf)) readable.set(wf, allowed(ctx, p, wf, 'read'));
      if (!readable.get(wf)) return true;
      if (!names.has(wf)) names.set(wf, processNameOf(ctx.workflows, wf));
      const record: InstanceRecord = { summary, processName: names.get(wf)! };
      if (needState) {
        record.state = await ctx.runtime.get(summary.id);
        if (!record.state) return true;
      }
      if (filter.test(record)) matched.push(record);
      return matched.length < enough;
    });
  }
  return answer(byStart ? pageOf(matched, paging) : sortAndPage(matched, paging));
}

/** List DTOs (no nodes, no history) of the page; instances deleted meanwhile are left out. */
async function toList(ctx: AppContext, records: readonly InstanceRecord[]): Promise<ProcessInstanceListResultDTO['items']> {
  const out: ProcessInstanceListResultDTO['items'] = [];
  for (const r of records) {
    const state = r.state ?? (await ctx.runtime.get(r.summary.id));
    if (state) out.push(processInstanceDto(state, { workflows: ctx.workflows, baseUrl: ctx.baseUrl(), ...(r.summary.initiator !== undefined ? { recordedInitiator: r.summary.initiator } : {}) }));
  }
  return out;
}
