/**
 * Every error code the engine (and the packages on top of it) raises. `docs/errors.md` lists each
 * one; a test checks that.
 */
export const ENGINE_ERROR_CODES = {
  /** A definition failed to load or validate; `issues` says where. */
  DEFINITION_INVALID: 'DEFINITION_INVALID',
  /** Workflow input does not match `dataInputSchema`. */
  INPUT_INVALID: 'INPUT_INVALID',
  /** Workflow output does not match the `workflow-output-schema` extension's schema. */
  OUTPUT_INVALID: 'OUTPUT_INVALID',
  /** A jq expression failed while the workflow ran. */
  EXPRESSION_FAILED: 'EXPRESSION_FAILED',
  /** A function call failed without an HTTP status (network, invoker error). */
  FUNCTION_FAILED: 'FUNCTION_FAILED',
  /** A timer-based limit expired (`stateExecTimeout`, `actionExecTimeout`, `branchExecTimeout`, `eventTimeout` with a handler). */
  TIMED_OUT: 'TimedOut',
  /** `workflowExecTimeout` expired. */
  WORKFLOW_TIMED_OUT: 'WORKFLOW_TIMED_OUT',
  /** A state's `metadata.errorMessage` produced a message when the run ended there. */
  END_ERROR_MESSAGE: 'END_ERROR_MESSAGE',
  /** A subflow ended in error. */
  SUBFLOW_FAILED: 'SUBFLOW_FAILED',
  /** `foreach.inputCollection` did not give an array. */
  NOT_A_COLLECTION: 'NOT_A_COLLECTION',
  /** A function's configuration (base URL, credentials) is missing or unusable. */
  CONFIG_MISSING: 'CONFIG_MISSING',
  /** The run looped through more than 10,000 states without waiting (one step). */
  LOOP_LIMIT: 'LOOP_LIMIT',
  /** An engine bug; the run ends faulted with the message instead of hanging. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** The run was cancelled (by a user, or because its parent ended). */
  CANCELLED: 'CANCELLED',
  /** No invoker is registered for a function's type. */
  INVOKER_NOT_FOUND: 'INVOKER_NOT_FOUND',
  /** An invoker was registered twice for the same key. */
  INVOKER_CONFLICT: 'INVOKER_CONFLICT',
  /** No workflow with that id is known. */
  WORKFLOW_NOT_FOUND: 'WORKFLOW_NOT_FOUND',
  /** No instance with that id is known. */
  INSTANCE_NOT_FOUND: 'INSTANCE_NOT_FOUND',
  /** The operation does not fit the instance's status (e.g. sending an event to a finished run). */
  INSTANCE_CONFLICT: 'INSTANCE_CONFLICT',
  /** A worker tried to commit a step for an instance whose lease it no longer holds. */
  LEASE_LOST: 'LEASE_LOST',
  /** A store operation failed; `transient` says whether retrying may help. */
  STORE_FAILED: 'STORE_FAILED',
  /** A persisted instance was written by a newer engine, or replay met a different step. */
  DETERMINISM_VIOLATION: 'DETERMINISM_VIOLATION',
} as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[keyof typeof ENGINE_ERROR_CODES];
