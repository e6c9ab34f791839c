/**
 * The result contract of Orchestrator workflows (`workflowdata.result`: message, outputs,
 * nextWorkflows, completedWith), read defensively: workflows write it with expressions, so any
 * part may be missing or of the wrong type.
 */

export interface RunOutput {
  readonly key: string;
  readonly value: string;
  readonly format: 'text' | 'number' | 'link' | 'markdown';
}

export interface RunResult {
  readonly completedWith?: 'success' | 'warning' | 'error';
  readonly message?: string;
  readonly outputs: readonly RunOutput[];
  readonly nextWorkflows: readonly { readonly id: string; readonly name: string }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `workflowdata.result` of a run, or undefined when it has none. */
export function resultOf(workflowdata: unknown): RunResult | undefined {
  const r = isObj(workflowdata) ? workflowdata.result : undefined;
  if (!isObj(r)) return undefined;
  const outputs: RunOutput[] = [];
  for (const o of Array.isArray(r.outputs) ? r.outputs : []) {
    if (!isObj(o) || typeof o.key !== 'string') continue;
    const value = typeof o.value === 'string' ? o.value : o.value === undefined || o.value === null ? '' : typeof o.value === 'object' ? JSON.stringify(o.value) : String(o.value);
    const format = o.format === 'link' || o.format === 'markdown' || o.format === 'number' ? o.format : 'text';
    outputs.push({ key: o.key, value, format });
  }
  const nextWorkflows = (Array.isArray(r.nextWorkflows) ? r.nextWorkflows : []).flatMap((w) =>
    isObj(w) && typeof w.id === 'string' ? [{ id: w.id, name: typeof w.name === 'string' && w.name ? w.name : w.id }] : [],
  );
  const cw = r.completedWith;
  return {
    ...(cw === 'success' || cw === 'warning' || cw === 'error' ? { completedWith: cw } : {}),
    ...(typeof r.message === 'string' && r.message.trim() ? { message: r.message } : {}),
    outputs,
    nextWorkflows,
  };
}

/** True for an http(s) URL (anything else is shown as text, never as a link). */
export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
