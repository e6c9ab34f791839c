/**
 * One configured Ajv (draft-07, all errors, formats, not strict so template schemas may carry
 * `ui:*`, `enumNames` and other form keywords).
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default export may be the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => void;

/** A fresh Ajv for scaffolder schemas. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}
