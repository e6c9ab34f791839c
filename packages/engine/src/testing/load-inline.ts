/** Loads a definition given as an object (tests, benchmarks): throws with every issue when it is invalid. */
import { formatIssue } from '../errors/definition-error.js';
import { loadWorkflowFromText } from '../load/load-workflow.js';
import type { WorkflowDef } from '../model/definition.js';

const noFiles = { read: async () => undefined };

/**
 * The loaded definition of `definition` (it may name no resource files).
 *
 * @example const def = await loadInline({ id: 'x', specVersion: '0.8', start: 'A', states: [...] });
 */
export async function loadInline(definition: object, file = 'inline.sw.json'): Promise<WorkflowDef> {
  const r = await loadWorkflowFromText({ file, text: JSON.stringify(definition), reader: noFiles });
  if (!r.value) throw new Error(`invalid definition:\n${r.issues.map(formatIssue).join('\n')}`);
  return r.value;
}
