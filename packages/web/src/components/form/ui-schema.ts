/**
 * The RJSF uiSchema of a JSON Schema with inline UI options. Workflows (as RHDH's Orchestrator form
 * expects) and Backstage templates write `ui:*` keys inline in their JSON Schema; `extractUiSchema`
 * gathers every one of them into a uiSchema of the same shape, following `properties`, `items`,
 * `additionalProperties`, local `$ref`s, `anyOf`/`oneOf`/`allOf`, `if`/`then`/`else` and schema
 * `dependencies` (templates' `enumNames` too, on demand). `supportedUiSchema` then replaces widgets
 * this portal does not have (RHDH's dynamic widgets) so the run form still renders.
 */
import { isObject, resolvePointer, type JsonSchema } from './json-schema';

export type UiSchemaNode = { [key: string]: unknown };

/** Merges `b` into `a` (objects deeply; other values from `b` win). */
function merge(a: UiSchemaNode, b: UiSchemaNode): UiSchemaNode {
  const out: UiSchemaNode = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) && !k.startsWith('ui:') ? merge(prev, v) : v;
  }
  return out;
}

const isEmpty = (o: UiSchemaNode): boolean => Object.keys(o).length === 0;

export interface ExtractOptions {
  /** Also gather `enumNames` (the labels of `enum` values, as Backstage templates write them) as `ui:enumNames`. */
  readonly enumNames?: boolean;
}

function walk(node: unknown, root: JsonSchema, refs: readonly string[], opts: ExtractOptions): UiSchemaNode {
  if (!isObject(node)) return {};
  let out: UiSchemaNode = {};
  const ref = node.$ref;
  if (typeof ref === 'string' && !refs.includes(ref)) {
    out = walk(resolvePointer(root, ref), root, [...refs, ref], opts);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('ui:')) out[k] = v;
    else if (k === 'enumNames' && opts.enumNames) out['ui:enumNames'] = v;
  }

  if (isObject(node.properties)) {
    for (const [name, sub] of Object.entries(node.properties)) {
      const ui = walk(sub, root, refs, opts);
      if (!isEmpty(ui)) out[name] = isObject(out[name]) ? merge(out[name] as UiSchemaNode, ui) : ui;
    }
  }
  if (Array.isArray(node.items)) {
    const each = node.items.map((i) => walk(i, root, refs, opts));
    if (each.some((u) => !isEmpty(u))) out.items = each;
  } else if (isObject(node.items)) {
    const ui = walk(node.items, root, refs, opts);
    if (!isEmpty(ui)) out.items = isObject(out.items) ? merge(out.items as UiSchemaNode, ui) : ui;
  }
  if (isObject(node.additionalProperties)) {
    const ui = walk(node.additionalProperties, root, refs, opts);
    if (!isEmpty(ui)) out.additionalProperties = ui;
  }
  // Alternatives and conditionals describe the same value: their ui keys apply at this level.
  const alternatives: unknown[] = [];
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[k])) alternatives.push(...(node[k] as unknown[]));
  for (const k of ['if', 'then', 'else'] as const) if (isObject(node[k])) alternatives.push(node[k]);
  if (isObject(node.dependencies)) alternatives.push(...Object.values(node.dependencies).filter(isObject));
  for (const alt of alternatives) out = merge(out, walk(alt, root, refs, opts));
  return out;
}

/** Every `ui:*` key of `schema`, in RJSF uiSchema form. */
export function extractUiSchema(schema: JsonSchema, opts: ExtractOptions = {}): UiSchemaNode {
  return walk(schema, schema, [], opts);
}

/** Widget names RJSF (MUI theme) knows: its per-type aliases and its registered widget names. */
const KNOWN_WIDGETS = new Set([
  'text', 'password', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'data-url', 'radio', 'select', 'textarea', 'hidden',
  'date', 'datetime', 'date-time', 'alt-date', 'alt-datetime', 'time', 'color', 'file', 'files', 'updown', 'range', 'checkbox', 'checkboxes',
  'AltDateTimeWidget', 'AltDateWidget', 'CheckboxWidget', 'CheckboxesWidget', 'ColorWidget', 'DateTimeWidget', 'DateWidget', 'EmailWidget',
  'FileWidget', 'HiddenWidget', 'PasswordWidget', 'RadioWidget', 'RangeWidget', 'RatingWidget', 'SelectWidget', 'TextWidget', 'TextareaWidget',
  'TimeWidget', 'URLWidget', 'UpDownWidget',
]);

/** Widgets that are not fields to fill in: never shown, never reviewed. */
export const HEADLESS_WIDGETS = new Set(['hidden', 'HiddenWidget', 'AuthRequester', 'SchemaUpdater']);

export interface SupportedUiSchema {
  readonly uiSchema: UiSchemaNode;
  /** Widgets replaced by a plain input, by name (for a notice). */
  readonly replaced: string[];
}

/**
 * `ui` with every widget this portal lacks replaced: headless RHDH widgets (`AuthRequester`,
 * `SchemaUpdater`) become hidden; the others (`ActiveTextInput`, `ActiveDropdown`…) fall back to
 * the default input for the field's type. Custom `ui:field`s are dropped likewise.
 */
export function supportedUiSchema(ui: UiSchemaNode): SupportedUiSchema {
  const replaced = new Set<string>();
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (!isObject(node)) return node;
    const out: UiSchemaNode = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'ui:widget' && typeof v === 'string' && !KNOWN_WIDGETS.has(v)) {
        if (HEADLESS_WIDGETS.has(v)) out[k] = 'hidden';
        else replaced.add(v);
      } else if (k === 'ui:field' && typeof v === 'string') {
        replaced.add(v);
      } else {
        out[k] = k.startsWith('ui:') ? v : fix(v);
      }
    }
    return out;
  };
  return { uiSchema: fix(ui) as UiSchemaNode, replaced: [...replaced].sort() };
}

/** The widget a uiSchema node names, if any. */
export function widgetOf(ui: unknown): string | undefined {
  if (!isObject(ui)) return undefined;
  const w = ui['ui:widget'] ?? (isObject(ui['ui:options']) ? ui['ui:options'].widget : undefined);
  return typeof w === 'string' ? w : undefined;
}
