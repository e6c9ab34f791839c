/**
 * What the OpenAPI invoker needs to know about one operation, read once from the document:
 * parameters (path-level merged with operation-level, `$ref`s resolved), the request body, the
 * server URL and the security schemes that may apply. Cached per OpenApiOperationRef.
 */
import {
  ENGINE_ERROR_CODES,
  WorkflowError,
  isObject,
  type Json,
  type JsonObject,
  type OpenApiOperationRef,
} from '@sluice/engine';
import type { QueryStyle } from '../http/param-style.js';
import { resolveLocalRef } from './local-ref.js';

/** One declared parameter. */
export interface ParamSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly style: string;
  readonly explode: boolean;
}

/** A security scheme from `components.securitySchemes`, by name. */
export interface SchemeSpec {
  readonly name: string;
  readonly type: string;
  /** `http` schemes: `bearer`, `basic` (lower-cased). */
  readonly scheme?: string;
  /** `apiKey` schemes: where and under which name the key goes. */
  readonly keyIn?: string;
  readonly keyName?: string;
}

/** The operation, prepared for calls. */
export interface OperationPlan {
  readonly method: string;
  readonly pathTemplate: string;
  readonly params: readonly ParamSpec[];
  readonly hasRequestBody: boolean;
  /** Argument names that carry the whole body (`x-codegen-request-body-name`, `requestBody`, `body`). */
  readonly bodyArgNames: readonly string[];
  /** `servers[0].url` (operation, then path item, then document) with variables set to their defaults. */
  readonly serverUrl?: string;
  /** Schemes to try, in order; each is applied only when its credentials are configured. */
  readonly schemes: readonly SchemeSpec[];
}

const cache = new WeakMap<OpenApiOperationRef, OperationPlan>();

/**
 * The plan for `ref`, built on first use. Throws a WorkflowError (FUNCTION_FAILED, not retryable)
 * when the document has no such operation or a `$ref` cannot be resolved.
 */
export function planOperation(ref: OpenApiOperationRef): OperationPlan {
  let plan = cache.get(ref);
  if (!plan) {
    plan = buildPlan(ref);
    cache.set(ref, plan);
  }
  return plan;
}

function buildPlan(ref: OpenApiOperationRef): OperationPlan {
  const doc = ref.document;
  const paths = doc.paths;
  const pathItem = isObject(paths) ? resolveLocalRef(doc, paths[ref.path]) : undefined;
  const op = isObject(pathItem) ? pathItem[ref.method.toLowerCase()] : undefined;
  if (!isObject(pathItem) || !isObject(op)) {
    throw new WorkflowError({
      code: ENGINE_ERROR_CODES.FUNCTION_FAILED,
      name: 'OpenApiError',
      message: `${ref.uri}: no operation ${ref.method} ${ref.path} (${ref.operationId})`,
      retryable: false,
    });
  }
  const params = new Map<string, ParamSpec>();
  for (const list of [pathItem.parameters, op.parameters]) {
    for (const p of Array.isArray(list) ? list : []) {
      const spec = toParam(resolveLocalRef(doc, p));
      if (spec) params.set(`${spec.in}:${spec.name}`, spec);
    }
  }
  const requestBody = resolveLocalRef(doc, op.requestBody);
  const hasRequestBody = isObject(requestBody);
  const bodyArgNames: string[] = [];
  const codegenName = op['x-codegen-request-body-name'];
  if (typeof codegenName === 'string') bodyArgNames.push(codegenName);
  if (hasRequestBody) {
    // Generic names hold the whole body only when the body schema has no property by that name.
    const props = bodySchemaProperties(doc, requestBody);
    for (const name of ['requestBody', 'body']) if (!props.has(name)) bodyArgNames.push(name);
  }
  const serverUrl = firstServerUrl(op.servers) ?? firstServerUrl(pathItem.servers) ?? firstServerUrl(doc.servers);
  return {
    method: ref.method.toUpperCase(),
    pathTemplate: ref.path,
    params: [...params.values()],
    hasRequestBody,
    bodyArgNames,
    ...(serverUrl !== undefined ? { serverUrl } : {}),
    schemes: securitySchemes(doc, op),
  };
}

function toParam(p: Json | undefined): ParamSpec | undefined {
  if (!isObject(p) || typeof p.name !== 'string') return undefined;
  const where = p.in;
  if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') return undefined;
  const style = typeof p.style === 'string' ? p.style : where === 'query' || where === 'cookie' ? 'form' : 'simple';
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  return { name: p.name, in: where, style, explode };
}

/** Query styles we serialize; anything else is treated as `form`. */
export function queryStyleOf(param: ParamSpec): QueryStyle {
  const s = param.style;
  return s === 'spaceDelimited' || s === 'pipeDelimited' || s === 'deepObject' ? s : 'form';
}

function bodySchemaProperties(doc: JsonObject, requestBody: JsonObject): Set<string> {
  const content = requestBody.content;
  const names = new Set<string>();
  if (!isObject(content)) return names;
  for (const media of Object.values(content)) {
    const schema = isObject(media) ? resolveLocalRef(doc, media.schema) : undefined;
    if (isObject(schema) && isObject(schema.properties)) for (const k of Object.keys(schema.properties)) names.add(k);
  }
  return names;
}

function firstServerUrl(servers: Json | undefined): string | undefined {
  if (!Array.isArray(servers) || !isObject(servers[0]) || typeof servers[0].url !== 'string') return undefined;
  const vars = servers[0].variables;
  return servers[0].url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const v = isObject(vars) ? vars[name] : undefined;
    return isObject(v) && typeof v.default === 'string' ? v.default : whole;
  });
}

/**
 * Scheme names from the operation's `security` (or the document's when the operation has none).
 * If the operation names a scheme that `components.securitySchemes` does not define (the seed's
 * scaffolder spec says `bearerAuth`, defining only `BearerToken`), the global requirement's schemes
 * are added, which is how the seed's bearer token reaches the scaffolder. `security: []` means none.
 */
function securitySchemes(doc: JsonObject, op: JsonObject): SchemeSpec[] {
  const components = doc.components;
  const defined = isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : {};
  const namesOf = (reqs: Json | undefined): string[] =>
    Array.isArray(reqs) ? reqs.flatMap((r) => (isObject(r) ? Object.keys(r) : [])) : [];
  let names = op.security !== undefined ? namesOf(op.security) : namesOf(doc.security);
  if (op.security !== undefined && names.some((n) => !Object.hasOwn(defined, n))) {
    names = [...names, ...namesOf(doc.security)];
  }
  const out: SchemeSpec[] = [];
  for (const name of new Set(names)) {
    const s = Object.hasOwn(defined, name) ? resolveLocalRef(doc, defined[name]) : undefined;
    if (!isObject(s) || typeof s.type !== 'string') continue;
    out.push({
      name,
      type: s.type,
      ...(typeof s.scheme === 'string' ? { scheme: s.scheme.toLowerCase() } : {}),
      ...(typeof s.in === 'string' ? { keyIn: s.in } : {}),
      ...(typeof s.name === 'string' ? { keyName: s.name } : {}),
    });
  }
  return out;
}
