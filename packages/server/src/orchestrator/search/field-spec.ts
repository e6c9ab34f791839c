/**
 * What a SearchRequest may filter and sort on: a tree of named fields per record type. Leaves have a
 * kind that decides the operators and values allowed (after the Data Index argument types); groups
 * (`variables`) have named children and optionally open ones; `json` leaves can be walked into
 * (`variables.workflowdata.size`) and are compared dynamically.
 */

export type LeafKind = 'id' | 'string' | 'date' | 'number' | 'boolean' | 'enum' | 'json';

export interface LeafField<R> {
  readonly kind: LeafKind;
  /** Allowed values of an `enum` field. */
  readonly values?: readonly string[];
  /** The field's value on a record: epoch ms for dates, undefined when absent. */
  readonly get: (r: R) => unknown;
}

export interface GroupField<R> {
  readonly kind: 'group';
  readonly children: Readonly<Record<string, FieldSpec<R>>>;
  /** Fields not named in `children` (free process variables); unknown names are errors without it. */
  readonly other?: (name: string) => FieldSpec<R>;
}

export type FieldSpec<R> = LeafField<R> | GroupField<R>;
export type FieldSet<R> = Readonly<Record<string, FieldSpec<R>>>;

/** A field found by its path, with the top-level name it hangs off (to know what a record must load). */
export interface ResolvedField<R> {
  readonly leaf?: LeafField<R>;
  readonly group?: GroupField<R>;
  readonly top: string;
}

/** Finds the field at `path` (segments), or an explanation of why there is none. */
export function resolveField<R>(fields: FieldSet<R>, path: readonly string[]): ResolvedField<R> | string {
  const [top, ...rest] = path;
  if (top === undefined || top === '') return 'empty field name';
  let spec: FieldSpec<R> | undefined = Object.hasOwn(fields, top) ? fields[top] : undefined;
  if (!spec) return `unknown field ${top} (known: ${Object.keys(fields).join(', ')})`;
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i]!;
    const at = path.slice(0, i + 1).join('.');
    if (spec.kind === 'group') {
      const child: FieldSpec<R> | undefined = Object.hasOwn(spec.children, name) ? spec.children[name] : spec.other?.(name);
      if (!child) return `unknown field ${at}.${name}`;
      spec = child;
    } else if (spec.kind === 'json') {
      const parent: LeafField<R> = spec;
      const tail = rest.slice(i);
      return { leaf: { kind: 'json', get: (r) => dig(parent.get(r), tail) }, top };
    } else {
      return `field ${at} has no field ${name}`;
    }
  }
  return spec.kind === 'group' ? { group: spec, top } : { leaf: spec, top };
}

/** `value` at `path` inside a JSON value (undefined when a step is missing). */
function dig(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** A dotted field name as segments (`variables.targetEntity` → `['variables', 'targetEntity']`). */
export function splitField(field: string): string[] {
  return field.split('.');
}
