/**
 * The internal workflow `sluice.scaffolder-task` that makes scaffolder tasks durable: one operation
 * state calling the host function `sluice:scaffolder-task` (invoker key `custom:sluice`) with the
 * task id. The runtime claims the instance under a lease, so a task survives a restart (a call in
 * flight when a worker died is issued again = Backstage's `startOver` recovery) and replicas share
 * tasks. A worker that shuts down gracefully ends its runs with `SCAFFOLDER_INTERRUPTED`, which the
 * definition retries, so the next worker starts the task over.
 */
import { loadWorkflowFromText, type ConfigSource, type WorkflowCatalog, type WorkflowRegistration } from '@sluice/engine';

export const TASK_WORKFLOW_ID = 'sluice.scaffolder-task';
export const TASK_INVOKER_KEY = 'custom:sluice';
export const INTERRUPTED_CODE = 'SCAFFOLDER_INTERRUPTED';

const FUNCTION_NAME = 'runScaffolderTask';

const DEFINITION = {
  id: TASK_WORKFLOW_ID,
  version: '1',
  specVersion: '0.8',
  name: 'Scaffolder task (internal)',
  start: 'Run',
  errors: [{ name: 'interrupted', code: INTERRUPTED_CODE }],
  retries: [{ name: 'startOver', delay: 'PT0.5S', maxAttempts: 1000 }],
  // Loaded with a built-in invoker key, then routed to the host invoker (see below).
  functions: [{ name: FUNCTION_NAME, type: 'custom', operation: 'sysout:INFO' }],
  states: [
    {
      name: 'Run',
      type: 'operation',
      actions: [{ functionRef: { refName: FUNCTION_NAME, arguments: { taskId: '${ .taskId }' } }, retryRef: 'startOver', retryableErrors: ['interrupted'] }],
      end: true,
    },
  ],
};

const NO_CONFIG: ConfigSource = { get: () => undefined, keys: () => [] };

/** The registration of the internal workflow. */
export async function taskWorkflowRegistration(): Promise<WorkflowRegistration> {
  const r = await loadWorkflowFromText({ file: `${TASK_WORKFLOW_ID}.sw.json`, text: JSON.stringify(DEFINITION), reader: { read: async () => undefined } });
  if (!r.value) throw new Error(`internal workflow ${TASK_WORKFLOW_ID} is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  const fn = r.value.functions.get(FUNCTION_NAME)!;
  const functions = new Map(r.value.functions);
  functions.set(FUNCTION_NAME, { ...fn, operation: 'sluice:scaffolder-task', invoker: TASK_INVOKER_KEY });
  return { def: { ...r.value, functions }, config: NO_CONFIG };
}

/** `catalog` plus built-in registrations, which are found by id but not listed (they are internal). */
export function withBuiltinWorkflows(catalog: WorkflowCatalog, builtins: readonly WorkflowRegistration[]): WorkflowCatalog {
  const byId = new Map(builtins.map((b) => [b.def.id, b]));
  return {
    get: (id, version) => {
      const b = byId.get(id);
      if (b) return version === undefined || version === b.def.version ? b : undefined;
      return catalog.get(id, version);
    },
    list: () => catalog.list(),
  };
}
