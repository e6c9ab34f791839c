// Validates values against schemas that live inside one OpenAPI document, addressed by JSON
// pointer, so `#/components/...` references resolve exactly as the spec wrote them.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormatsModule from 'ajv-formats';
import type { NamedOpenApiDocument } from './openapi-document.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the whole
// module object at run time, so take its `default` when there is one.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (ajvFormatsModule as unknown as { default?: AddFormats }).default ?? (ajvFormatsModule as unknown as AddFormats);

/**
 * An Ajv for OpenAPI 3.0 and template schemas: `strict: false` (OpenAPI adds keywords such as
 * `example`, templates add `ui:*` and `enumNames`), all errors, no logging, no defaults filled in,
 * and the ajv-formats formats (including OpenAPI's `int32`/`int64`). @internal
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, useDefaults: false });
  addFormats(ajv);
  return ajv;
}

/**
 * One Ajv instance holding one OpenAPI document (see {@link createAjv} for the settings; Ajv
 * understands OpenAPI's `nullable` natively, and unknown formats are ignored). @internal
 */
export class SpecSchemaValidator {
  readonly #ajv: Ajv;
  readonly #id: string;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(named: NamedOpenApiDocument) {
    this.#ajv = createAjv();
    this.#id = `openapi:${encodeURIComponent(named.name)}`;
    this.#ajv.addSchema({ ...named.document, $id: this.#id }, undefined, undefined, false);
  }

  /**
   * Validates `value` against the schema at `pointer` (e.g.
   * `/paths/~1api~1notifications/post/requestBody/content/application~1json/schema`). Returns
   * one message per failure, `<instance path> <message>`, empty when valid.
   */
  validate(pointer: string, value: unknown): string[] {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      validate = this.#ajv.compile({ $ref: `${this.#id}#${fragment}` });
      this.#compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(formatAjvError);
  }
}

/** Formats an Ajv error as `<instance path or (root)> <message>[ (details)]`. @internal */
export function formatAjvError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'enum' && Array.isArray(params['allowedValues'])
      ? ` (${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
      : error.keyword === 'additionalProperties'
        ? ` (${String(params['additionalProperty'])})`
        : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}
