/**
 * SonataFlow accepts definitions that the 0.8 JSON Schema rejects; RHDH workflows rely on that.
 * These helpers make a copy that the strict schema can judge fairly, and record what they changed.
 */
import type { ValidateFunction } from 'ajv';
import type { Json } from '../model/json.js';
import { LOAD_ISSUE_CODES } from '../load/load-issue-codes.js';

/** A warning raised while reading a definition leniently. @internal */
export interface LenientWarning {
  readonly code: typeof LOAD_ISSUE_CODES.SPEC_VERSION | typeof LOAD_ISSUE_CODES.START_DEFAULT;
  readonly pointer: string;
  readonly message: string;
}

type Obj = { [key: string]: Json };

/** Stands in for an omitted `start.schedule` in the copy; never seen outside the schema check. */
const SCHEDULE_PLACEHOLDER = 'R/PT0S';

function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Returns a deep copy of a raw definition, adjusted so that what SonataFlow accepts passes the
 * schema, plus warnings. Each adjustment and its reason:
 * - `specVersion` may be anything or absent (checklist §1.4: SonataFlow never checks it; 2 of 36
 *   RHDH workflows say `'1.0'` with 0.8 syntax). Anything but the string `'0.8'` → warning `SPEC_VERSION`.
 * - `start` may be absent: the spec default is the first state (warning `START_DEFAULT`, because
 *   SonataFlow requires it). `start: { stateName }` without `schedule` is fine: the 0.8 schema
 *   requires `schedule` in the object form, but sdk-java and the seed workflow omit it. The copy
 *   gets a placeholder `schedule`, so the rest of the object is still checked.
 * - `dataInputSchema: { schema }` without `failOnValidationErrors`: the spec text gives it a
 *   default (true); the schema wrongly requires it.
 * - `metadata` values may be any JSON (checklist §17: RHDH puts objects there; `common.json` allows
 *   strings only). Non-string values are replaced by their JSON text in the copy.
 * - A top-level `extensions` array (checklist §18.6) needs nothing: the schema allows unknown
 *   top-level properties.
 * - `functionRef.arguments` may be one expression string that gives the argument object (checklist
 *   §7.2, SonataFlow ➕); the schema wants an object. The copy gets `{}`.
 * - An action's `sleep` may have both `before` and `after`: the schema's `oneOf` matches both
 *   alternatives then and so rejects the pair. The copy keeps only `before`; the normalizer still
 *   checks both durations.
 * `"true"`/`"false"` strings are handled by {@link coerceBooleanStrings}, which needs the schema.
 */
export function prepareForSchema(raw: Json): { value: Json; warnings: LenientWarning[] } {
  const value = structuredClone(raw);
  const warnings: LenientWarning[] = [];
  if (!isObj(value)) return { value, warnings };
  if (value['specVersion'] !== '0.8') {
    const present = value['specVersion'] !== undefined;
    warnings.push({
      code: LOAD_ISSUE_CODES.SPEC_VERSION,
      pointer: present ? '/specVersion' : '',
      message: present
        ? `specVersion is ${typeof value['specVersion'] === 'string' ? '' : `the ${jsonTypeOf(value['specVersion'])} `}${JSON.stringify(value['specVersion'])}, not '0.8'; the definition is read as 0.8`
        : 'specVersion is missing; the definition is read as 0.8',
    });
    value['specVersion'] = '0.8';
  }
  const start = value['start'];
  if (start === undefined) {
    const states = value['states'];
    const first = Array.isArray(states) && isObj(states[0]) ? states[0]['name'] : undefined;
    warnings.push({
      code: LOAD_ISSUE_CODES.START_DEFAULT,
      pointer: '',
      message: `no 'start': the workflow starts at the first state${typeof first === 'string' ? ` '${first}'` : ''} (the spec default; SonataFlow requires 'start')`,
    });
  } else if (isObj(start) && start['schedule'] === undefined) {
    start['schedule'] = SCHEDULE_PLACEHOLDER;
  }
  const input = value['dataInputSchema'];
  if (isObj(input) && input['failOnValidationErrors'] === undefined) input['failOnValidationErrors'] = true;
  stringifyMetadata(value);
  relaxActions(value);
  return { value, warnings };
}

/** The action leniencies above, applied in place to every action-like object of the copy. */
function relaxActions(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) relaxActions(item);
    return;
  }
  if (!isObj(value)) return;
  const ref = value['functionRef'];
  if (isObj(ref) && typeof ref['arguments'] === 'string') ref['arguments'] = {};
  const sleep = value['sleep'];
  if (isObj(sleep) && sleep['before'] !== undefined && sleep['after'] !== undefined) delete sleep['after'];
  for (const child of Object.values(value)) relaxActions(child);
}

function jsonTypeOf(v: Json | undefined): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Replaces non-string values under every `metadata` object with their JSON text (in place). */
function stringifyMetadata(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) stringifyMetadata(item);
    return;
  }
  if (!isObj(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'metadata' && isObj(child)) {
      for (const [k, v] of Object.entries(child)) if (typeof v !== 'string') child[k] = JSON.stringify(v) ?? 'null';
    } else {
      stringifyMetadata(child);
    }
  }
}

/** Rounds of validate → coerce; each round fixes every string ajv reports, nesting is shallow. */
const MAX_ROUNDS = 8;

/**
 * Turns `"true"`/`"false"` strings into booleans (in place) exactly where the schema wants a
 * boolean, as sdk-java's lenient Jackson reading does (`terminate: "true"`, `dataOnly: "false"`
 * appear in SonataFlow tests; checklist §17). Returns the JSON pointers it changed. Strings in
 * free-form places (function arguments, inject data) are never touched.
 */
export function coerceBooleanStrings(value: Json, validate: ValidateFunction): string[] {
  const changed: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (validate(value)) break;
    let fixed = 0;
    for (const e of validate.errors ?? []) {
      if (e.keyword !== 'type' || !String(e.params['type']).split(',').includes('boolean')) continue;
      const current = getAt(value, e.instancePath);
      if (current !== 'true' && current !== 'false') continue;
      setAt(value, e.instancePath, current === 'true');
      changed.push(e.instancePath);
      fixed++;
    }
    if (fixed === 0) break;
  }
  return changed;
}

/** A deep copy of `raw` with the strings at `pointers` turned into booleans. */
export function applyBooleanCoercions(raw: Json, pointers: readonly string[]): Json {
  if (pointers.length === 0) return raw;
  const copy = structuredClone(raw);
  for (const p of pointers) {
    const current = getAt(copy, p);
    if (current === 'true' || current === 'false') setAt(copy, p, current === 'true');
  }
  return copy;
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer, or `undefined`. @internal */
export function getAt(root: Json, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (isObj(node)) node = Object.hasOwn(node, s) ? node[s] : undefined;
    else return undefined;
  }
  return node;
}

function setAt(root: Json, pointer: string, v: Json): void {
  const path = segments(pointer);
  const last = path.pop();
  const parent = getAt(root, path.length === 0 ? '' : `/${path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);
  if (last === undefined) return;
  if (Array.isArray(parent)) parent[Number(last)] = v;
  else if (isObj(parent)) parent[last] = v;
}
