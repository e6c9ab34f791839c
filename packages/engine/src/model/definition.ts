/**
 * The normalized, loaded form of a Serverless Workflow 0.8 definition. The loader builds it from the
 * raw JSON/YAML after validation; the interpreter reads only this shape. Type-only file.
 */
import type { ArgTemplate, DurationSpec, Expr, TargetPath } from './expression.js';
import type { Json, JsonObject } from './json.js';

/** A loaded, validated workflow definition. Immutable. */
export interface WorkflowDef {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly specVersion: string;
  readonly description?: string;
  readonly annotations: readonly string[];
  readonly metadata: Readonly<Record<string, Json>>;
  /** Name of the first state (spec default: the first state in `states`). */
  readonly start: string;
  readonly keepActive: boolean;
  readonly autoRetries: boolean;
  /** `$CONST`. */
  readonly constants: Json;
  /** Names listed in `secrets` (the `$SECRETS` object exposes exactly these). */
  readonly secretNames: readonly string[];
  readonly dataInputSchema?: SchemaRef;
  /** From the `workflow-output-schema` extension. */
  readonly outputSchema?: SchemaRef;
  readonly timeouts: Timeouts;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly events: ReadonlyMap<string, EventDef>;
  readonly errors: ReadonlyMap<string, ErrorDef>;
  readonly retries: ReadonlyMap<string, RetryDef>;
  readonly states: ReadonlyMap<string, StateDef>;
  /** Where it was loaded from (a path as the host named it) and the raw definition object. */
  readonly source: { readonly file: string; readonly raw: JsonObject };
}

/** A JSON Schema resolved at load time. */
export interface SchemaRef {
  readonly uri: string;
  readonly schema: JsonObject;
  readonly failOnValidationErrors: boolean;
}

/** Timeouts, at workflow, state or branch level (spec 0.8 §Workflow Timeouts). */
export interface Timeouts {
  readonly workflowExecTimeout?: {
    readonly duration: DurationSpec;
    readonly interrupt: boolean;
    readonly runBefore?: string;
  };
  readonly stateExecTimeout?: { readonly single?: DurationSpec; readonly total: DurationSpec };
  readonly actionExecTimeout?: DurationSpec;
  readonly branchExecTimeout?: DurationSpec;
  readonly eventTimeout?: DurationSpec;
}

export type FunctionType = 'rest' | 'asyncapi' | 'rpc' | 'graphql' | 'odata' | 'expression' | 'custom';

/** A function definition. `invoker` names the registered invoker that runs it. */
export interface FunctionDef {
  readonly name: string;
  readonly type: FunctionType;
  readonly operation: string;
  /**
   * Invoker key: `rest` (OpenAPI), `expression` (built in), `custom:<kind>` for custom operations
   * (`custom:sysout`, `custom:rest`), or the type name for the other spec types.
   */
  readonly invoker: string;
  /** For `expression` functions. */
  readonly expr?: Expr;
  /** For `rest` functions: the OpenAPI document and operation, resolved at load time. */
  readonly openapi?: OpenApiOperationRef;
  readonly metadata: Readonly<Record<string, Json>>;
  readonly pointer: string;
}

/** An OpenAPI operation named by `<spec uri>#<operationId>`. */
export interface OpenApiOperationRef {
  /** The URI as written (`specs/gitlab-openapi.yaml`) or the alias from `workflow-uri-definitions`. */
  readonly uri: string;
  /** Configuration key: the file name with every character outside `[A-Za-z0-9]` turned into `_`. */
  readonly configKey: string;
  readonly operationId: string;
  /** Upper-case HTTP method and the path template as in the document (`/api/v4/projects/{id}`). */
  readonly method: string;
  readonly path: string;
  /** The whole OpenAPI document (parsed JSON/YAML, `$ref`s not resolved). */
  readonly document: JsonObject;
}

export interface EventDef {
  readonly name: string;
  readonly source?: string;
  readonly type: string;
  readonly kind: 'consumed' | 'produced';
  readonly correlation: readonly { readonly contextAttributeName: string; readonly contextAttributeValue?: string }[];
  readonly dataOnly: boolean;
  readonly metadata: Readonly<Record<string, Json>>;
}

export interface ErrorDef {
  readonly name: string;
  readonly code?: string;
  readonly description?: string;
}

/** Retry policy (spec 0.8 §Retry Definition). Durations in milliseconds. */
export interface RetryDef {
  readonly name: string;
  readonly delayMs: number;
  /** Total attempts including the first; `Infinity` when unbounded. */
  readonly maxAttempts: number;
  readonly maxDelayMs?: number;
  readonly incrementMs: number;
  readonly multiplier: number;
  /** Jitter: a fraction of the delay (0..1) or a fixed duration in ms. */
  readonly jitter?: { readonly fraction: number } | { readonly ms: number };
}

export interface ProduceEventDef {
  readonly eventRef: string;
  readonly data?: ArgTemplate;
  readonly contextAttributes: Readonly<Record<string, string>>;
}

export interface TransitionDef {
  readonly nextState: string;
  readonly compensate: boolean;
  readonly produceEvents: readonly ProduceEventDef[];
}

export interface EndDef {
  readonly terminate: boolean;
  readonly compensate: boolean;
  readonly produceEvents: readonly ProduceEventDef[];
  readonly continueAs?: {
    readonly workflowId: string;
    readonly version?: string;
    readonly data?: ArgTemplate;
  };
}

/** Where control goes after a state, a condition or an error handler: exactly one is set. */
export interface Exit {
  readonly transition?: TransitionDef;
  readonly end?: EndDef;
}

export interface OnErrorDef extends Exit {
  /** Error names this handler catches (from `errorRef` or `errorRefs`). */
  readonly errorRefs: readonly string[];
}

export interface ActionDataFilter {
  readonly fromStateData?: Expr;
  readonly results?: Expr;
  readonly toStateData?: TargetPath;
  readonly useResults: boolean;
}

export interface EventDataFilter {
  readonly data?: Expr;
  readonly toStateData?: TargetPath;
  readonly useData: boolean;
}

export interface ActionDef {
  readonly name?: string;
  readonly id?: string;
  readonly pointer: string;
  readonly functionRef?: {
    readonly refName: string;
    readonly arguments?: ArgTemplate;
    readonly selectionSet?: string;
    readonly invoke: 'sync' | 'async';
  };
  readonly eventRef?: {
    readonly triggerEventRef: string;
    readonly resultEventRef?: string;
    readonly resultEventTimeout?: DurationSpec;
    readonly data?: ArgTemplate;
    readonly contextAttributes: Readonly<Record<string, string>>;
    readonly invoke: 'sync' | 'async';
  };
  readonly subFlowRef?: {
    readonly workflowId: string;
    readonly version?: string;
    readonly invoke: 'sync' | 'async';
    readonly onParentComplete: 'terminate' | 'continue';
  };
  readonly actionDataFilter: ActionDataFilter;
  readonly sleep?: { readonly before?: DurationSpec; readonly after?: DurationSpec };
  readonly condition?: Expr;
  readonly retryRef?: string;
  readonly retryableErrors?: readonly string[];
  readonly nonRetryableErrors?: readonly string[];
}

interface StateCommon extends Exit {
  readonly name: string;
  readonly pointer: string;
  readonly stateDataFilter?: { readonly input?: Expr; readonly output?: Expr };
  readonly onErrors: readonly OnErrorDef[];
  readonly timeouts: Timeouts;
  readonly compensatedBy?: string;
  readonly usedForCompensation: boolean;
  readonly metadata: Readonly<Record<string, Json>>;
  /** SonataFlow `metadata.errorMessage` on an end state: a non-empty result fails the instance. */
  readonly errorMessage?: ArgTemplate;
}

export interface OperationState extends StateCommon {
  readonly type: 'operation';
  readonly actionMode: 'sequential' | 'parallel';
  readonly actions: readonly ActionDef[];
}

export interface DataCondition extends Exit {
  readonly name?: string;
  readonly condition: Expr;
}

export interface EventCondition extends Exit {
  readonly name?: string;
  readonly eventRef: string;
  readonly eventDataFilter: EventDataFilter;
}

export interface SwitchState extends StateCommon {
  readonly type: 'switch';
  readonly dataConditions: readonly DataCondition[];
  readonly eventConditions: readonly EventCondition[];
  readonly defaultCondition: Exit;
}

export interface SleepState extends StateCommon {
  readonly type: 'sleep';
  readonly duration: DurationSpec;
}

export interface InjectState extends StateCommon {
  readonly type: 'inject';
  readonly data: Json;
}

export interface OnEventsDef {
  readonly eventRefs: readonly string[];
  readonly actionMode: 'sequential' | 'parallel';
  readonly actions: readonly ActionDef[];
  readonly eventDataFilter: EventDataFilter;
}

export interface EventState extends StateCommon {
  readonly type: 'event';
  readonly exclusive: boolean;
  readonly onEvents: readonly OnEventsDef[];
}

export interface CallbackState extends StateCommon {
  readonly type: 'callback';
  readonly action: ActionDef;
  readonly eventRef: string;
  readonly eventDataFilter: EventDataFilter;
}

export interface BranchDef {
  readonly name: string;
  readonly actions: readonly ActionDef[];
  readonly timeouts: Timeouts;
}

export interface ParallelState extends StateCommon {
  readonly type: 'parallel';
  readonly branches: readonly BranchDef[];
  readonly completionType: 'allOf' | 'atLeast';
  readonly numCompleted?: number | Expr;
}

export interface ForEachState extends StateCommon {
  readonly type: 'foreach';
  readonly inputCollection: Expr;
  readonly outputCollection?: TargetPath;
  readonly iterationParam: string;
  readonly batchSize?: number | Expr;
  readonly mode: 'parallel' | 'sequential';
  readonly actions: readonly ActionDef[];
}

export type StateDef =
  | OperationState
  | SwitchState
  | SleepState
  | InjectState
  | EventState
  | CallbackState
  | ParallelState
  | ForEachState;

export type StateType = StateDef['type'];
