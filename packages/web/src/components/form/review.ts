/**
 * The Review step's rows: every value entered, labelled with the schema titles along its path
 * (`Recipients › 1`), in the form's field order. Values of hidden fields are marked so the Review
 * step can fold them away; password fields are masked; enum values show their option titles.
 */
import { applyOrder, deref, isObject, isObjectSchema, propertiesOf, titleOf, type JsonSchema } from './json-schema';
import { HEADLESS_WIDGETS, widgetOf, type UiSchemaNode } from './ui-schema';

export interface ReviewRow {
  /** The field's labels from the reviewed value down, e.g. ["Recipients", "1"]. */
  readonly path: string[];
  readonly value: string;
  /** A field not shown on the form (`ui:widget: hidden` and the like). */
  readonly hidden: boolean;
}

const MASK = '••••••••';

/** The option title of `value` when the schema lists titled options (`oneOf`/`anyOf` of `const` + `title`). */
function optionTitle(schema: JsonSchema, value: unknown): string | undefined {
  for (const k of ['oneOf', 'anyOf'] as const) {
    const options = schema[k];
    if (!Array.isArray(options)) continue;
    const hit = options.find((o) => isObject(o) && 'const' in o && o.const === value);
    if (isObject(hit) && typeof hit.title === 'string') return hit.title;
  }
  const names = schema.enumNames;
  if (Array.isArray(schema.enum) && Array.isArray(names)) {
    const i = schema.enum.indexOf(value);
    if (i >= 0 && typeof names[i] === 'string') return names[i] as string;
  }
  return undefined;
}

function scalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The review rows of `data` against `schema` (`root` resolves `$ref`s), with `ui` the matching
 * uiSchema node. Values left empty are skipped.
 */
export function reviewRows(schema: JsonSchema, data: unknown, ui: UiSchemaNode, root: JsonSchema, path: string[] = [], hidden = false): ReviewRow[] {
  if (data === undefined || data === '') return [];
  const s = deref(schema, root);
  const widget = widgetOf(ui);
  const isHidden = hidden || (widget !== undefined && HEADLESS_WIDGETS.has(widget));
  if (widget === 'AuthRequester') return [];

  if (isObject(data) && (isObjectSchema(s) || !('type' in s))) {
    const props = new Map(propertiesOf(s));
    const names = applyOrder([...new Set([...props.keys(), ...Object.keys(data)])], ui['ui:order']);
    return names.flatMap((name) => {
      const sub = props.get(name) ?? (isObject(s.additionalProperties) ? s.additionalProperties : {});
      const subUi = isObject(ui[name]) ? (ui[name] as UiSchemaNode) : {};
      return reviewRows(sub, data[name], subUi, root, [...path, titleOf(deref(sub, root), name)], isHidden);
    });
  }
  if (Array.isArray(data)) {
    if (data.length === 0) return [];
    const items = isObject(s.items) ? s.items : {};
    const itemUi = isObject(ui.items) ? (ui.items as UiSchemaNode) : {};
    if (data.every((v) => !isObject(v) && !Array.isArray(v))) {
      const value = data.map((v) => optionTitle(deref(items, root), v) ?? scalar(v)).join(', ');
      return [{ path, value, hidden: isHidden }];
    }
    return data.flatMap((v, i) => reviewRows(items, v, itemUi, root, [...path, String(i + 1)], isHidden));
  }
  const masked = widget === 'password' || widget === 'PasswordWidget' || s.format === 'password';
  return [{ path, value: masked ? MASK : (optionTitle(s, data) ?? scalar(data)), hidden: isHidden }];
}
