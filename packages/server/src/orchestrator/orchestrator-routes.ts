/**
 * The Orchestrator v2 API (orchestrator-openapi.yaml), mounted at `/api/orchestrator/v2`: workflow
 * overviews, source, input schema, ping, instance lists and details, statuses, execute, retrigger
 * and abort. Every route needs a signed-in caller (401); permissions as in access.ts (403, not the
 * upstream 500); unknown workflows and instances are 404. Errors use Backstage's shape.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Json, StoredHistoryEntry } from '@sluice/engine';
import type { AppContext } from '../app/context.js';
import { SYSTEM_INITIATOR } from '../auth/principal.js';
import { requireAuthenticated } from '../http/request-principal.js';
import { requireInstance, requireWorkflow, type Caller } from './access.js';
import { credentialHeaders } from './credential-headers.js';
import type { AuthToken, ExecuteWorkflowRequestDTO } from './dto.js';
import { processInstanceDto } from './instance-dto.js';
import { abortRun, retriggerRun } from './instance-actions.js';
import { searchInstances } from './instance-search.js';
import { statusList } from './instance-status.js';
import { inputSchemaOf } from './input-schema.js';
import { ENTITY_OVERVIEW_BODY, EXECUTE_BODY, RETRIGGER_BODY } from './request-schemas.js';
import { startRun } from './start-run.js';
import { entityOverviews, lastRunOf, listOverviews, overviewOf } from './workflow-overviews.js';

type WorkflowParams = { Params: { workflowId: string } };
type InstanceParams = { Params: { instanceId: string } };

/** Every history entry of an instance (paged reads). */
async function fullHistory(ctx: AppContext, id: string): Promise<StoredHistoryEntry[]> {
  const out: StoredHistoryEntry[] = [];
  for (let after = 0; ; ) {
    const page = await ctx.runtime.history(id, after, 5000);
    out.push(...page);
    if (page.length < 5000) return out;
    after = page[page.length - 1]!.seq;
  }
}

/** The id recorded as the initiator of runs `p` starts. */
export function initiatorFor(p: Caller): string {
  return p.type === 'user' ? p.userEntityRef : SYSTEM_INITIATOR;
}

export async function registerOrchestratorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const caller = (req: FastifyRequest): Caller => requireAuthenticated(req);
  await app.register(
    async (r) => {
      // Before body validation, so that an anonymous caller gets 401 whatever it sent.
      r.addHook('preValidation', async (req) => void requireAuthenticated(req));
      r.post('/workflows/overview', async (req) => listOverviews(ctx, caller(req), req.body));

      r.post<{ Body: { targetEntity?: string; annotationWorkflowIds?: string[] } }>('/workflows/overview/entity', { schema: { body: ENTITY_OVERVIEW_BODY } }, async (req) =>
        entityOverviews(ctx, caller(req), req.body ?? {}),
      );

      r.get<WorkflowParams>('/workflows/:workflowId/overview', async (req) => {
        const p = caller(req);
        const entry = requireWorkflow(ctx, p, req.params.workflowId, 'read');
        return overviewOf(entry, await lastRunOf(ctx, p, entry.id));
      });

      r.get<WorkflowParams>('/workflows/:workflowId/source', async (req, reply) => {
        const entry = requireWorkflow(ctx, caller(req), req.params.workflowId, 'read');
        return reply.type('text/plain; charset=utf-8').send(entry.source);
      });

      r.get<WorkflowParams & { Querystring: { instanceId?: string } }>('/workflows/:workflowId/inputSchema', async (req) => {
        const p = caller(req);
        const entry = requireWorkflow(ctx, p, req.params.workflowId, 'read');
        return inputSchemaOf(ctx, p, entry, req.query.instanceId || undefined);
      });

      r.get<WorkflowParams>('/workflows/:workflowId/pingWorkflowService', async (req, reply) => {
        const entry = requireWorkflow(ctx, caller(req), req.params.workflowId, 'read');
        return reply.type('application/json').send(JSON.stringify(entry.available));
      });

      r.post('/workflows/instances', async (req) => searchInstances(ctx, caller(req), req.body));

      r.get('/workflows/instances/statuses', async (req) => {
        caller(req);
        return statusList();
      });

      r.get<InstanceParams>('/workflows/instances/:instanceId', async (req) => {
        const p = caller(req);
        const { state, summary } = await requireInstance(ctx, p, req.params.instanceId, 'read');
        const history = await fullHistory(ctx, state.id);
        return processInstanceDto(state, { workflows: ctx.workflows, baseUrl: ctx.baseUrl(), history, ...(summary.initiator !== undefined ? { recordedInitiator: summary.initiator } : {}) });
      });

      r.delete<InstanceParams>('/workflows/instances/:instanceId/abort', async (req, reply) => {
        const { state } = await abortRun(ctx, caller(req), req.params.instanceId);
        return reply.type('text/plain; charset=utf-8').send(`Workflow instance ${state.id} successfully aborted`);
      });

      r.post<WorkflowParams>('/workflows/:workflowId/instances', async (req) => {
        const p = caller(req);
        const entry = requireWorkflow(ctx, p, req.params.workflowId, 'read');
        return searchInstances(ctx, p, req.body, entry.id);
      });

      r.post<WorkflowParams & { Body: ExecuteWorkflowRequestDTO }>('/workflows/:workflowId/execute', { schema: { body: EXECUTE_BODY } }, async (req) => {
        const p = caller(req);
        const entry = requireWorkflow(ctx, p, req.params.workflowId, 'use');
        const body = req.body;
        const initiator = initiatorFor(p);
        const variables: Record<string, Json> = { initiatorEntity: initiator, ...(body.targetEntity !== undefined ? { targetEntity: body.targetEntity } : {}) };
        const id = await startRun(ctx, {
          workflowId: entry.id,
          input: body.inputData ?? {},
          initiator,
          variables,
          credentials: credentialHeaders(p, req.headers.authorization, body.authTokens),
          inputPointer: '/inputData',
        });
        return { id };
      });

      r.post<{ Params: { workflowId: string; instanceId: string }; Body: { authTokens?: AuthToken[] } | undefined }>(
        '/workflows/:workflowId/:instanceId/retrigger',
        { schema: { body: RETRIGGER_BODY } },
        async (req) => {
          const p = caller(req);
          requireWorkflow(ctx, p, req.params.workflowId, 'use');
          await retriggerRun(ctx, p, req.params.instanceId, req.params.workflowId, credentialHeaders(p, req.headers.authorization, req.body?.authTokens));
          return {};
        },
      );
    },
    { prefix: '/api/orchestrator/v2' },
  );
}
