/**
 * The durable task worker: the host invoker of the internal workflow `sluice.scaffolder-task`. The
 * runtime calls it (under the instance's lease) with a task id; it marks the task `processing`,
 * runs its steps with `runTask`, writes every event, heartbeats `last_heartbeat_at`, and stores the
 * end state. A task found `processing` was interrupted (a crash or a graceful shutdown): it gets a
 * `recovered` event and starts over. Cancel: a local abort, or (from another replica) a `cancelled`
 * event seen at the next heartbeat. On shutdown running tasks are aborted without an end state and
 * the call fails with `SCAFFOLDER_INTERRUPTED`, which the workflow retries on the next worker.
 */
import { WorkflowError, type InvokeRequest, type InvokeResult, type Invoker } from '@sluice/engine';
import { runTask, type ActionRegistry, type TemplaterOptions } from '@sluice/scaffolder';
import { INTERRUPTED_CODE, TASK_INVOKER_KEY } from './task-workflow.js';
import { FINAL_STATUSES, type TaskStore } from './task-store.js';
import type { TaskSecrets } from './task-secrets.js';

export interface TaskWorkerOptions {
  readonly store: TaskStore;
  readonly registry: ActionRegistry;
  readonly secrets: TaskSecrets;
  /** Task workspaces are created (and removed) under this directory. */
  readonly workspaceRoot: string;
  /** Between heartbeats (and checks for a cancel from another replica). Default 1 s. */
  readonly heartbeatMs?: number;
  readonly templating?: TemplaterOptions;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

interface Running {
  readonly controller: AbortController;
  interrupted: boolean;
}

export class TaskWorker implements Invoker {
  readonly key = TASK_INVOKER_KEY;
  private readonly running = new Map<string, Running>();

  constructor(private readonly o: TaskWorkerOptions) {}

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const taskId = String((req.args as { taskId?: unknown } | null)?.taskId ?? '');
    const task = await this.o.store.get(taskId);
    if (!task || FINAL_STATUSES.includes(task.status)) return { body: { taskId, status: task?.status ?? 'missing' } };
    if (task.status === 'processing') {
      await this.o.store.appendEvent(taskId, 'recovered', { message: 'The task was interrupted and starts over' });
    }
    if (!(await this.o.store.transition(taskId, ['open', 'processing'], 'processing'))) {
      return { body: { taskId, status: (await this.o.store.get(taskId))?.status ?? 'missing' } };
    }
    const entry: Running = { controller: new AbortController(), interrupted: false };
    this.running.set(taskId, entry);
    // The runtime aborts the call when this worker lost the lease: another worker runs the task now.
    const onLost = (): void => this.interrupt(entry);
    req.signal.addEventListener('abort', onLost, { once: true });
    const beat = setInterval(() => void this.beat(taskId, entry), this.o.heartbeatMs ?? 1000);
    beat.unref();
    try {
      const result = await runTask({
        spec: task.spec,
        secrets: this.o.secrets.get(taskId) ?? {},
        registry: this.o.registry,
        workspaceRoot: this.o.workspaceRoot,
        taskId,
        signal: entry.controller.signal,
        ...(this.o.templating ? { templating: this.o.templating } : {}),
        onEvent: async (e) => {
          if (!entry.interrupted) await this.o.store.appendEvent(taskId, e.type, { ...e.body });
        },
      });
      if (entry.interrupted) throw interrupted(taskId);
      await this.o.store.transition(taskId, ['processing'], result.status, {
        ...(result.status === 'completed' ? { output: result.output } : {}),
        ...(result.error ? { error: { name: result.error.name, message: result.error.message } } : {}),
      });
      this.o.secrets.delete(taskId);
      return { body: { taskId, status: result.status } };
    } catch (err) {
      if (entry.interrupted) throw interrupted(taskId);
      const error = { name: 'Error', message: err instanceof Error ? err.message : String(err) };
      this.o.log('error', `scaffolder task ${taskId} failed: ${error.message}`);
      await this.o.store.appendEvent(taskId, 'completion', { message: 'Run completed with status: failed', status: 'failed', error });
      await this.o.store.transition(taskId, ['processing'], 'failed', { error });
      this.o.secrets.delete(taskId);
      return { body: { taskId, status: 'failed' } };
    } finally {
      clearInterval(beat);
      req.signal.removeEventListener('abort', onLost);
      this.running.delete(taskId);
    }
  }

  /** Aborts a task running here; false when it does not run here. */
  cancel(taskId: string): boolean {
    const entry = this.running.get(taskId);
    if (!entry) return false;
    entry.controller.abort(new Error('cancelled'));
    return true;
  }

  /** Stops every task running here without ending it (shutdown): the next worker starts them over. */
  interruptAll(): void {
    for (const entry of this.running.values()) this.interrupt(entry);
  }

  /** How many tasks run here now. */
  get size(): number {
    return this.running.size;
  }

  private interrupt(entry: Running): void {
    entry.interrupted = true;
    entry.controller.abort(new Error('interrupted'));
  }

  private async beat(taskId: string, entry: Running): Promise<void> {
    try {
      await this.o.store.heartbeat(taskId);
      if (!entry.controller.signal.aborted && (await this.o.store.cancelRequested(taskId))) entry.controller.abort(new Error('cancelled'));
    } catch (err) {
      this.o.log('warn', `heartbeat of scaffolder task ${taskId} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function interrupted(taskId: string): WorkflowError {
  return new WorkflowError({ code: INTERRUPTED_CODE, message: `scaffolder task ${taskId} was interrupted; it starts over`, retryable: true });
}
