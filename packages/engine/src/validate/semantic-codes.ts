/**
 * The issue codes the normalizer and the semantic checks report (`DefinitionIssue.code`). Codes never
 * change once released; docs/errors.md lists each one.
 */

/** Every code `normalize` can put into `LoadResult.issues`, with what it means. */
export const DEFINITION_ISSUE_CODES = {
  /** A value has a shape the 0.8 schema should have rejected (the normalizer never throws on it). */
  MALFORMED: 'MALFORMED',
  /** A resource file (functions, events, schema…) does not hold what its place expects. */
  RESOURCE_SHAPE: 'RESOURCE_SHAPE',
  /** A jq expression does not compile (filters, conditions, expression functions, `${ }` elsewhere). */
  JQ_COMPILE: 'JQ_COMPILE',
  /** Warning: a `${ }`-wrapped argument string does not compile, so it is passed on as literal text. */
  JQ_LITERAL: 'JQ_LITERAL',
  /** `toStateData` / `outputCollection` is not a dotted path like `.a.b`. */
  TARGET_PATH: 'TARGET_PATH',
  /** A duration is not ISO-8601, or uses months/years. */
  DURATION: 'DURATION',
  /** A numeric setting (maxAttempts, multiplier, jitter…) is not a usable number. */
  INVALID_VALUE: 'INVALID_VALUE',
  /** A `rest` function's `<uri>#<operationId>` does not name an operation in the OpenAPI document. */
  OPENAPI_OPERATION: 'OPENAPI_OPERATION',
  /** No built-in invoker runs this function type / custom kind. */
  UNSUPPORTED_FUNCTION_TYPE: 'UNSUPPORTED_FUNCTION_TYPE',
  /** `expressionLang` is not jq. */
  UNSUPPORTED_EXPRESSION_LANG: 'UNSUPPORTED_EXPRESSION_LANG',
  /** Warning: `start.schedule` is not run; instances start through the API or events. */
  SCHEDULE_IGNORED: 'SCHEDULE_IGNORED',
  /** Warning: top-level `auth` (for fetching remote resources) is not used. */
  AUTH_IGNORED: 'AUTH_IGNORED',
  /** A state type the engine does not know. */
  UNKNOWN_STATE_TYPE: 'UNKNOWN_STATE_TYPE',
  /** Two states, functions, events, errors or retries share a name. */
  DUPLICATE_NAME: 'DUPLICATE_NAME',
  /** A transition, `start`, `compensatedBy` or `runBefore` names no state. */
  UNKNOWN_STATE: 'UNKNOWN_STATE',
  /** A `functionRef` names no function. */
  UNKNOWN_FUNCTION: 'UNKNOWN_FUNCTION',
  /** An event reference names no event (or a callback state names none). */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** Warning: a produced event is waited for, or a consumed event is published. */
  EVENT_KIND: 'EVENT_KIND',
  /** `onErrors`, `retryableErrors` or `nonRetryableErrors` names no error definition. */
  UNKNOWN_ERROR: 'UNKNOWN_ERROR',
  /** A `retryRef` names no retry definition. */
  UNKNOWN_RETRY: 'UNKNOWN_RETRY',
  /** A switch state has both data and event conditions, or neither. */
  SWITCH_CONDITIONS: 'SWITCH_CONDITIONS',
  /** A state, condition or error handler has both `transition` and `end`, or neither. */
  TRANSITION_OR_END: 'TRANSITION_OR_END',
  /** An action has none of functionRef, eventRef, subFlowRef. */
  ACTION_REF: 'ACTION_REF',
  /** Warning: no path from `start` leads to this state. */
  UNREACHABLE_STATE: 'UNREACHABLE_STATE',
  /** No reachable state (or condition, or error handler) ends the workflow. */
  NO_END: 'NO_END',
  /** A compensation rule of spec §Workflow Compensation is broken. */
  COMPENSATION: 'COMPENSATION',
  /** A foreach `iterationParam` is not a usable jq variable name, or shadows a workflow variable. */
  FOREACH_PARAM: 'FOREACH_PARAM',
  /** A parallel state's `completionType`/`numCompleted` cannot be satisfied. */
  PARALLEL_COMPLETION: 'PARALLEL_COMPLETION',
  /** An event state has no `onEvents`, or an entry without `eventRefs`. */
  EVENT_STATE: 'EVENT_STATE',
  /** A callback state has no `action`. */
  CALLBACK_ACTION: 'CALLBACK_ACTION',
  /** A sleep state has no `duration`. */
  SLEEP_DURATION: 'SLEEP_DURATION',
} as const;

/** One of the definition issue codes. */
export type DefinitionIssueCode = (typeof DEFINITION_ISSUE_CODES)[keyof typeof DEFINITION_ISSUE_CODES];
