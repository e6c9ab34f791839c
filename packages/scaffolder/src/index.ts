/**
 * @module @sluice/scaffolder
 * Backstage-compatible software templates (`scaffolder.backstage.io/v1beta3`): loading templates,
 * `${{ }}` templating with Backstage's filters, the action registry and the actions, and running a
 * task's steps. The HTTP task API and the durable task worker live in @sluice/server.
 */
export { SCAFFOLDER_ERROR_CODES, ScaffolderError, serializeError, type ScaffolderErrorCode } from './errors/scaffolder-error.js';
export { TemplateError, formatTemplateIssue, type TemplateIssue } from './errors/template-error.js';

export {
  parameterPages,
  type JsonObject,
  type JsonValue,
  type TaskSpecV1beta3,
  type TaskUser,
  type TemplateEntityV1beta3,
  type TemplateOutput,
  type TemplateStep,
} from './template/template-types.js';
export { parseTemplate, validateTemplateSource, type LoadedTemplate, type ParseTemplateOptions } from './template/parse-template.js';
export { loadTemplateFromDir } from './template/load-template-from-dir.js';
export { validateValues, type ValuesValidationError } from './template/validate-values.js';
export { parseYamlSource, type Position, type YamlSource } from './template/yaml-source.js';

export { createTemplater, type Templater, type TemplaterOptions } from './templating/templater.js';
export { renderValue, singleExpression, isTemplated } from './templating/render-value.js';
export {
  BUILTIN_FILTERS,
  parseEntityRef,
  parseRepoUrl,
  pick,
  projectSlug,
  type EntityName,
  type RepoSpec,
  type TemplateFilter,
} from './templating/filters.js';

export { ActionRegistry } from './actions/action-registry.js';
export {
  createTemplateAction,
  type ActionContext,
  type ActionDescription,
  type ActionExample,
  type ActionLogger,
  type JsonSchema,
  type TemplateAction,
} from './actions/template-action.js';
export { createDebugLogAction, type DebugLogInput } from './actions/debug-log-action.js';
export {
  createFetchPlainAction,
  createFetchPlainFileAction,
  type FetchActionOptions,
  type FetchPlainFileInput,
  type FetchPlainInput,
} from './actions/fetch-plain-action.js';
export { createFetchTemplateAction, type FetchTemplateInput, type FetchTemplateOptions } from './actions/fetch-template-action.js';
export { createFsDeleteAction, type FsDeleteInput } from './actions/fs-delete-action.js';
export { createBuiltinActions, createBuiltinRegistry, type BuiltinActionOptions } from './actions/builtin-actions.js';
export { createKubernetesApplyAction, type KubernetesApplyInput, type KubernetesApplyOptions } from './actions/kubernetes-apply-action.js';
export { resolveSafeChildPath } from './fs/safe-child-path.js';
export { readDirectoryContents, writeDirectoryContents, type SerializedFile } from './fs/directory-contents.js';

export {
  runTask,
  taskSpecFromTemplate,
  type RunTaskOptions,
  type StepResult,
  type TaskRunResult,
} from './runner/run-task.js';
export {
  completionEvent,
  logEvent,
  type SerializedTaskError,
  type TaskEvent,
  type TaskEventBody,
  type TaskStatus,
} from './runner/task-events.js';
