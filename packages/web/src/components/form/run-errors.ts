/**
 * Server errors from starting a run, in plain words: the message, and for a 400 each problem's
 * JSON pointer turned into the field's labels (`/inputData/recipients/0` → "Recipients › 1").
 */
import { ApiError, NetworkError } from '../../api/client';
import { deref, isObject, titleOf, type JsonSchema } from './json-schema';

export interface FieldProblem {
  /** The pointer inside the input data (`/recipients/0`), '' for the whole input. */
  readonly pointer: string;
  /** The field's labels along the pointer. */
  readonly labels: string[];
  readonly message: string;
}

export interface RunErrorDescription {
  readonly title: string;
  readonly message: string;
  readonly problems: FieldProblem[];
  /** Other details (e.g. why a workflow is unavailable), one line each. */
  readonly notes: string[];
}

/** The labels of the fields along `pointer` (JSON pointer into the input data). */
export function labelsAlong(schema: JsonSchema | undefined, pointer: string): string[] {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const labels: string[] = [];
  let node: JsonSchema | undefined = schema;
  for (const part of parts) {
    const s: JsonSchema | undefined = node && schema ? deref(node, schema) : undefined;
    if (s && isObject(s.properties) && isObject(s.properties[part])) {
      node = s.properties[part] as JsonSchema;
      labels.push(titleOf(deref(node, schema!), part));
    } else if (s && /^\d+$/.test(part) && isObject(s.items)) {
      node = s.items as JsonSchema;
      labels.push(String(Number(part) + 1));
    } else {
      node = undefined;
      labels.push(/^\d+$/.test(part) ? String(Number(part) + 1) : part);
    }
  }
  return labels;
}

const TITLES: Record<number, string> = {
  400: 'The server did not accept this input',
  401: 'You are signed out',
  403: 'You may not run this workflow',
  404: 'This workflow no longer exists',
  409: 'The run could not start',
  503: 'The workflow cannot run right now',
};

/** `error` (from POST execute) described against the input `schema`; `inputPrefix` is where the input sits in the request body. */
export function describeRunError(error: unknown, schema?: JsonSchema, inputPrefix = '/inputData'): RunErrorDescription {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    const unreachable = !(error instanceof NetworkError) && /fetch|network/i.test(message);
    return { title: 'The run could not start', message: unreachable ? `The server could not be reached (${message}).` : message, problems: [], notes: [] };
  }
  const title = TITLES[error.status] ?? (error.status >= 500 ? 'The server failed to start the run' : 'The run could not start');
  const problems: FieldProblem[] = [];
  const notes: string[] = [];
  const details = error.details;
  if (Array.isArray(details)) {
    for (const d of details) {
      if (!isObject(d) || typeof d.message !== 'string') continue;
      const raw = typeof d.pointer === 'string' ? d.pointer : '';
      const pointer = raw === inputPrefix ? '' : raw.startsWith(`${inputPrefix}/`) ? raw.slice(inputPrefix.length) : raw;
      problems.push({ pointer, labels: labelsAlong(schema, pointer), message: d.message });
    }
  } else if (isObject(details) && Array.isArray(details.problems)) {
    notes.push(...details.problems.filter((p): p is string => typeof p === 'string'));
  }
  return { title, message: error.message, problems, notes };
}
