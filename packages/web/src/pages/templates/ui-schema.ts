/**
 * A template's parameter page as RJSF wants it. Backstage templates put `ui:*` options (and
 * `enumNames`) inside the JSON schema; RJSF 6 reads them only from a separate uiSchema (and
 * `enumNames` only as `ui:enumNames`). This splits a page into both, the way Backstage does, and
 * drops the page's own title and description (the page shows them as its heading).
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `from` into `into` (objects deeply, anything else replaced). */
function merge(into: Json, from: Json): Json {
  for (const [k, v] of Object.entries(from)) into[k] = isObject(v) && isObject(into[k]) ? merge({ ...(into[k] as Json) }, v) : v;
  return into;
}

/** Splits one schema node into the schema without UI options and the uiSchema of that node. */
function split(node: Json): { schema: Json; ui: Json } {
  const schema: Json = {};
  const ui: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('ui:')) ui[key] = value;
    else if (key === 'enumNames') ui['ui:enumNames'] = value;
    else if (key === 'properties' && isObject(value)) {
      const props: Json = {};
      for (const [name, child] of Object.entries(value)) {
        if (!isObject(child)) {
          props[name] = child;
          continue;
        }
        const s = split(child);
        props[name] = s.schema;
        if (Object.keys(s.ui).length > 0) ui[name] = merge((ui[name] as Json | undefined) ?? {}, s.ui);
      }
      schema[key] = props;
    } else if (key === 'items' && isObject(value)) {
      const s = split(value);
      schema[key] = s.schema;
      if (Object.keys(s.ui).length > 0) ui.items = s.ui;
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      // A branch's fields are shown at this level: their UI options go to this level's uiSchema.
      schema[key] = value.map((branch) => {
        if (!isObject(branch)) return branch;
        const s = split(branch);
        merge(ui, s.ui);
        return s.schema;
      });
    } else if (key === 'dependencies' && isObject(value)) {
      const deps: Json = {};
      for (const [name, dep] of Object.entries(value)) {
        if (!isObject(dep)) {
          deps[name] = dep;
          continue;
        }
        const s = split(dep);
        merge(ui, s.ui);
        deps[name] = s.schema;
      }
      schema[key] = deps;
    } else schema[key] = value;
  }
  return { schema, ui };
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
  const { schema, ui } = split(rest);
  return { schema: schema as RJSFSchema, uiSchema: ui as UiSchema };
}
