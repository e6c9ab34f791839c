/**
 * The scaffolder as the routes see it: create a task from a template ref (values checked against
 * the template's parameters), read and list tasks, cancel, dry-run. A created task is stored `open`
 * and started at once as an instance of the internal workflow `sluice.scaffolder-task`, whose
 * worker moves it to `processing` as soon as the runtime runs it.
 */
import { randomUUID } from 'node:crypto';
import type { Runtime } from '@sluice/engine';
import {
  parseTemplate,
  runTask,
  taskSpecFromTemplate,
  validateValues,
  type ActionRegistry,
  type JsonObject,
  type SerializedFile,
  type TaskRunResult,
  type TaskUser,
  type ValuesValidationError,
} from '@sluice/scaffolder';
import type { EntityCatalog } from '../catalog/entity-catalog.js';
import { badRequest, notFound } from '../http/http-error.js';
import type { TaskSecrets } from './task-secrets.js';
import type { StoredTask, TaskStore } from './task-store.js';
import type { TaskWorker } from './task-worker.js';
import { TASK_WORKFLOW_ID } from './task-workflow.js';
import type { TemplateLibrary } from './template-library.js';

export interface ScaffolderServiceOptions {
  readonly store: TaskStore;
  readonly runtime: Runtime;
  readonly templates: TemplateLibrary;
  readonly registry: ActionRegistry;
  readonly worker: TaskWorker;
  readonly secrets: TaskSecrets;
  readonly catalog: EntityCatalog;
  readonly workspaceRoot: string;
}

export type CreateTaskResult = { readonly id: string } | { readonly errors: readonly ValuesValidationError[] };

export class ScaffolderService {
  constructor(readonly o: ScaffolderServiceOptions) {}

  get registry(): ActionRegistry {
    return this.o.registry;
  }

  get templates(): TemplateLibrary {
    return this.o.templates;
  }

  /** Creates and starts a task; `errors` when the values do not match the template's parameters. */
  async create(req: { templateRef: string; values: JsonObject; secrets?: Record<string, string>; userRef?: string }): Promise<CreateTaskResult> {
    const loaded = this.o.templates.get(req.templateRef);
    if (!loaded) throw notFound(`no template ${req.templateRef}`);
    const errors = validateValues(loaded.template, req.values);
    if (errors.length > 0) return { errors };
    const user = await this.userOf(req.userRef);
    const spec = taskSpecFromTemplate(loaded.template, req.values, { ...(user ? { user } : {}), ...(loaded.baseUrl ? { baseUrl: loaded.baseUrl } : {}) });
    const id = randomUUID();
    await this.o.store.create({ id, spec, templateRef: spec.templateInfo!.entityRef, ...(req.userRef ? { createdBy: req.userRef } : {}) });
    if (req.secrets) this.o.secrets.set(id, req.secrets);
    const instanceId = await this.o.runtime.start(TASK_WORKFLOW_ID, { taskId: id }, { businessKey: id, ...(req.userRef ? { initiator: req.userRef } : {}) });
    await this.o.store.setInstance(id, instanceId);
    return { id };
  }

  get(id: string): Promise<StoredTask | undefined> {
    return this.o.store.get(id);
  }

  /**
   * Cancels a task: an `open` one ends `cancelled` at once; a `processing` one gets a `cancelled`
   * event and its running action is aborted (here, or on the replica running it at its next heartbeat).
   */
  async cancel(task: StoredTask): Promise<void> {
    if (task.status === 'open' && (await this.o.store.transition(task.id, ['open'], 'cancelled', { error: cancelledError() }))) {
      await this.o.store.appendEvent(task.id, 'cancelled', { message: 'The task was cancelled' });
      await this.o.store.appendEvent(task.id, 'completion', { message: 'Run completed with status: cancelled', status: 'cancelled', error: cancelledError() });
      this.o.secrets.delete(task.id);
      if (task.instanceId) await this.o.runtime.cancel(task.instanceId).catch(() => undefined);
      return;
    }
    if (task.status !== 'processing') return;
    await this.o.store.appendEvent(task.id, 'cancelled', { message: 'The task was cancelled' });
    this.o.worker.cancel(task.id);
  }

  /** Backstage's dry run: the template's steps with actions in dry-run mode, in a throw-away workspace. */
  async dryRun(req: { template: unknown; values: JsonObject; secrets?: Record<string, string>; directoryContents: SerializedFile[]; userRef?: string }): Promise<TaskRunResult> {
    let template;
    try {
      template = parseTemplate('dry-run template', JSON.stringify(req.template), { knownActions: this.o.registry.list().map((a) => a.id) }).template;
    } catch (err) {
      throw badRequest(err instanceof Error ? err.message : String(err));
    }
    const user = await this.userOf(req.userRef);
    return runTask({
      template,
      values: req.values,
      ...(req.secrets ? { secrets: req.secrets } : {}),
      ...(user ? { user } : {}),
      registry: this.o.registry,
      workspaceRoot: this.o.workspaceRoot,
      templateDirectoryContents: req.directoryContents,
      dryRun: true,
    });
  }

  private async userOf(ref: string | undefined): Promise<TaskUser | undefined> {
    if (!ref) return undefined;
    const entity = await this.o.catalog.get(ref);
    return { ref, ...(entity ? { entity: entity as unknown as JsonObject } : {}) };
  }
}

function cancelledError(): { name: string; message: string } {
  return { name: 'CancelledError', message: 'The task was cancelled' };
}
