/**
 * Who sees which scaffolder task, and how a task is shown. Users see (and cancel) their own tasks,
 * admins and services all of them. Compat mitigation for workflows like the seed workflow, which
 * poll `GET /v2/tasks/:id` until `completed` or `failed` and loop forever on anything else: a
 * cancelled task is reported as `failed` to service callers (static tokens, i.e. workflows), and as
 * `cancelled` (as Backstage does) to users. Events always say `cancelled`.
 */
import type { Principal, ServicePrincipal, UserPrincipal } from '../auth/principal.js';
import type { StoredTask } from './task-store.js';

/** True when `p` may read (and cancel) `task`. */
export function canAccessTask(p: UserPrincipal | ServicePrincipal, task: StoredTask): boolean {
  if (p.type === 'service' || p.isAdmin) return true;
  return task.createdBy === p.userEntityRef;
}

/** Backstage's `SerializedTask` for `p`. */
export function serializeTask(task: StoredTask, p: Principal): Record<string, unknown> {
  const status = task.status === 'cancelled' && p.type === 'service' ? 'failed' : task.status;
  return {
    id: task.id,
    spec: task.spec,
    status,
    createdAt: new Date(task.createdAt).toISOString(),
    lastHeartbeatAt: task.lastHeartbeatAt !== undefined ? new Date(task.lastHeartbeatAt).toISOString() : undefined,
    createdBy: task.createdBy ?? '',
    ...(task.output ? { output: task.output } : {}),
    ...(task.error ? { error: task.error } : {}),
  };
}
