/**
 * The shapes of a `scaffolder.backstage.io/v1beta3` Template entity and of the task spec a run
 * executes (Backstage `TemplateEntityV1beta3` / `TaskSpecV1beta3`).
 */

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** One step of a template: an action call with templated input. */
export interface TemplateStep {
  readonly id: string;
  readonly name?: string;
  readonly action: string;
  readonly input?: JsonObject;
  /** `${{ }}` string or a literal; a falsy result (or an empty array) skips the step. */
  readonly if?: string | boolean;
  /** `${{ }}` giving an array or object; the step runs once per entry with `each.key`/`each.value`. */
  readonly each?: string | JsonValue[] | JsonObject;
  readonly 'backstage:permissions'?: JsonObject;
}

/** `spec.output`: links and text shown when the task completes (plus anything else, templated). */
export interface TemplateOutput {
  readonly links?: readonly { title?: string; url?: string; entityRef?: string; icon?: string }[];
  readonly text?: readonly { title?: string; content?: string; default?: boolean }[];
  readonly [key: string]: unknown;
}

/** A Template entity. */
export interface TemplateEntityV1beta3 {
  readonly apiVersion: 'scaffolder.backstage.io/v1beta3';
  readonly kind: 'Template';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly title?: string;
    readonly description?: string;
    readonly tags?: readonly string[];
    readonly annotations?: Readonly<Record<string, string>>;
    readonly labels?: Readonly<Record<string, string>>;
    readonly [key: string]: unknown;
  };
  readonly spec: {
    readonly owner?: string;
    readonly type: string;
    /** One JSON Schema (one page) or an array of pages. */
    readonly parameters?: JsonObject | readonly JsonObject[];
    readonly steps: readonly TemplateStep[];
    readonly output?: TemplateOutput;
    readonly [key: string]: unknown;
  };
}

/** The user a task runs for (`user.entity`, `user.ref` in templates). */
export interface TaskUser {
  readonly entity?: JsonObject;
  readonly ref?: string;
}

/** What a task runs: the template's steps and output with the user's values. */
export interface TaskSpecV1beta3 {
  readonly apiVersion: 'scaffolder.backstage.io/v1beta3';
  /** The values (what the wizard collected). */
  readonly parameters: JsonObject;
  readonly steps: readonly TemplateStep[];
  readonly output: TemplateOutput;
  readonly user?: TaskUser;
  readonly templateInfo?: {
    readonly entityRef: string;
    /** Where relative `url`s of fetch actions resolve: a `file:` URL of the template directory or an http(s) URL. */
    readonly baseUrl?: string;
    readonly entity?: { readonly metadata: TemplateEntityV1beta3['metadata'] };
  };
}

/** The parameter pages of a template as an array. */
export function parameterPages(template: TemplateEntityV1beta3): readonly JsonObject[] {
  const p = template.spec.parameters;
  if (p === undefined) return [];
  return Array.isArray(p) ? (p as readonly JsonObject[]) : [p as JsonObject];
}
