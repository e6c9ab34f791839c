/**
 * Routes the portal needs beyond the upstream APIs, under `/api/sluice`: a workflow's graph (for the
 * definition and for a run, from the version that run started with) and a run's history, paged by
 * sequence number so a run page can follow it live (the first page also carries the run's input).
 * Same permissions as the Orchestrator API.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { badRequest, notFound } from '../http/http-error.js';
import { requireAuthenticated } from '../http/request-principal.js';
import { requireInstance, requireWorkflow } from '../orchestrator/access.js';
import { runHistoryEntry, type RunHistoryPage } from './run-history.js';
import { workflowGraph, type WorkflowGraph } from './workflow-graph.js';

const PAGE = 1000;

export async function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Params: { workflowId: string } }>('/api/sluice/workflows/:workflowId/graph', async (req): Promise<WorkflowGraph> => {
    const entry = requireWorkflow(ctx, requireAuthenticated(req), req.params.workflowId, 'read');
    if (!entry.def) throw notFound(`workflow ${entry.id} has no readable definition: ${entry.problems.join('; ')}`);
    return workflowGraph(entry.def);
  });

  app.get<{ Params: { instanceId: string } }>('/api/sluice/instances/:instanceId/graph', async (req): Promise<WorkflowGraph> => {
    const { state } = await requireInstance(ctx, requireAuthenticated(req), req.params.instanceId, 'read');
    const def = ctx.workflows.get(state.workflowId, state.workflowVersion)?.def ?? ctx.workflows.entry(state.workflowId)?.def;
    if (!def) throw notFound(`the definition of workflow ${state.workflowId} (version ${state.workflowVersion}) is no longer loaded`);
    return workflowGraph(def);
  });

  app.get<{ Params: { instanceId: string }; Querystring: { after?: string } }>('/api/sluice/instances/:instanceId/history', async (req): Promise<RunHistoryPage> => {
    const after = req.query.after === undefined ? 0 : Number(req.query.after);
    if (!Number.isInteger(after) || after < 0) throw badRequest(`after must be a non-negative integer (at /after), got ${JSON.stringify(req.query.after)}`);
    const { state } = await requireInstance(ctx, requireAuthenticated(req), req.params.instanceId, 'read');
    const page = await ctx.runtime.history(state.id, after, PAGE);
    return {
      instanceId: state.id,
      entries: page.map(runHistoryEntry),
      last: page.length > 0 ? page[page.length - 1]!.seq : after,
      ...(after === 0 && state.input !== undefined ? { input: state.input } : {}),
    };
  });
}
