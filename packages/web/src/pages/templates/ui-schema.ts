/**
 * A template's parameter page as RJSF wants it. Backstage templates put `ui:*` options (and
 * `enumNames`) inside the JSON schema; RJSF 6 reads them only from a separate uiSchema (and
 * `enumNames` only as `ui:enumNames`). The uiSchema is gathered as the run form gathers it
 * (`extractUiSchema`, with `enumNames`); the schema keeps everything else. The page's own title and
 * description are dropped (the page shows them as its heading).
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { isObject } from '../../components/form/json-schema';
import { extractUiSchema } from '../../components/form/ui-schema';

/** Keywords whose value is a sub-schema or a list of them. */
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else']);
/** Keywords whose value maps names to sub-schemas. */
const SUBSCHEMA_MAPS = new Set(['properties', 'dependencies', 'definitions', '$defs']);

/** `node` without its UI options (`ui:*`, `enumNames`), at every level of the schema. */
function withoutUi(node: unknown): unknown {
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('ui:') || key === 'enumNames') continue;
    if (SUBSCHEMA_MAPS.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutUi(sub)]));
    else if (SUBSCHEMAS.has(key)) out[key] = Array.isArray(value) ? value.map(withoutUi) : withoutUi(value);
    else out[key] = value;
  }
  return out;
}

/**
 * The schema and uiSchema of a parameter page, without its title and description.
 *
 * @example
 * splitPage({ title: 'Pick', properties: { size: { type: 'string', enum: ['s'], enumNames: ['Small'] } } });
 * // { schema: { properties: { size: { type: 'string', enum: ['s'] } } }, uiSchema: { size: { 'ui:enumNames': ['Small'] } } }
 */
export function splitPage(page: Record<string, unknown>): { schema: RJSFSchema; uiSchema: UiSchema } {
  const { title: _title, description: _description, ...rest } = page;
  return { schema: withoutUi(rest) as RJSFSchema, uiSchema: extractUiSchema(rest, { enumNames: true }) as UiSchema };
}
