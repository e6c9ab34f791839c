/**
 * What a scaffolder action is and what its handler receives (Backstage `TemplateAction` and
 * `ActionContext`, without the backend services; the server adds actions that need them).
 */
import type { JsonObject, TaskUser } from '../template/template-types.js';

/** A JSON Schema object. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Lines an action logs; each becomes a task log event for its step. */
export interface ActionLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** What a handler gets. */
export interface ActionContext<TInput = Record<string, unknown>> {
  /** The rendered input, already validated against `schema.input`. */
  readonly input: TInput;
  /** The task's workspace directory (a temp dir per task). */
  readonly workspacePath: string;
  /** The template's directory on disk, when it has one (relative fetch `url`s resolve here). */
  readonly templateBaseDir?: string;
  /** The template's base URL (`file:` or http(s)), Backstage `templateInfo.baseUrl`. */
  readonly templateBaseUrl?: string;
  readonly logger: ActionLogger;
  /** Sets `steps.<id>.output.<name>` (with `each`, values of all iterations are collected in an array). */
  output(name: string, value: unknown): void;
  /** Fires when the task is cancelled. */
  readonly signal: AbortSignal;
  readonly isDryRun: boolean;
  readonly user?: TaskUser;
  readonly secrets: Readonly<Record<string, string>>;
  readonly taskId: string;
  readonly stepId: string;
  /** `each.key`/`each.value` when the step iterates. */
  readonly each?: { readonly key: string; readonly value: unknown };
  /** A fresh directory for scratch files, removed with the workspace. */
  createTemporaryDirectory(): Promise<string>;
}

/** A usage example shown by `GET /v2/actions`. */
export interface ActionExample {
  readonly description: string;
  /** YAML of a step using the action. */
  readonly example: string;
}

/** An action: an id, schemas, and a handler. */
export interface TemplateAction<TInput = Record<string, unknown>> {
  /** `namespace:name`, e.g. `fetch:template`. */
  readonly id: string;
  readonly description?: string;
  readonly examples?: readonly ActionExample[];
  /** True when the handler honours `isDryRun`; other actions are skipped in dry runs. */
  readonly supportsDryRun?: boolean;
  readonly schema?: { readonly input?: JsonSchema; readonly output?: JsonSchema };
  handler(ctx: ActionContext<TInput>): Promise<void>;
}

/** What `GET /v2/actions` lists per action. */
export interface ActionDescription {
  readonly id: string;
  readonly description?: string;
  readonly examples?: readonly ActionExample[];
  readonly schema: { readonly input?: JsonSchema; readonly output?: JsonSchema };
}

/** Identity helper that keeps the input type with the action. */
export function createTemplateAction<TInput = JsonObject>(action: TemplateAction<TInput>): TemplateAction<TInput> {
  return action;
}
