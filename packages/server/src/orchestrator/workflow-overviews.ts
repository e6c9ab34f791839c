/**
 * Workflow overviews: every workflow the caller may read, available or not (`isAvailable`), with
 * its last run among the runs the caller may see (their own unless admin). The list takes a
 * SearchRequest over workflowId (or id), name, description, format, version, isAvailable, lastRunId,
 * lastRunStatus and lastTriggeredMs; the entity variant lists the workflows an entity names in its
 * annotation plus those run for it (`variables.targetEntity`), with the last run for that entity.
 * An unavailable workflow also carries `unavailableReasons` (a Sluice extension the portal shows).
 */
import { dirname } from 'node:path';
import type { InstanceSummary } from '@sluice/engine';
import type { AppContext } from '../app/context.js';
import type { WorkflowEntry } from '../workflows/workflow-registry.js';
import { allowed, ownRunsOnly, type Caller } from './access.js';
import type { WorkflowOverviewDTO, WorkflowOverviewListResultDTO } from './dto.js';
import { stringVariable } from './instance-data.js';
import { scanInstances } from './instance-scan.js';
import { ALL_STATUSES, statusOf } from './instance-status.js';
import type { FieldSet } from './search/field-spec.js';
import { echoPaging, parseSearchRequest, sortAndPage } from './search/search-request.js';

interface WorkflowRecord {
  readonly entry: WorkflowEntry;
  readonly overview: WorkflowOverviewDTO;
}

/** Most runs looked at to find an entity's workflows (as upstream, which asks Data Index for 1000). */
const ENTITY_RUNS = 1000;

const WORKFLOW_FIELDS: FieldSet<WorkflowRecord> = {
  workflowId: { kind: 'string', get: (r) => r.overview.workflowId },
  id: { kind: 'string', get: (r) => r.overview.workflowId },
  name: { kind: 'string', get: (r) => r.overview.name },
  description: { kind: 'string', get: (r) => r.overview.description },
  format: { kind: 'enum', values: ['yaml', 'json'], get: (r) => r.overview.format },
  version: { kind: 'string', get: (r) => definitionVersion(r.entry) },
  isAvailable: { kind: 'boolean', get: (r) => r.overview.isAvailable },
  lastRunId: { kind: 'id', get: (r) => r.overview.lastRunId },
  lastRunStatus: { kind: 'enum', values: ALL_STATUSES, get: (r) => r.overview.lastRunStatus },
  lastTriggeredMs: { kind: 'number', get: (r) => r.overview.lastTriggeredMs },
};

/** The `version` the definition declares (the registry's version without its source hash). */
export function definitionVersion(entry: WorkflowEntry): string | undefined {
  return entry.version?.replace(/\+[0-9a-f]+$/, '');
}

/** The overview of one workflow, with `lastRun` when there is one. */
export function overviewOf(entry: WorkflowEntry, lastRun: InstanceSummary | undefined): WorkflowOverviewDTO {
  const def = entry.def;
  return {
    workflowId: entry.id,
    format: entry.format,
    ...(def?.name ? { name: def.name } : {}),
    ...(def?.description !== undefined ? { description: def.description } : {}),
    isAvailable: entry.available,
    ...(!entry.available ? { unavailableReasons: unavailableReasons(entry) } : {}),
    ...(lastRun ? { lastRunId: lastRun.id, lastTriggeredMs: lastRun.startedAt, lastRunStatus: statusOf(lastRun.status) } : {}),
  };
}

/**
 * Why `entry` is unavailable, with the server's folders cut off the file paths (`<workflow folder>/<file>:line…`
 * rather than absolute paths).
 */
function unavailableReasons(entry: WorkflowEntry): string[] {
  const above = `${dirname(dirname(entry.file))}/`;
  const reasons = entry.problems.map((p) => p.split(above).join(''));
  return reasons.length > 0 ? reasons : ['the workflow cannot run (no reason recorded)'];
}

/** The newest run of `workflowId` the caller may see. */
export async function lastRunOf(ctx: AppContext, p: Caller, workflowId: string): Promise<InstanceSummary | undefined> {
  const initiator = ownRunsOnly(ctx, p);
  const page = await ctx.runtime.query({ workflowId, order: 'desc', limit: 1, ...(initiator !== undefined ? { initiator } : {}) });
  return page.items[0];
}

/** `POST /v2/workflows/overview`. */
export async function listOverviews(ctx: AppContext, p: Caller, body: unknown): Promise<WorkflowOverviewListResultDTO> {
  const search = parseSearchRequest(body, WORKFLOW_FIELDS, { orderBy: 'workflowId', orderDirection: 'ASC' });
  const entries = ctx.workflows.entriesList().filter((e) => allowed(ctx, p, e.id, 'read'));
  const records = await Promise.all(entries.map(async (entry) => ({ entry, overview: overviewOf(entry, await lastRunOf(ctx, p, entry.id)) })));
  const page = sortAndPage(records.filter(search.filter.test), search.paging);
  return { overviews: page.map((r) => r.overview), paginationInfo: echoPaging(search.paging) };
}

/** `POST /v2/workflows/overview/entity`. */
export async function entityOverviews(ctx: AppContext, p: Caller, body: { targetEntity?: string; annotationWorkflowIds?: string[] }): Promise<WorkflowOverviewListResultDTO> {
  const lastRuns = new Map<string, InstanceSummary>();
  const target = body.targetEntity;
  if (target) {
    const initiator = ownRunsOnly(ctx, p);
    let seen = 0;
    await scanInstances(ctx.runtime, { order: 'desc', ...(initiator !== undefined ? { initiator } : {}) }, async (s) => {
      if (!allowed(ctx, p, s.workflowId, 'read')) return true;
      if (stringVariable(await ctx.runtime.get(s.id), 'targetEntity') !== target) return true;
      if (!lastRuns.has(s.workflowId)) lastRuns.set(s.workflowId, s);
      return ++seen < ENTITY_RUNS;
    });
  }
  const ids = new Set([...(body.annotationWorkflowIds ?? []), ...lastRuns.keys()]);
  const overviews = [...ids]
    .sort()
    .map((id) => ctx.workflows.entry(id))
    .filter((e): e is WorkflowEntry => e !== undefined && allowed(ctx, p, e.id, 'read'))
    .map((e) => overviewOf(e, lastRuns.get(e.id)));
  return { overviews };
}
