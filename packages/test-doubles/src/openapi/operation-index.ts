// Lists every operation of an OpenAPI document with its full path template, and finds the one a
// request addresses by method and path (or by operationId).
import { joinBasePath, matchPathTemplate, templateVariableCount } from '../http/path-template.js';
import { isNode, jsonPointer, type NamedOpenApiDocument, type OpenApiNode } from './openapi-document.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of one spec. @internal */
export interface SpecOperation {
  /** The spec's file name. */
  spec: string;
  /** The operationId, or `METHOD /path` when the spec gives none. */
  operationId: string;
  method: string;
  /** Path template including the server base path, e.g. `/api/v4/projects/{id}`. */
  pathTemplate: string;
  /** The operation object and its JSON pointer in the document. */
  node: OpenApiNode;
  pointer: string;
  /** The enclosing Path Item (for path-level parameters) and its pointer. */
  pathItem: OpenApiNode;
  pathItemPointer: string;
}

/** An operation matched to a request path, with the decoded path variables. @internal */
export interface OperationMatch {
  operation: SpecOperation;
  pathParams: Record<string, string>;
}

/**
 * Indexes the operations of a document. The base path comes from `servers[0].url` (its path part
 * when absolute; the seed specs all say `/`). @internal
 */
export function indexOperations(named: NamedOpenApiDocument): SpecOperation[] {
  const { document } = named;
  const base = serverBasePath(document.servers?.[0]?.url ?? '/');
  const operations: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!isNode(pathItem)) continue;
    for (const method of METHODS) {
      const node = pathItem[method];
      if (!isNode(node)) continue;
      const operationId = typeof node['operationId'] === 'string' ? node['operationId'] : `${method.toUpperCase()} ${path}`;
      operations.push({
        spec: named.name,
        operationId,
        method: method.toUpperCase(),
        pathTemplate: joinBasePath(base, path),
        node,
        pointer: jsonPointer(['paths', path, method]),
        pathItem,
        pathItemPointer: jsonPointer(['paths', path]),
      });
    }
  }
  return operations;
}

/**
 * Finds the operation for a method and raw path. Concrete templates win over templated ones
 * (OpenAPI 3.0, "Path Templating Matching"). @internal
 */
export function findOperation(operations: readonly SpecOperation[], method: string, path: string): OperationMatch | undefined {
  let best: OperationMatch | undefined;
  let bestScore = Infinity;
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const pathParams = matchPathTemplate(operation.pathTemplate, path);
    if (!pathParams) continue;
    const score = templateVariableCount(operation.pathTemplate);
    if (score < bestScore) {
      best = { operation, pathParams };
      bestScore = score;
    }
  }
  return best;
}

function serverBasePath(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return new URL(url).pathname;
  return url.startsWith('/') ? url : `/${url}`;
}
