/**
 * SonataFlow (Kogito) endpoints for callers written against a workflow service: start a run
 * (`POST /{workflowId}[?businessKey=]` → 201 `{id, workflowdata}` + Location), process info
 * (`GET /management/processes[/{id}]`), abort (`DELETE …/instances/{iid}`), retrigger
 * (`POST …/instances/{iid}/retrigger`, 400 unless in error) and the error of a run
 * (`GET …/instances/{iid}/error` → `{id, failedNodeId, message}`, 400 unless in error).
 * Same rules as the Orchestrator API: signed-in callers only; reads need `read`, the rest `use`,
 * on the workflow; instances only for their initiator, admins and services. `POST /` is not here
 * (CloudEvents).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { badRequest } from '../http/http-error.js';
import { requireAuthenticated } from '../http/request-principal.js';
import { allowed, requireInstance, requireWorkflow, type Caller } from '../orchestrator/access.js';
import { forwardedAuthorizationHeaders } from '../orchestrator/credential-headers.js';
import { workflowDataOf } from '../orchestrator/instance-data.js';
import { abortRun, retriggerRun } from '../orchestrator/instance-actions.js';
import { startRun, unavailable } from '../orchestrator/start-run.js';
import { processInfo } from './process-info.js';
import { readStartBody } from './start-body.js';

type InstanceParams = { Params: { workflowId: string; instanceId: string } };

export async function registerSonataflowRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const caller = (req: FastifyRequest): Caller => requireAuthenticated(req);
  await app.register(async (r) => {
    r.addHook('preValidation', async (req) => void requireAuthenticated(req));

    r.get('/management/processes', async (req) => {
      const p = caller(req);
      return ctx.workflows.entriesList().filter((e) => e.available && allowed(ctx, p, e.id, 'read')).map((e) => e.id);
    });

    r.get<{ Params: { workflowId: string } }>('/management/processes/:workflowId', async (req) => {
      const entry = requireWorkflow(ctx, caller(req), req.params.workflowId, 'read');
      if (!entry.available || !entry.def) throw unavailable(ctx, entry.id, entry.problems);
      return processInfo(entry, entry.def);
    });

    r.delete<InstanceParams>('/management/processes/:workflowId/instances/:instanceId', async (req) => {
      const { state } = await abortRun(ctx, caller(req), req.params.instanceId, req.params.workflowId);
      return { id: state.id, workflowdata: workflowDataOf(state) ?? {} };
    });

    r.post<InstanceParams>('/management/processes/:workflowId/instances/:instanceId/retrigger', async (req) => {
      const p = caller(req);
      const { state } = await requireInstance(ctx, p, req.params.instanceId, 'use', req.params.workflowId);
      if (state.status !== 'faulted') throw badRequest(`process instance with id ${state.id} is not in error`);
      await retriggerRun(ctx, p, state.id, state.workflowId, forwardedAuthorizationHeaders(req.headers));
      return { id: state.id, workflowdata: workflowDataOf(state) ?? {} };
    });

    r.get<InstanceParams>('/management/processes/:workflowId/instances/:instanceId/error', async (req) => {
      const { state } = await requireInstance(ctx, caller(req), req.params.instanceId, 'read', req.params.workflowId);
      if (state.status !== 'faulted') throw badRequest(`process instance with id ${state.id} is not in error`);
      return { id: state.id, failedNodeId: state.error?.state ?? state.lastState ?? '', message: state.error?.message ?? '' };
    });

    r.post<{ Params: { workflowId: string }; Querystring: { businessKey?: string } }>('/:workflowId', async (req, reply) => {
      const p = caller(req);
      const entry = requireWorkflow(ctx, p, req.params.workflowId, 'use');
      const start = readStartBody(p, req.body, req.headers);
      const id = await startRun(ctx, {
        workflowId: entry.id,
        ...start,
        ...(req.query.businessKey ? { businessKey: req.query.businessKey } : {}),
        inputPointer: '/workflowdata',
      });
      return reply
        .status(201)
        .header('location', `${ctx.baseUrl()}/${encodeURIComponent(entry.id)}/${id}`)
        .send({ id, workflowdata: start.input });
    });
  });
}
