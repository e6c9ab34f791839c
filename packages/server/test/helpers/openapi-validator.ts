/**
 * Validates response bodies against the Orchestrator OpenAPI 3.1 spec
 * (src/orchestrator/orchestrator-openapi.yaml) with ajv's JSON Schema 2020-12 validator: the schema
 * of a (path, method, status) response, with `#/components/schemas/...` references resolved.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;

export const SPEC_FILE = resolve(import.meta.dirname, '../../src/orchestrator/orchestrator-openapi.yaml');
const DEFS_ID = 'orchestrator-openapi';

type Obj = Record<string, unknown>;

/** `#/components/schemas/X` → a reference into the registered definitions. */
function rewriteRefs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (v === null || typeof v !== 'object') return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v as Obj)) {
    out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/') ? `${DEFS_ID}#/$defs/${x.slice('#/components/schemas/'.length)}` : rewriteRefs(x);
  }
  return out;
}

export class OpenApiValidator {
  readonly spec: Obj;
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(file = SPEC_FILE) {
    this.spec = parse(readFileSync(file, 'utf8')) as Obj;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const schemas = ((this.spec.components as Obj | undefined)?.schemas ?? {}) as Obj;
    this.ajv.addSchema({ $id: DEFS_ID, $defs: rewriteRefs(schemas) as Obj });
  }

  /** Every (path, method) the spec defines. */
  operations(): { path: string; method: string; operationId: string }[] {
    const out: { path: string; method: string; operationId: string }[] = [];
    for (const [path, item] of Object.entries(this.spec.paths as Obj)) {
      for (const [method, op] of Object.entries(item as Obj)) out.push({ path, method: method.toUpperCase(), operationId: String((op as Obj).operationId) });
    }
    return out;
  }

  /** The response schema for a spec path (`/v2/workflows/{workflowId}/overview`), method, status and media type. */
  responseSchema(path: string, method: string, status: number, mediaType = 'application/json'): Obj {
    const op = ((this.spec.paths as Obj)[path] as Obj | undefined)?.[method.toLowerCase()] as Obj | undefined;
    if (!op) throw new Error(`the spec has no ${method} ${path}`);
    const response = (op.responses as Obj)[String(status)] as Obj | undefined;
    if (!response) throw new Error(`the spec has no ${status} response for ${method} ${path}`);
    const schema = ((response.content as Obj | undefined)?.[mediaType] as Obj | undefined)?.schema as Obj | undefined;
    if (!schema) throw new Error(`the spec has no ${mediaType} body for ${status} of ${method} ${path}`);
    return schema;
  }

  /** The problems of `body` as the response of (path, method, status); [] when it conforms. */
  validate(path: string, method: string, status: number, body: unknown, mediaType = 'application/json'): string[] {
    const key = `${method} ${path} ${status} ${mediaType}`;
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(rewriteRefs(this.responseSchema(path, method, status, mediaType)) as Obj);
      this.cache.set(key, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  }

  /** Throws (with the problems) unless `body` conforms. */
  assertValid(path: string, method: string, status: number, body: unknown, mediaType = 'application/json'): void {
    const problems = this.validate(path, method, status, body, mediaType);
    if (problems.length > 0) throw new Error(`${method} ${path} ${status} does not match the spec:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 2000)}`);
  }
}

let shared: OpenApiValidator | undefined;

/** One validator for the whole test file. */
export function openApi(): OpenApiValidator {
  return (shared ??= new OpenApiValidator());
}
