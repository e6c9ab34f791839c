/**
 * Small JSON Schema helpers shared by the run form's pure modules: the schema type they walk, local
 * `$ref` resolution (`#/definitions/x`, `#/$defs/x`, any JSON pointer into the root) and titles.
 */

/** A JSON Schema (draft-07 as workflows write them), possibly with inline `ui:*` keys. */
export type JsonSchema = { readonly [key: string]: unknown };

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a local JSON pointer (`#/definitions/a~1b`) inside `root`, or undefined. */
export function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return isObject(node) ? node : undefined;
}

/**
 * `schema` with its `$ref` chain followed (siblings of `$ref` win over the target's keys, as RJSF
 * does). Stops at unresolvable or circular references.
 */
export function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  const seen = new Set<string>();
  while (typeof current.$ref === 'string' && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const target = resolvePointer(root, current.$ref);
    if (!target) break;
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

/** The sub-schemas of an object schema's `properties`, in declaration order. */
export function propertiesOf(schema: JsonSchema): [string, JsonSchema][] {
  const props = schema.properties;
  if (!isObject(props)) return [];
  return Object.entries(props).filter((e): e is [string, JsonSchema] => isObject(e[1]));
}

/** Whether `schema` (already dereferenced) describes an object. */
export function isObjectSchema(schema: JsonSchema): boolean {
  const t = schema.type;
  return t === 'object' || (Array.isArray(t) && t.includes('object')) || (t === undefined && isObject(schema.properties));
}

/** What to call a field: its schema title, else its property name made readable (`git_host` → "Git host"). */
export function titleOf(schema: JsonSchema | undefined, name: string): string {
  if (schema && typeof schema.title === 'string' && schema.title.trim()) return schema.title;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/**
 * `names` in the order a `ui:order` list asks (`*` stands for every name it does not list), as RJSF
 * orders fields; names the list omits go last when it has no `*`.
 */
export function applyOrder(names: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return names;
  const listed = order.filter((n): n is string => typeof n === 'string' && (n === '*' || names.includes(n)));
  const rest = names.filter((n) => !listed.includes(n));
  const star = listed.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  return [...listed.slice(0, star), ...rest, ...listed.slice(star + 1)];
}
