/**
 * Checks a task's values against every parameter page of a template, as `POST /v2/tasks` does
 * before creating the task (Backstage answers 400 `{ errors: ValidationError[] }`).
 */
import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv-instance.js';
import { parameterPages, type TemplateEntityV1beta3 } from './template-types.js';

/** One failed check, shaped like the `jsonschema` library's ValidationError that Backstage returns. */
export interface ValuesValidationError {
  /** `instance.name`, `instance.repo.owner`: where in the values. */
  readonly property: string;
  /** JSON pointer of the same place (`/repo/owner`). */
  readonly path: string;
  readonly message: string;
  /** `required`, `type`, `enum`, `pattern`, ... */
  readonly name: string;
  readonly argument?: unknown;
  /** The page title (or `page N`) the failing schema belongs to. */
  readonly page: string;
  /** `instance.name is required`. */
  readonly stack: string;
}

/**
 * Validates `values` against each page (draft-07; extra properties allowed unless a page forbids
 * them). Returns every error; an empty list means valid.
 *
 * @example validateValues(template, { name: 'x' }) // [] or [{ property: 'instance', message: 'requires property "owner"', ... }]
 */
export function validateValues(template: TemplateEntityV1beta3, values: unknown): ValuesValidationError[] {
  const ajv = createAjv();
  const errors: ValuesValidationError[] = [];
  parameterPages(template).forEach((page, i) => {
    const validate = ajv.compile(page as object);
    if (validate(values)) return;
    const title = typeof page.title === 'string' ? page.title : `page ${i + 1}`;
    for (const e of validate.errors ?? []) errors.push(toValidationError(e, title));
  });
  return errors;
}

function toValidationError(e: ErrorObject, page: string): ValuesValidationError {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const property = ['instance', ...segments].join('.');
  let message = e.message ?? 'is invalid';
  let argument: unknown = undefined;
  if (e.keyword === 'required') {
    argument = (e.params as { missingProperty: string }).missingProperty;
    message = `requires property "${String(argument)}"`;
  } else if (e.keyword === 'enum') {
    argument = (e.params as { allowedValues: unknown[] }).allowedValues;
    message = `is not one of enum values: ${(argument as unknown[]).map(String).join(',')}`;
  } else if (e.keyword === 'additionalProperties') {
    argument = (e.params as { additionalProperty: string }).additionalProperty;
    message = `is not allowed to have the additional property "${String(argument)}"`;
  }
  return {
    property,
    path: e.instancePath,
    message,
    name: e.keyword,
    ...(argument !== undefined ? { argument } : {}),
    page,
    stack: `${property} ${message}`,
  };
}
