/**
 * @module @sluice/engine
 * A durable Serverless Workflow 0.8 runtime with SonataFlow's semantics: loader and validator,
 * a pure step interpreter, and a runtime that carries out its commands through ports.
 */
export type * from './model/definition.js';
export type { ArgTemplate, DurationSpec, Expr, TargetPath } from './model/expression.js';
export type { Json, JsonObject } from './model/json.js';
export { isObject } from './model/json.js';
export type { Clock, IdSource } from './ports/clock.js';
export type { ConfigSource } from './ports/config.js';
export type { InvokeRequest, InvokeResult, Invoker, Logger, LogLevel } from './ports/invoker.js';
export type { ResourceReader } from './ports/resources.js';
export type { CredentialSource, RuntimeObserver } from './ports/observer.js';
export { ENGINE_ERROR_CODES } from './errors/codes.js';
export type { EngineErrorCode } from './errors/codes.js';
export { WorkflowError, toWorkflowError } from './errors/workflow-error.js';
export type { ErrorInfo } from './errors/workflow-error.js';
export { DefinitionError, formatIssue } from './errors/definition-error.js';
export type { DefinitionIssue } from './errors/definition-error.js';
export { parseDuration, formatDuration } from './expr/duration.js';
export { evalNowSeconds, withEvalTime } from './expr/eval-time.js';
export { buildSecretVariable, buildSecretsVariable } from './expr/secrets.js';
export type { CloudEvent } from './interpret/cloud-event.js';
export { triggers } from './interpret/commands.js';
export type { CallOutcome, Command, HistoryEntry, Trigger } from './interpret/commands.js';
export { SEMANTICS_VERSION } from './interpret/instance-state.js';
export type { InstanceState, InstanceStatus, PendingCall, PendingTimer, Thread } from './interpret/instance-state.js';
export { newInstance, step } from './interpret/step.js';
export type { StepResult } from './interpret/step.js';
export type { StepEnv } from './interpret/step-context.js';
export { mergeAt, mergeResult } from './interpret/merge.js';
export type {
  ClaimedInstance,
  CommitOptions,
  InboxEntry,
  InstanceMeta,
  InstancePage,
  InstanceQuery,
  InstanceStore,
  InstanceSummary,
  OutboxEntry,
  StoredHistoryEntry,
} from './ports/instance-store.js';
export { decodeCursor, encodeCursor, isFinished, summarize, wakeAt } from './runtime/store-rules.js';
export type { EventSink, WorkflowCatalog, WorkflowRegistration } from './ports/workflows.js';
export type { Scheduler } from './ports/scheduler.js';
export { MemoryCatalog } from './runtime/catalog.js';
export { Runtime } from './runtime/runtime.js';
export type { RuntimeOptions, StartOptions } from './runtime/runtime.js';
export { checkSchema } from './runtime/schema-check.js';
export type { SchemaViolation } from './runtime/schema-check.js';
export { MemoryInstanceStore } from './testing/memory-instance-store.js';
export { SequentialIds, SimulatedClock } from './testing/simulated-clock.js';
export { createConfig } from './load/create-config.js';
export { parseProperties } from './load/properties.js';
export type { LoadResult, Position, SourceDocument } from './load/document.js';
export { BUILTIN_INVOKERS, DEFAULT_ITERATION_PARAM, checkInvokers, configKeyOf, invokerKey, normalize } from './load/normalize/index.js';
export type { CheckInvokersOptions } from './load/normalize/index.js';
export { DEFINITION_ISSUE_CODES } from './validate/semantic-codes.js';
export type { DefinitionIssueCode } from './validate/semantic-codes.js';
export { loadWorkflow, loadWorkflowFromText } from './load/load-workflow.js';
export { parseSource } from './load/source-document.js';
export { loadInline } from './testing/load-inline.js';
