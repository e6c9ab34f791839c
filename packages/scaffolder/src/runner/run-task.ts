/**
 * Runs a task's steps in order, as Backstage's NunjucksWorkflowRunner does: per step, `if` (falsy or
 * an empty array skips it), `each` (one run per entry with `each.key`/`each.value`), input rendered
 * and validated, the action called with an AbortSignal, outputs collected into `steps.<id>.output`;
 * then `spec.output` rendered. Events go to `onEvent` in order; the result says how it ended.
 *
 * A failing step ends the run `failed`. Aborting `signal` fires the running action's signal and
 * ends the run `cancelled` without waiting for an action that ignores it. In a dry run actions get
 * `isDryRun`, actions without `supportsDryRun` are skipped (their outputs made up from the output
 * schema), and the workspace's files come back as `directoryContents`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionRegistry } from '../actions/action-registry.js';
import type { ActionLogger, TemplateAction } from '../actions/template-action.js';
import { ScaffolderError, serializeError } from '../errors/scaffolder-error.js';
import { readDirectoryContents, writeDirectoryContents, type SerializedFile } from '../fs/directory-contents.js';
import type { JsonObject, TaskSpecV1beta3, TaskUser, TemplateEntityV1beta3, TemplateStep } from '../template/template-types.js';
import { renderValue } from '../templating/render-value.js';
import { createTemplater, type TemplaterOptions } from '../templating/templater.js';
import { exampleOutput } from './example-output.js';
import { completionEvent, logEvent, type SerializedTaskError, type TaskEvent, type TaskStatus } from './task-events.js';

/** What to run and with what. Give either `spec`, or `template` and `values`. */
export interface RunTaskOptions {
  readonly spec?: TaskSpecV1beta3;
  readonly template?: TemplateEntityV1beta3;
  readonly values?: JsonObject;
  readonly secrets?: Readonly<Record<string, string>>;
  readonly user?: TaskUser;
  readonly registry: ActionRegistry;
  /** The task's workspace is created under this directory and removed after the run. */
  readonly workspaceRoot: string;
  /** Defaults to a random UUID; `context.task.id` in templates. */
  readonly taskId?: string;
  /** Where relative fetch URLs resolve; defaults to the spec's `templateInfo.baseUrl`. */
  readonly templateBaseDir?: string;
  readonly templateBaseUrl?: string;
  /** Dry run: template files to use as the template directory (Backstage's dry-run `directoryContents`). */
  readonly templateDirectoryContents?: readonly SerializedFile[];
  readonly signal?: AbortSignal;
  readonly dryRun?: boolean;
  /** Called for each event, in order (awaited); if it rejects, `runTask` rejects with that error. */
  readonly onEvent?: (event: TaskEvent) => void | Promise<void>;
  /** Extra filters and globals for `${{ }}`. */
  readonly templating?: TemplaterOptions;
  /** Keep the workspace directory after the run (its path is in the result). */
  readonly keepWorkspace?: boolean;
  /** Stamps steps' start and end times. */
  readonly clock?: { now(): Date };
}

/** How one step ended. */
export interface StepResult {
  readonly id: string;
  readonly name: string;
  readonly action: string;
  readonly status: TaskStatus;
  readonly output: Record<string, unknown>;
  readonly error?: SerializedTaskError;
  readonly startedAt?: string;
  readonly endedAt?: string;
}

/** How the run ended. */
export interface TaskRunResult {
  readonly taskId: string;
  readonly status: 'completed' | 'failed' | 'cancelled';
  /** The rendered `spec.output` (empty unless completed). */
  readonly output: Record<string, unknown>;
  readonly error?: SerializedTaskError;
  readonly steps: readonly StepResult[];
  /** Every event emitted, in order. */
  readonly log: readonly TaskEvent[];
  /** Set when `keepWorkspace` is. */
  readonly workspacePath?: string;
  /** Dry runs: the workspace's files. */
  readonly directoryContents?: readonly SerializedFile[];
}

/** The task spec for running `template` with `values`. */
export function taskSpecFromTemplate(
  template: TemplateEntityV1beta3,
  values: JsonObject,
  opts: { user?: TaskUser; baseUrl?: string } = {},
): TaskSpecV1beta3 {
  const namespace = template.metadata.namespace ?? 'default';
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    parameters: values,
    steps: template.spec.steps,
    output: template.spec.output ?? {},
    ...(opts.user ? { user: opts.user } : {}),
    templateInfo: {
      entityRef: `template:${namespace}/${template.metadata.name}`,
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      entity: { metadata: template.metadata },
    },
  };
}

/**
 * Runs a task to its end; never throws for a failing step (see `status`), only for bad options or a
 * failing `onEvent`.
 *
 * @example
 * const result = await runTask({ template, values, registry, workspaceRoot: '/tmp/ws', templateBaseDir });
 * result.status; // 'completed'
 */
export async function runTask(opts: RunTaskOptions): Promise<TaskRunResult> {
  const spec = resolveSpec(opts);
  const taskId = opts.taskId ?? randomUUID();
  const secrets = opts.secrets ?? {};
  const signal = opts.signal ?? new AbortController().signal;
  const templater = createTemplater(opts.templating);
  const now = (): string | undefined => opts.clock?.now().toISOString();
  const log: TaskEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  const emit = (event: TaskEvent): void => {
    log.push(event);
    if (!opts.onEvent) return;
    chain = chain.then(() => opts.onEvent?.(event));
    // Handled here so a failing callback is not an unhandled rejection before the next `await chain`.
    chain.catch(() => undefined);
  };
  const redact = secretRedactor(secrets);

  await mkdir(opts.workspaceRoot, { recursive: true });
  const workspacePath = await mkdtemp(join(opts.workspaceRoot, `${safeName(taskId)}-`));
  let templateBaseDir = opts.templateBaseDir;
  if (opts.templateDirectoryContents) {
    templateBaseDir = await mkdtemp(join(opts.workspaceRoot, `${safeName(taskId)}-template-`));
    await writeDirectoryContents(templateBaseDir, opts.templateDirectoryContents);
  }
  const templateBaseUrl = opts.templateBaseUrl ?? spec.templateInfo?.baseUrl;

  const stepOutputs: Record<string, { output: Record<string, unknown> }> = {};
  const context: Record<string, unknown> = {
    parameters: spec.parameters,
    steps: stepOutputs,
    secrets,
    user: spec.user ?? opts.user ?? {},
    context: { task: { id: taskId } },
  };
  const results: StepResult[] = spec.steps.map((s) => ({ id: s.id, name: s.name ?? s.id, action: s.action, status: 'open', output: {} }));

  let status: 'completed' | 'failed' | 'cancelled' = 'completed';
  let error: SerializedTaskError | undefined;
  try {
    for (const [index, step] of spec.steps.entries()) {
      const name = step.name ?? step.id;
      const startedAt = now();
      const finish = (s: TaskStatus, extra: Partial<StepResult> = {}): void => {
        const endedAt = now();
        results[index] = { ...results[index]!, status: s, ...(startedAt ? { startedAt } : {}), ...(endedAt ? { endedAt } : {}), ...extra };
      };
      if (signal.aborted) {
        status = 'cancelled';
        break;
      }
      emit(logEvent({ message: `Beginning step ${name}`, stepId: step.id, status: 'processing' }));
      try {
        const outcome = await runStep(step, {
          registry: opts.registry,
          context,
          templater,
          signal,
          dryRun: opts.dryRun ?? false,
          workspacePath,
          templateBaseDir,
          templateBaseUrl,
          secrets,
          user: spec.user ?? opts.user,
          taskId,
          log: (message) => emit(logEvent({ message: redact(message), stepId: step.id })),
        });
        if (outcome === 'skipped') {
          emit(logEvent({ message: `Skipping step ${step.id} because its if condition was false`, stepId: step.id, status: 'skipped' }));
          finish('skipped');
        } else {
          stepOutputs[step.id] = { output: outcome.output };
          emit(logEvent({ message: `Finished step ${name}`, stepId: step.id, status: 'completed' }));
          finish('completed', { output: outcome.output });
        }
      } catch (err) {
        const e = signal.aborted ? cancelledError() : serializeError(err);
        e.message = redact(e.message);
        if (signal.aborted) {
          status = 'cancelled';
          emit(logEvent({ message: `Step ${name} was cancelled`, stepId: step.id, status: 'cancelled' }));
          finish('cancelled', { error: e });
        } else {
          status = 'failed';
          emit(logEvent({ message: e.message, stepId: step.id, status: 'failed' }));
          finish('failed', { error: e });
        }
        error = e;
        break;
      }
      await chain;
    }
    if (status === 'completed' && signal.aborted) status = 'cancelled';
    if (status === 'cancelled' && !error) error = cancelledError();

    let output: Record<string, unknown> = {};
    if (status === 'completed') {
      try {
        output = (renderValue(spec.output ?? {}, context, templater) ?? {}) as Record<string, unknown>;
      } catch (err) {
        status = 'failed';
        error = serializeError(err);
      }
    }
    const directoryContents = opts.dryRun ? await readDirectoryContents(workspacePath) : undefined;
    emit(completionEvent(status, status === 'completed' ? { output } : error ? { error } : {}));
    await chain;
    return {
      taskId,
      status,
      output,
      ...(error ? { error } : {}),
      steps: results,
      log,
      ...(opts.keepWorkspace ? { workspacePath } : {}),
      ...(directoryContents ? { directoryContents } : {}),
    };
  } finally {
    if (!opts.keepWorkspace) await rm(workspacePath, { recursive: true, force: true });
    if (opts.templateDirectoryContents && templateBaseDir) await rm(templateBaseDir, { recursive: true, force: true });
  }
}

interface StepEnv {
  readonly registry: ActionRegistry;
  readonly context: Record<string, unknown>;
  readonly templater: ReturnType<typeof createTemplater>;
  readonly signal: AbortSignal;
  readonly dryRun: boolean;
  readonly workspacePath: string;
  readonly templateBaseDir?: string;
  readonly templateBaseUrl?: string;
  readonly secrets: Readonly<Record<string, string>>;
  readonly user?: TaskUser;
  readonly taskId: string;
  readonly log: (message: string) => void;
}

async function runStep(step: TemplateStep, env: StepEnv): Promise<'skipped' | { output: Record<string, unknown> }> {
  if (step.if !== undefined) {
    const condition = renderValue(step.if, env.context, env.templater);
    if (!isTruthy(condition)) return 'skipped';
  }
  const action = env.registry.get(step.action);
  const iterations: ({ key: string; value: unknown } | undefined)[] = [];
  if (step.each !== undefined) {
    const each = renderValue(step.each, env.context, env.templater);
    if (each === null || typeof each !== 'object') {
      throw new ScaffolderError('INPUT_INVALID', `Invalid value on action ${step.action}.each parameter, "${String(each)}" cannot be iterated`);
    }
    for (const [key, value] of Object.entries(each)) iterations.push({ key, value });
  } else {
    iterations.push(undefined);
  }

  const output: Record<string, unknown> = {};
  if (env.dryRun && !action.supportsDryRun) {
    env.log(`Skipping because ${action.id} does not support dry-run`);
    const example = exampleOutput(action.schema?.output);
    for (const [k, v] of Object.entries(example)) output[k] = step.each !== undefined ? iterations.map(() => v) : v;
    return { output };
  }

  for (const each of iterations) {
    if (env.signal.aborted) throw cancelledError();
    const context = each ? { ...env.context, each } : env.context;
    const input = (renderValue(step.input ?? {}, context, env.templater) ?? {}) as Record<string, unknown>;
    if (each) env.log(`Running step each: ${JSON.stringify(each)}`);
    env.registry.validateInput(action.id, input);
    await callAction(action, {
      input,
      workspacePath: env.workspacePath,
      ...(env.templateBaseDir !== undefined ? { templateBaseDir: env.templateBaseDir } : {}),
      ...(env.templateBaseUrl !== undefined ? { templateBaseUrl: env.templateBaseUrl } : {}),
      logger: stepLogger(env.log),
      output(name: string, value: unknown) {
        if (each) {
          const list = (Array.isArray(output[name]) ? output[name] : []) as unknown[];
          list.push(value);
          output[name] = list;
        } else {
          output[name] = value;
        }
      },
      isDryRun: env.dryRun,
      ...(env.user !== undefined ? { user: env.user } : {}),
      secrets: env.secrets,
      taskId: env.taskId,
      stepId: step.id,
      ...(each ? { each } : {}),
      async createTemporaryDirectory() {
        return mkdtemp(join(env.workspacePath, '.tmp-'));
      },
    }, env.signal);
  }
  return { output };
}

/** Calls the handler with a signal linked to the task's; settles early when the task is aborted. */
async function callAction(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  action: TemplateAction<any>,
  ctx: Omit<Parameters<TemplateAction['handler']>[0], 'signal'>,
  taskSignal: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(taskSignal.reason);
  taskSignal.addEventListener('abort', onAbort, { once: true });
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(cancelledError());
    controller.signal.addEventListener('abort', () => stop?.(), { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const running = Promise.resolve().then(() => action.handler({ ...ctx, signal: controller.signal }));
    running.catch(() => undefined);
    await Promise.race([running, aborted]);
  } finally {
    stop = undefined;
    taskSignal.removeEventListener('abort', onAbort);
  }
}

function stepLogger(log: (message: string) => void): ActionLogger {
  return {
    info: log,
    debug: log,
    warn: (m) => log(`warning: ${m}`),
    error: (m) => log(`error: ${m}`),
  };
}

function resolveSpec(opts: RunTaskOptions): TaskSpecV1beta3 {
  if (opts.spec) return opts.spec;
  if (opts.template) return taskSpecFromTemplate(opts.template, opts.values ?? {}, opts.user ? { user: opts.user } : {});
  throw new ScaffolderError('INPUT_INVALID', 'runTask needs a spec or a template');
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function cancelledError(): { name: string; message: string; code: string } {
  return { name: 'CancelledError', message: 'The task was cancelled', code: 'CANCELLED' };
}

/** Replaces secret values in log text with `***`, longest first. */
function secretRedactor(secrets: Readonly<Record<string, string>>): (text: string) => string {
  const values = Object.values(secrets)
    .filter((v) => typeof v === 'string' && v.length >= 3)
    .sort((a, b) => b.length - a.length);
  return (text) => values.reduce((t, v) => t.split(v).join('***'), text);
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || 'task';
}
