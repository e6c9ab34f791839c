/**
 * Builds the scaffolder for the composition root: the action registry (built-in actions, the
 * server's catalog and notification actions, and any `extraActions` such as `kubernetes:apply`),
 * the task store, the durable worker (the runtime's invoker for `sluice.scaffolder-task`), the
 * template library and the service the routes use. Register `worker` with the runtime's invokers
 * and `workflow` in its catalog (see task-workflow.ts), then call `templates.loadAll()`.
 */
import { join } from 'node:path';
import type { Runtime, WorkflowRegistration } from '@sluice/engine';
import { createBuiltinRegistry, type ActionRegistry, type TemplateAction } from '@sluice/scaffolder';
import type { EntityCatalog } from '../catalog/entity-catalog.js';
import type { ServerDb } from '../db/server-db.js';
import type { NotificationService } from '../notifications/notification-service.js';
import { createServerActions } from './actions/server-actions.js';
import { ScaffolderService } from './scaffolder-service.js';
import { TaskSecrets } from './task-secrets.js';
import { TaskStore } from './task-store.js';
import { TaskWorker } from './task-worker.js';
import { taskWorkflowRegistration } from './task-workflow.js';
import { TemplateLibrary } from './template-library.js';

export interface CreateScaffolderOptions {
  readonly db: ServerDb;
  readonly clock: { now(): number };
  readonly catalog: EntityCatalog;
  readonly notifications: NotificationService;
  /** The templates folder (one template per sub-folder). */
  readonly templatesFolder: string;
  readonly dataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly extraActions?: readonly TemplateAction<any>[];
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface Scaffolder {
  readonly registry: ActionRegistry;
  readonly worker: TaskWorker;
  readonly workflow: WorkflowRegistration;
  readonly templates: TemplateLibrary;
  /** The service, once the runtime exists. */
  service(runtime: Runtime): ScaffolderService;
}

export async function createScaffolder(o: CreateScaffolderOptions): Promise<Scaffolder> {
  const registry = createBuiltinRegistry();
  for (const a of createServerActions({ catalog: o.catalog, notifications: o.notifications })) registry.register(a);
  for (const a of o.extraActions ?? []) registry.register(a);
  const store = new TaskStore({ db: o.db, clock: o.clock });
  const secrets = new TaskSecrets();
  const workspaceRoot = join(o.dataDir, 'scaffolder', 'workspaces');
  const worker = new TaskWorker({ store, registry, secrets, workspaceRoot, log: o.log });
  const templates = new TemplateLibrary({
    folder: o.templatesFolder,
    importDir: join(o.dataDir, 'scaffolder', 'imported-templates'),
    catalog: o.catalog,
    knownActions: () => registry.list().map((a) => a.id),
  });
  return {
    registry,
    worker,
    workflow: await taskWorkflowRegistration(),
    templates,
    service: (runtime) => new ScaffolderService({ store, runtime, templates, registry, worker, secrets, catalog: o.catalog, workspaceRoot }),
  };
}
