/**
 * Orchestrator permissions: read and use per workflow (`permissions.workflows` in sluice.yaml),
 * instances visible to their initiator and to admins, admin-only operations. Services (static
 * tokens) may do everything, as Backstage lets service-to-service calls through.
 */
import type { WorkflowGrant } from '../config/server-config.js';
import type { Principal } from './principal.js';

const EVERYONE: WorkflowGrant = { read: ['*'], use: ['*'] };

export class Permissions {
  constructor(private readonly grants: Readonly<Record<string, WorkflowGrant>>) {}

  /** May `p` see this workflow (overview, source, schema, its runs)? */
  canReadWorkflow(p: Principal, workflowId: string): boolean {
    return this.allowed(p, workflowId, 'read');
  }

  /** May `p` run, retrigger or abort runs of this workflow? */
  canUseWorkflow(p: Principal, workflowId: string): boolean {
    return this.allowed(p, workflowId, 'use');
  }

  /** May `p` see this instance? Its initiator may; admins and services see all. */
  canSeeInstance(p: Principal, initiator: string | undefined): boolean {
    if (p.type === 'service') return true;
    if (p.type !== 'user') return false;
    return p.isAdmin || (initiator !== undefined && initiator === p.userEntityRef);
  }

  isAdmin(p: Principal): boolean {
    return p.type === 'service' || (p.type === 'user' && p.isAdmin);
  }

  private allowed(p: Principal, workflowId: string, what: 'read' | 'use'): boolean {
    if (p.type === 'service') return true;
    if (p.type !== 'user') return false;
    if (p.isAdmin) return true;
    const grant = this.grants[workflowId] ?? this.grants['*'] ?? EVERYONE;
    const who = grant[what];
    return who.includes('*') || p.ownershipEntityRefs.some((r) => who.includes(r));
  }
}
