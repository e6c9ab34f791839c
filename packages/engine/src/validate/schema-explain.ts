/**
 * Turns "this value fails that schema" into a short list of specific problems. ajv's own error list
 * for a failed `oneOf`/`anyOf` holds every branch's errors (a bad state yields ~80 lines, one set
 * per state type); here each alternative is tried on its own and only the one that fits is explained.
 */
import type { ErrorObject } from 'ajv';
import { escapePointer } from '../expr/compile.js';
import { describeTypes, describeValue, hasType, keywordMessage, quoteList } from './schema-messages.js';
import { childRef, resolveRef, schemaAt, validatorFor, type SchemaNode } from './schema-registry.js';

/** One problem: where (a JSON pointer into the instance) and what. @internal */
export interface Finding {
  readonly pointer: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;

/** Keywords reported about the node itself; the others are applicators handled structurally. */
const LOCAL_KEYWORDS = new Set([
  'type', 'required', 'additionalProperties', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'format',
  'minItems', 'maxItems', 'uniqueItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minProperties', 'maxProperties',
]);

const MAX_DEPTH = 200;

/**
 * Explains why `value` (found at `pointer`) fails the schema at `ref`. Returns nothing when it is
 * valid. Rules: a wrong JSON type is reported alone; unknown properties are reported at the
 * property's own pointer; for `oneOf`/`anyOf` only the alternative that fits the value (by JSON
 * type and by `const` discriminators such as a state's `type`) is explained, see {@link explainAlternatives}.
 * @internal
 */
export function explain(ref: string, value: unknown, pointer: string, out: Finding[] = [], depth = 0): Finding[] {
  const validate = validatorFor(ref);
  if (validate(value)) return out;
  const node = schemaAt(ref);
  if (node === undefined || typeof node === 'boolean' || depth > MAX_DEPTH) {
    out.push({ pointer, message: 'is not allowed here' });
    return out;
  }
  const errors = [...(validate.errors ?? [])];
  const local = errors.filter(
    (e) => e.instancePath === '' && LOCAL_KEYWORDS.has(e.keyword) && e.keyword in node && e.schemaPath === `#/${e.keyword}`,
  );
  const typeError = local.find((e) => e.keyword === 'type');
  if (typeError) {
    out.push({ pointer, message: keywordMessage(typeError, node, value) });
    return out;
  }
  for (const e of local) out.push(localFinding(e, node, value, pointer));

  if (typeof node['$ref'] === 'string') explain(resolveRef(node['$ref'], ref), value, pointer, out, depth + 1);
  if (Array.isArray(node['allOf'])) node['allOf'].forEach((_, i) => explain(childRef(ref, 'allOf', i), value, pointer, out, depth + 1));
  for (const kw of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[kw])) explainAlternatives(ref, kw, value, pointer, out, depth + 1);
  }
  if (node['if'] !== undefined) {
    const branch = validatorFor(childRef(ref, 'if'))(value) ? 'then' : 'else';
    if (node[branch] !== undefined) explain(childRef(ref, branch), value, pointer, out, depth + 1);
  }
  explainChildren(ref, node, value, pointer, out, depth);
  return out;
}

function localFinding(e: ErrorObject, node: Obj, value: unknown, pointer: string): Finding {
  const message = keywordMessage(e, node, value);
  if (e.keyword === 'additionalProperties') {
    return { pointer: `${pointer}/${escapePointer(String(e.params['additionalProperty']))}`, message };
  }
  return { pointer, message };
}

function explainChildren(ref: string, node: Obj, value: unknown, pointer: string, out: Finding[], depth: number): void {
  if (Array.isArray(value)) {
    const items = node['items'];
    if (items && typeof items === 'object' && !Array.isArray(items)) {
      value.forEach((item, i) => explain(childRef(ref, 'items'), item, `${pointer}/${i}`, out, depth + 1));
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const properties = (node['properties'] ?? {}) as Obj;
  const patterns = (node['patternProperties'] ?? {}) as Obj;
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (Object.hasOwn(properties, key)) {
      explain(childRef(ref, 'properties', key), child, at, out, depth + 1);
      continue;
    }
    const matching = Object.keys(patterns).filter((p) => new RegExp(p, 'u').test(key));
    for (const p of matching) explain(childRef(ref, 'patternProperties', p), child, at, out, depth + 1);
    if (matching.length === 0 && typeof node['additionalProperties'] === 'object') {
      explain(childRef(ref, 'additionalProperties'), child, at, out, depth + 1);
    }
  }
}

/**
 * Explains a failed `oneOf`/`anyOf`:
 * - several alternatives match (`oneOf` only): say which properties must not appear together;
 * - every alternative is just a `required` list (`[name, type, end]` vs `[name, type, transition]`):
 *   report what all of them miss, then "must have 'end' or 'transition'";
 * - otherwise keep the alternatives that fit the value's JSON type and `const` discriminators
 *   (a state's `type`); none → "must be a string or an object" / "must be one of: sleep, ...";
 *   one → explain it; several → explain the one missing the fewest required properties, then
 *   with the fewest errors; when several tie and miss only required properties, say
 *   "must have 'transition' or 'end'".
 */
function explainAlternatives(
  ref: string,
  kw: 'oneOf' | 'anyOf',
  value: unknown,
  pointer: string,
  out: Finding[],
  depth: number,
): void {
  const node = schemaAt(ref) as Obj;
  const refs = (node[kw] as unknown[]).map((_, i) => childRef(ref, kw, i));
  const passing = refs.filter((r) => validatorFor(r)(value));
  if (kw === 'anyOf' ? passing.length > 0 : passing.length === 1) return;
  const requiredOnly = refs.map((r) => requiredList(schemaAt(r)));
  if (passing.length > 1) {
    out.push({ pointer, message: ambiguousMessage(passing.map((r) => requiredList(schemaAt(r)))) });
    return;
  }
  if (requiredOnly.every((r) => r !== undefined)) {
    if (isObject(value)) out.push(...missingAlternatives(requiredOnly as string[][], value, pointer));
    return;
  }
  const shapes = refs.map((r) => shapeOf(r));
  const key = commonDiscriminator(shapes);
  if (key !== undefined && isObject(value) && !Object.hasOwn(value, key)) {
    out.push({ pointer, message: `missing required property '${key}' (one of: ${allowedValues(shapes, key)})` });
    return;
  }
  const fitting = refs.filter((_, i) => fits(shapes[i]!, value));
  if (fitting.length === 0) {
    out.push(noFitFinding(shapes, value, pointer));
    return;
  }
  if (fitting.length === 1) {
    explain(fitting[0]!, value, pointer, out, depth + 1);
    return;
  }
  const ranked = rank(fitting, value);
  const first = ranked[0]!;
  const tied = ranked.filter((r) => r.missing === first.missing && r.errors.length === first.errors.length);
  const onlyMissing = tied.every((r) => r.errors.every((e) => e.keyword === 'required' && e.instancePath === ''));
  if (tied.length > 1 && onlyMissing && isObject(value)) {
    // e.g. a data condition with neither `transition` nor `end`: both forms fit equally well
    out.push(...missingAlternatives(tied.map((r) => [...shapeOf(r.ref).required]), value, pointer));
    return;
  }
  explain(first.ref, value, pointer, out, depth + 1);
}

/** `required` of a node that has nothing else that validates (only `required` and annotations). */
function requiredList(node: SchemaNode | undefined): string[] | undefined {
  if (!node || typeof node !== 'object' || !Array.isArray(node['required'])) return undefined;
  const validating = Object.keys(node).filter((k) => !['required', 'description', 'title', '$comment'].includes(k));
  return validating.length === 0 ? (node['required'] as string[]) : undefined;
}

function ambiguousMessage(required: readonly (string[] | undefined)[]): string {
  if (required.every((r) => r !== undefined)) {
    const lists = required as string[][];
    const all = new Set(lists.flat());
    const distinct = [...all].filter((k) => !lists.every((l) => l.includes(k)));
    if (distinct.length > 0) return `must have only one of ${quoteList(distinct, 'and')}`;
  }
  return 'matches more than one of the allowed forms; it must match exactly one';
}

function missingAlternatives(lists: readonly string[][], value: Obj, pointer: string): Finding[] {
  const missing = lists.map((l) => l.filter((k) => !Object.hasOwn(value, k)));
  const common = missing[0]!.filter((k) => missing.every((m) => m.includes(k)));
  const findings: Finding[] = common.map((k) => ({ pointer, message: `missing required property '${k}'` }));
  const rest = missing.map((m) => m.filter((k) => !common.includes(k)));
  if (rest.some((r) => r.length === 0)) return findings;
  const minimal = rest.filter((r, i) => !rest.some((o, j) => j !== i && o.length < r.length && o.every((k) => r.includes(k))));
  const options = [...new Set(minimal.map((r) => r.map((k) => `'${k}'`).join(' and ')))];
  findings.push({ pointer, message: `must have ${options.join(' or ')}` });
  return findings;
}

/** What an alternative accepts at a glance: JSON types and `const` properties (`type: operation`). */
interface Shape {
  readonly types?: readonly string[];
  readonly consts: ReadonlyMap<string, unknown>;
  readonly required: readonly string[];
}

function shapeOf(ref: string, depth = 0): Shape {
  const node = schemaAt(ref);
  if (!node || typeof node !== 'object') return { consts: new Map(), required: [] };
  if (typeof node['$ref'] === 'string' && depth < 10) return shapeOf(resolveRef(node['$ref'], ref), depth + 1);
  const nested = (node['oneOf'] ?? node['anyOf']) as unknown[] | undefined;
  if (nested && node['type'] === undefined && node['properties'] === undefined && depth < 10) {
    // e.g. switchstate = oneOf [databasedswitchstate, eventbasedswitchstate]: fits if any fits
    const kw = node['oneOf'] ? 'oneOf' : 'anyOf';
    const parts = nested.map((_, i) => shapeOf(childRef(ref, kw, i), depth + 1));
    const consts = new Map<string, unknown>();
    for (const p of parts) for (const [k, v] of p.consts) consts.set(k, v);
    const types = parts.every((p) => p.types) ? parts.flatMap((p) => p.types!) : undefined;
    return { types, consts, required: [] };
  }
  const types = node['type'] === undefined ? undefined : ([] as string[]).concat(node['type'] as string | string[]);
  const consts = new Map<string, unknown>();
  for (const [k, sub] of Object.entries((node['properties'] ?? {}) as Obj)) {
    if (sub && typeof sub === 'object' && 'const' in sub) consts.set(k, (sub as Obj)['const']);
  }
  const required = Array.isArray(node['required']) ? (node['required'] as string[]) : [];
  return { types, consts, required };
}

function fits(shape: Shape, value: unknown): boolean {
  if (shape.types && !hasType(value, shape.types)) return false;
  if (!isObject(value)) return true;
  for (const [k, c] of shape.consts) {
    if (Object.hasOwn(value, k) && value[k] !== c) return false;
  }
  return true;
}

function noFitFinding(shapes: readonly Shape[], value: unknown, pointer: string): Finding {
  const key = commonDiscriminator(shapes);
  if (key !== undefined && isObject(value)) {
    const got = describeValue(value[key]);
    return { pointer: `${pointer}/${escapePointer(key)}`, message: `must be one of: ${allowedValues(shapes, key)} (not ${got})` };
  }
  const types = shapes.flatMap((s) => s.types ?? []);
  return { pointer, message: `must be ${describeTypes(types)}, not ${describeValue(value)}` };
}

/** A property every alternative pins with `const` (a state's `type`). */
function commonDiscriminator(shapes: readonly Shape[]): string | undefined {
  const first = shapes[0];
  if (!first) return undefined;
  return [...first.consts.keys()].find((k) => shapes.every((s) => s.consts.has(k)));
}

function allowedValues(shapes: readonly Shape[], key: string): string {
  const values = [...new Set(shapes.map((s) => s.consts.get(key)))];
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Alternatives ordered by how many required properties they miss, then by how many errors they give. */
function rank(refs: readonly string[], value: unknown): { ref: string; missing: number; errors: ErrorObject[] }[] {
  const scored = refs.map((ref) => {
    const { required } = shapeOf(ref);
    const missing = isObject(value) ? required.filter((k) => !Object.hasOwn(value, k)).length : 0;
    const validate = validatorFor(ref);
    validate(value);
    return { ref, missing, errors: [...(validate.errors ?? [])] };
  });
  return scored.sort((a, b) => a.missing - b.missing || a.errors.length - b.errors.length);
}
