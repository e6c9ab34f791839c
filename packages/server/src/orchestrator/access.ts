/**
 * Permission guards shared by the Orchestrator and SonataFlow routes: a workflow the caller may read
 * or use (404 unknown, 403 not allowed) and an instance the caller may see (its initiator, admins and
 * services) of such a workflow. Anonymous callers are turned away (401) before these run.
 */
import type { InstanceState, InstanceSummary } from '@sluice/engine';
import type { AppContext } from '../app/context.js';
import type { ServicePrincipal, UserPrincipal } from '../auth/principal.js';
import { forbidden, notFound } from '../http/http-error.js';
import type { WorkflowEntry } from '../workflows/workflow-registry.js';

export type Caller = UserPrincipal | ServicePrincipal;
export type Need = 'read' | 'use';

/**
 * Workflows Sluice runs for itself (scaffolder tasks: `sluice.scaffolder-task`) are not the
 * Orchestrator's: their instances are neither listed nor readable through its API.
 */
export function isInternalWorkflow(id: string): boolean {
  return id.startsWith('sluice.');
}

/** May `p` read (or use) the workflow `id`? */
export function allowed(ctx: AppContext, p: Caller, id: string, need: Need): boolean {
  if (isInternalWorkflow(id)) return false;
  return need === 'read' ? ctx.permissions.canReadWorkflow(p, id) : ctx.permissions.canUseWorkflow(p, id);
}

/** The catalogue entry of a workflow the caller may read (or use). */
export function requireWorkflow(ctx: AppContext, p: Caller, id: string, need: Need): WorkflowEntry {
  const entry = ctx.workflows.entry(id);
  if (!entry) throw notFound(`no workflow ${id}`);
  if (!allowed(ctx, p, id, need)) throw forbidden(`not allowed to ${need === 'read' ? 'read' : 'use'} workflow ${id}`);
  return entry;
}

export interface VisibleInstance {
  readonly state: InstanceState;
  readonly summary: InstanceSummary;
}

/**
 * An instance the caller may see, of a workflow they may read (or use); when `workflowId` is given
 * the instance must belong to it (else 404).
 */
export async function requireInstance(ctx: AppContext, p: Caller, instanceId: string, need: Need, workflowId?: string): Promise<VisibleInstance> {
  const [summary, state] = await Promise.all([ctx.runtime.summary(instanceId), ctx.runtime.get(instanceId)]);
  if (!summary || !state || isInternalWorkflow(state.workflowId) || (workflowId !== undefined && state.workflowId !== workflowId)) throw notFound(`no instance ${instanceId}`);
  if (!allowed(ctx, p, state.workflowId, need)) throw forbidden(`not allowed to ${need === 'read' ? 'read' : 'use'} workflow ${state.workflowId}`);
  if (!ctx.permissions.canSeeInstance(p, summary.initiator)) throw forbidden(`instance ${instanceId} was started by another user`);
  return { state, summary };
}

/** The initiator filter for the caller's instance lists: their own runs unless they are an admin. */
export function ownRunsOnly(ctx: AppContext, p: Caller): string | undefined {
  return ctx.permissions.isAdmin(p) || p.type !== 'user' ? undefined : p.userEntityRef;
}
