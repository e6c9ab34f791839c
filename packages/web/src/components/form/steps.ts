/**
 * Splitting a workflow input schema into wizard steps, as RHDH's Orchestrator form does: when the
 * root is an object and every top-level property is an object, each property is one step (titled
 * from its sub-schema), minus the steps hidden by `ui:widget: hidden` and those with no properties;
 * otherwise the whole schema is one step. Each step gets the schema RJSF renders for it: the root's
 * definitions kept (so `$ref`s resolve) and only that step's property.
 */
import { applyOrder, deref, isObject, isObjectSchema, propertiesOf, titleOf, type JsonSchema } from './json-schema';
import { HEADLESS_WIDGETS, widgetOf, type UiSchemaNode } from './ui-schema';

export interface FormStep {
  /** The top-level property the step fills in; undefined for a single-step form (the whole input). */
  readonly key?: string;
  readonly title: string;
  readonly description?: string;
  /** The schema RJSF renders for the step (without `$id`, so steps never share a compiled validator). */
  readonly schema: JsonSchema;
  /** The uiSchema RJSF renders the step with (the step's own title is shown by the wizard, not by RJSF). */
  readonly uiSchema: UiSchemaNode;
}

/** Keys of the root kept in every step schema: what `$ref`s may point into. */
const SHARED_KEYS = ['definitions', '$defs'] as const;

/** The root schema as RJSF gets it: no `$id` (RJSF caches compiled validators by it) nor `$schema`. */
export function formRootSchema(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

/** Whether the schema is shown as a multi-step wizard (every top-level property an object). */
export function isMultiStep(schema: JsonSchema): boolean {
  const root = deref(schema, schema);
  if (!isObjectSchema(root)) return false;
  const props = propertiesOf(root);
  return props.length > 0 && props.every(([, p]) => isObjectSchema(deref(p, schema)));
}

function hasNoFields(sub: JsonSchema): boolean {
  return isObject(sub.properties) && Object.keys(sub.properties).length === 0 && !isObject(sub.additionalProperties) && sub.additionalProperties !== true;
}

/** The wizard's input steps for `schema` (the Review step is not among them). */
export function splitSteps(schema: JsonSchema, uiSchema: UiSchemaNode): FormStep[] {
  const root = formRootSchema(deref(schema, schema));
  const noLabel = { 'ui:label': false };
  if (!isMultiStep(schema)) {
    return [
      {
        title: titleOf(root, 'Input'),
        ...(typeof root.description === 'string' ? { description: root.description } : {}),
        schema: root,
        uiSchema: { ...uiSchema, ...noLabel },
      },
    ];
  }
  const required = Array.isArray(root.required) ? root.required : [];
  const shared: Record<string, unknown> = {};
  for (const k of SHARED_KEYS) if (root[k] !== undefined) shared[k] = root[k];
  const props = new Map(propertiesOf(root));
  const steps: FormStep[] = [];
  for (const key of applyOrder([...props.keys()], uiSchema['ui:order'])) {
    const prop = props.get(key)!;
    const sub = deref(prop, schema);
    const ui = isObject(uiSchema[key]) ? (uiSchema[key] as UiSchemaNode) : {};
    const widget = widgetOf(ui);
    if ((widget !== undefined && HEADLESS_WIDGETS.has(widget)) || hasNoFields(sub)) continue;
    steps.push({
      key,
      title: titleOf(sub, key),
      ...(typeof sub.description === 'string' ? { description: sub.description } : {}),
      schema: { type: 'object', ...shared, properties: { [key]: prop }, ...(required.includes(key) ? { required: [key] } : {}) },
      uiSchema: { ...noLabel, [key]: { ...ui, ...noLabel } },
    });
  }
  return steps;
}
