/** A tiny resolver for `$ref`s that point inside the same OpenAPI document (`#/components/...`). */
import { ENGINE_ERROR_CODES, WorkflowError, isObject, type Json, type JsonObject } from '@sluice/engine';

/**
 * Follows `value.$ref` (and `$ref`s it lands on) inside `document` until a value without `$ref` is
 * reached. Only the outer object is resolved; nested `$ref`s stay as they are. Returns `value` itself
 * when it has no `$ref`, and `undefined` when `value` is undefined.
 * Throws a WorkflowError (FUNCTION_FAILED, not retryable) for external refs, missing targets and cycles.
 *
 * @example resolveLocalRef(doc, { $ref: '#/components/parameters/Id' }) // the parameter object
 */
export function resolveLocalRef(document: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw refError(`$ref cycle at ${ref}`);
    seen.add(ref);
    current = jsonPointerGet(document, ref);
  }
  return current;
}

/**
 * The value at a local reference `#/a/b~1c` (RFC 6901 JSON pointer in a URI fragment).
 * Throws a WorkflowError when the reference is not local or the target does not exist.
 */
export function jsonPointerGet(document: JsonObject, ref: string): Json {
  if (!ref.startsWith('#')) throw refError(`only local $refs (#/...) are supported, got ${ref}`);
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) throw refError(`malformed $ref ${ref}`);
  let current: Json = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let next: Json | undefined;
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(token)) next = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) next = current[token];
    if (next === undefined) throw refError(`$ref target not found: ${ref}`);
    current = next;
  }
  return current;
}

function refError(message: string): WorkflowError {
  return new WorkflowError({ code: ENGINE_ERROR_CODES.FUNCTION_FAILED, name: 'OpenApiError', message, retryable: false });
}
