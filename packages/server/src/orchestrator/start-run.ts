/**
 * Starting a run for the Orchestrator execute and the SonataFlow start endpoint: the instance id is
 * generated first so that the run's credentials are in the vault before its first step; the
 * initiator and process variables go with the instance. An unavailable workflow is refused with
 * 503 and its problems (its definition or configuration must be fixed first; nothing is stored);
 * input that fails `dataInputSchema` is a 400 whose details point into the request body. A server
 * with more work in progress than `limits.maxPendingWork` refuses new runs with 503 and Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowError, type Json } from '@sluice/engine';
import type { AppContext } from '../app/context.js';
import { HttpError, badRequest, notFound } from '../http/http-error.js';

export interface StartRunRequest {
  readonly workflowId: string;
  readonly input: Json;
  readonly initiator: string;
  readonly variables: Record<string, Json>;
  /** `X-Authorization-*` headers for the run's functions; kept in memory only. */
  readonly credentials: Record<string, string>;
  readonly businessKey?: string;
  /** Request headers for `$WORKFLOW.headers` (credentials already removed). */
  readonly headers?: Record<string, string>;
  /** Where the input sits in the request body (`/inputData`), for violation pointers. */
  readonly inputPointer: string;
}

/** Starts the run; resolves with its id once it is stored. */
export async function startRun(ctx: AppContext, r: StartRunRequest): Promise<string> {
  const entry = ctx.workflows.entry(r.workflowId);
  if (!entry) throw notFound(`no workflow ${r.workflowId}`);
  if (!entry.available) throw unavailable(ctx, r.workflowId, entry.problems);
  const { pending } = ctx.runtime.load();
  if (pending >= ctx.config.maxPendingWork) {
    throw new HttpError('ServiceUnavailableError', `busy: ${pending} steps and calls in progress here; retry shortly`, { retryAfterSeconds: 1 });
  }
  const id = randomUUID();
  ctx.credentials.set(id, r.credentials);
  try {
    await ctx.runtime.start(r.workflowId, r.input, {
      instanceId: id,
      initiator: r.initiator,
      variables: r.variables,
      ...(r.businessKey !== undefined ? { businessKey: r.businessKey } : {}),
      ...(r.headers ? { headers: r.headers } : {}),
    });
  } catch (err) {
    ctx.credentials.delete(id);
    throw inputError(err, r.inputPointer);
  }
  return id;
}

/** 503 for a workflow that is listed but cannot run, with its problems (paths relative to the workflows folder). */
export function unavailable(ctx: AppContext, workflowId: string, problems: readonly string[]): HttpError {
  const folder = `${ctx.config.workflows.replace(/\/+$/, '')}/`;
  const relative = problems.map((p) => p.split(folder).join(''));
  return new HttpError('ServiceUnavailableError', `workflow ${workflowId} is unavailable: ${relative.join('; ')}`, { problems: relative });
}

/** INPUT_INVALID as a 400 with the violations' pointers inside the request body; anything else unchanged. */
function inputError(err: unknown, inputPointer: string): unknown {
  if (!(err instanceof WorkflowError) || err.code !== 'INPUT_INVALID') return err;
  const violations = (err.details as { violations?: { pointer: string; message: string }[] } | undefined)?.violations ?? [];
  return badRequest(
    err.message,
    violations.map((v) => ({ pointer: `${inputPointer}${v.pointer === '/' ? '' : v.pointer}`, message: v.message })),
  );
}
