/**
 * Resolving a `rest` function's `<uri>#<operationId>` against its OpenAPI document (spec 0.8 §6.1;
 * SonataFlow config keys per checklist §18.4, strategy FILE_NAME).
 */
import { isObject, type JsonObject } from '../../model/json.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation found in an OpenAPI document. */
export interface FoundOperation {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template as written under `paths`. */
  readonly path: string;
}

/**
 * The configuration key SonataFlow derives from a spec URI: its last path segment with every
 * character outside `[A-Za-z0-9]` replaced by `_`.
 *
 * @example configKeyOf('specs/gitlab-openapi.yaml') === 'gitlab_openapi_yaml'
 */
export function configKeyOf(uri: string): string {
  const noQuery = uri.replace(/[?#].*$/, '');
  const segments = noQuery.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1] ?? noQuery;
  return last.replace(/[^A-Za-z0-9]/g, '_');
}

/** Finds `operationId` by walking `paths.*.<method>.operationId`; `undefined` when absent. */
export function findOperation(document: JsonObject, operationId: string): FoundOperation | undefined {
  for (const op of operations(document)) if (op.operationId === operationId) return op;
  return undefined;
}

/** Every operationId in the document, in document order. */
export function listOperationIds(document: JsonObject): string[] {
  return operations(document).map((o) => o.operationId);
}

/** True when the document has a `paths` object. */
export function hasPaths(document: JsonObject): boolean {
  return isObject(document['paths']);
}

function operations(document: JsonObject): (FoundOperation & { operationId: string })[] {
  const out: (FoundOperation & { operationId: string })[] = [];
  const paths = document['paths'];
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (isObject(op) && typeof op['operationId'] === 'string') {
        out.push({ method: m.toUpperCase(), path, operationId: op['operationId'] });
      }
    }
  }
  return out;
}
