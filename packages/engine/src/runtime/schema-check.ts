/** Validating workflow input and output against the definition's JSON Schemas (draft-07, ajv). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SchemaRef } from '../model/definition.js';
import type { Json } from '../model/json.js';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** One schema violation: where (JSON pointer into the data) and what. */
export interface SchemaViolation {
  readonly pointer: string;
  readonly message: string;
}

const cache = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined;

function validator(ref: SchemaRef): ValidateFunction {
  let v = cache.get(ref.schema);
  if (!v) {
    ajv ??= (() => {
      const a = new Ajv({ strict: false, allErrors: true });
      (addFormats as unknown as (a: Ajv) => void)(a);
      return a;
    })();
    const { $id: _id, ...schema } = ref.schema as Record<string, unknown>;
    v = ajv.compile(schema);
    cache.set(ref.schema, v);
  }
  return v;
}

/** Checks `data` against a schema; returns every violation (empty when valid). */
export function checkSchema(ref: SchemaRef, data: Json): SchemaViolation[] {
  const v = validator(ref);
  if (v(data)) return [];
  return (v.errors ?? []).map((e: ErrorObject) => ({
    pointer: e.instancePath || '/',
    message: describe(e),
  }));
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return `must have required property '${(e.params as { missingProperty: string }).missingProperty}'`;
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return e.message ?? e.keyword;
}
