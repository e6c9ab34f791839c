// The Backstage scaffolder's task endpoints the seed workflow calls: create a task from a template
// (`POST /api/scaffolder/v2/tasks`) and read it (`GET .../tasks/:taskId`), with scripted statuses.
import type { FakeReply, FakeRoute, RouteContext } from '../http/fake-server.js';
import { backstageError, principalOf, rejectMalformedJson, type BackstageTokenConfig } from './backstage-http.js';
import { normalizeEntityRef } from './entity-ref.js';
import type { TemplateCatalog } from './scaffolder-templates.js';

/** Task statuses Backstage reports (`skipped` is, strictly, a step status). */
export type TaskStatus = 'open' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'skipped';

/** A task as the fake stores it. `secrets` are kept but never served. */
export interface ScaffolderTask {
  id: string;
  templateRef: string;
  values: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  status: TaskStatus;
  createdAt: string;
  lastHeartbeatAt?: string;
  createdBy?: string;
  /** Statuses served on successive reads; the last one repeats. */
  script: TaskStatus[];
  /** How many times the task has been read with GET. */
  reads: number;
}

/** What the scaffolder routes need from the fake. @internal */
export interface ScaffolderContext {
  tokens: readonly BackstageTokenConfig[];
  templates: TemplateCatalog;
  tasks: Map<string, ScaffolderTask>;
  /** Status script for the next task of a template (normalized ref), else `defaultScript`. */
  templateScripts: Map<string, TaskStatus[]>;
  defaultScript: TaskStatus[];
  now: () => Date;
  newId: () => string;
}

/**
 * The task routes. Decisions where the reference leaves room: a malformed `templateRef` or one of
 * another kind is a 400 `InputError`; an unknown template is a 404 `NotFoundError` (the catalog
 * lookup fails); values that fail a parameter page are 400 `{ errors }`. @internal
 */
export function scaffolderRoutes(context: ScaffolderContext): FakeRoute[] {
  return [
    { method: 'POST', path: '/api/scaffolder/v2/tasks', handle: (route) => createTask(context, route) },
    { method: 'GET', path: '/api/scaffolder/v2/tasks/{taskId}', handle: (route) => readTask(context, route) },
  ];
}

function createTask(context: ScaffolderContext, { request }: RouteContext): FakeReply {
  const malformed = rejectMalformedJson(request);
  if (malformed) return malformed;
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  const rawRef = body['templateRef'];
  const ref = typeof rawRef === 'string' ? normalizeEntityRef(rawRef, 'template') : undefined;
  if (ref === undefined) return backstageError(400, 'InputError', `Invalid templateRef ${JSON.stringify(rawRef ?? null)}`, request);
  if (!ref.startsWith('template:')) return backstageError(400, 'InputError', "Invalid kind, only 'Template' kind is supported", request);
  if (!context.templates.get(ref)) return backstageError(404, 'NotFoundError', `Template ${ref} not found`, request);
  const values = body['values'] ?? {};
  const errors = context.templates.validate(ref, values);
  if (errors.length > 0) return { status: 400, body: { errors } };
  const principal = principalOf(request, context.tokens);
  const task: ScaffolderTask = {
    id: context.newId(),
    templateRef: ref,
    values: structuredClone(values) as Record<string, unknown>,
    status: 'open',
    createdAt: context.now().toISOString(),
    script: [...(context.templateScripts.get(ref) ?? context.defaultScript)],
    reads: 0,
  };
  if (typeof body['secrets'] === 'object' && body['secrets'] !== null) task.secrets = structuredClone(body['secrets']) as Record<string, unknown>;
  if (principal?.type === 'user') task.createdBy = principal.userEntityRef;
  context.tasks.set(task.id, task);
  return { status: 201, body: { id: task.id } };
}

function readTask(context: ScaffolderContext, { request, params }: RouteContext): FakeReply {
  const task = context.tasks.get(params['taskId'] ?? '');
  if (!task) return backstageError(404, 'NotFoundError', `Task with id ${params['taskId'] ?? ''} does not exist`, request);
  advance(task, context.now());
  return { status: 200, body: serializeTask(task, context) };
}

/** Moves a task to the status its script gives for this read; a running task gets a heartbeat. */
function advance(task: ScaffolderTask, now: Date): void {
  task.reads += 1;
  const next = task.script[Math.min(task.reads, task.script.length) - 1];
  if (next === undefined) return;
  const running = next === 'processing' || (task.lastHeartbeatAt === undefined && next !== 'open');
  task.status = next;
  if (running) task.lastHeartbeatAt = now.toISOString();
}

/**
 * The task as `GET /v2/tasks/:taskId` serializes it (SerializedTask; secrets removed). The spec's
 * Task schema also lists `templateRef`, `values` and `logs`, which Backstage does not send: the
 * ref is `spec.templateInfo.entityRef`, the values are `spec.parameters`, logs come from `/events`.
 */
function serializeTask(task: ScaffolderTask, context: ScaffolderContext): Record<string, unknown> {
  const template = context.templates.get(task.templateRef);
  const name = task.templateRef.slice(task.templateRef.indexOf('/') + 1);
  return {
    id: task.id,
    spec: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      steps: structuredClone(template?.steps ?? []),
      output: structuredClone(template?.output ?? {}),
      parameters: structuredClone(task.values),
      user: task.createdBy === undefined ? {} : { ref: task.createdBy },
      templateInfo: { entityRef: task.templateRef, entity: { metadata: { name, ...(template?.title ? { title: template.title } : {}) } } },
    },
    status: task.status,
    createdAt: task.createdAt,
    ...(task.lastHeartbeatAt === undefined ? {} : { lastHeartbeatAt: task.lastHeartbeatAt }),
    ...(task.createdBy === undefined ? {} : { createdBy: task.createdBy }),
  };
}
