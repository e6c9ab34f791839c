/**
 * Retrigger and abort for the Orchestrator and SonataFlow routes. Both need `use` on the workflow and
 * an instance the caller may see. Retrigger resumes a run in ERROR from where it failed, with its
 * data unchanged (as upstream); credentials given with it are added to the run's (same names replaced).
 */
import type { AppContext } from '../app/context.js';
import { requireInstance, type Caller, type VisibleInstance } from './access.js';

/** Retriggers; the engine refuses (409) a run that is not in ERROR or cannot be resumed. */
export async function retriggerRun(ctx: AppContext, p: Caller, instanceId: string, workflowId: string, credentials?: Record<string, string>): Promise<VisibleInstance> {
  const found = await requireInstance(ctx, p, instanceId, 'use', workflowId);
  if (credentials && Object.keys(credentials).length > 0) ctx.credentials.set(instanceId, { ...ctx.credentials.get(instanceId), ...credentials });
  await ctx.runtime.retrigger(instanceId);
  return found;
}

/** Aborts; the engine refuses (409) a run that has already ended. */
export async function abortRun(ctx: AppContext, p: Caller, instanceId: string, workflowId?: string): Promise<VisibleInstance> {
  const found = await requireInstance(ctx, p, instanceId, 'use', workflowId);
  await ctx.runtime.cancel(instanceId, 'aborted');
  return found;
}
