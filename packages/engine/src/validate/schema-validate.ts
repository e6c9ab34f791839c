/**
 * Validates raw definitions (and the resource files they name) against the official Serverless
 * Workflow 0.8 JSON Schema, with SonataFlow's leniencies, and reports every problem with its position.
 */
import type { ErrorObject } from 'ajv';
import type { DefinitionIssue } from '../errors/definition-error.js';
import type { SourceDocument } from '../load/document.js';
import { LOAD_ISSUE_CODES } from '../load/load-issue-codes.js';
import type { Json } from '../model/json.js';
import { explain, type Finding } from './schema-explain.js';
import { applyBooleanCoercions, coerceBooleanStrings, getAt, prepareForSchema } from './schema-leniency.js';
import { keywordMessage } from './schema-messages.js';
import { RESOURCE_SCHEMA_IDS, WORKFLOW_SCHEMA_ID, validatorFor } from './schema-registry.js';

/** Result of a schema check. */
export interface SchemaCheck {
  /** `SCHEMA` errors plus leniency warnings (`SPEC_VERSION`, `START_DEFAULT`), in text order. */
  readonly issues: readonly DefinitionIssue[];
  /**
   * The document's value with `"true"`/`"false"` strings turned into booleans where the schema
   * wants a boolean (see `coerceBooleanStrings`); otherwise unchanged (metadata objects are kept).
   */
  readonly value: Json;
}

/** Resource files whose content has a schema (`functions: "defs.json"` → `{ functions: [...] }`). */
export type ResourceSchemaKind = keyof typeof RESOURCE_SCHEMA_IDS;

/**
 * Validates a parsed definition against the 0.8 workflow schema. Every problem is reported at
 * once, as a `SCHEMA` error whose pointer names the offending value (for an unknown property, the
 * property itself) and whose message is specific: for a `oneOf`/`anyOf` only the alternative that
 * fits is explained, e.g. a state of a known `type` is checked against that state type alone, and
 * an unknown `type` gets the list of allowed types.
 *
 * @example
 * const { value: doc } = parseSource('wf.sw.yaml', text);
 * const { issues, value } = validateDefinitionSchema(doc!);
 * // issues: [{ code: 'SCHEMA', pointer: '/states/0/type', message: 'must be one of: sleep, event, ...', line: 7, ... }]
 */
export function validateDefinitionSchema(doc: SourceDocument): SchemaCheck {
  const { value: copy, warnings } = prepareForSchema(doc.value);
  const validate = validatorFor(WORKFLOW_SCHEMA_ID);
  const coerced = coerceBooleanStrings(copy, validate);
  const findings = validate(copy) ? [] : findingsFor(WORKFLOW_SCHEMA_ID, copy, '', validate.errors ?? []);
  const issues = [
    ...warnings.map((w) => toIssue(doc, 'warning', w.code, w)),
    ...findings.map((f) => toIssue(doc, 'error', LOAD_ISSUE_CODES.SCHEMA, f)),
  ];
  return { issues: sortByPosition(issues), value: applyBooleanCoercions(doc.value, coerced) };
}

/**
 * Validates a resource file that holds definitions named by a workflow (`functions`, `events`,
 * `errors`, `retries`, `secrets`, `timeouts`, `auth` given as a URI) against the same schema as
 * inline definitions. The file holds `{ "<kind>": ... }` (as in the spec examples) or, leniently,
 * the bare list (for `timeouts`, the bare object), as the normalizer also accepts.
 */
export function validateResourceSchema(doc: SourceDocument, kind: ResourceSchemaKind): SchemaCheck {
  const raw = doc.value;
  const wrapped = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, kind);
  if (!wrapped && !Array.isArray(raw) && LIST_KINDS.has(kind)) {
    const finding = { pointer: '', message: `must be an object with a '${kind}' list, or the list itself` };
    return { issues: [toIssue(doc, 'error', LOAD_ISSUE_CODES.SCHEMA, finding)], value: raw };
  }
  const base = wrapped ? `/${kind}` : '';
  const ref = RESOURCE_SCHEMA_IDS[kind];
  const copy = structuredClone(wrapped ? (raw as Record<string, Json>)[kind]! : raw);
  const validate = validatorFor(ref);
  const coerced = coerceBooleanStrings(copy, validate).map((p) => base + p);
  const findings = validate(copy) ? [] : findingsFor(ref, copy, base, validate.errors ?? []);
  const issues = findings.map((f) => toIssue(doc, 'error', LOAD_ISSUE_CODES.SCHEMA, f));
  return { issues: sortByPosition(issues), value: applyBooleanCoercions(raw, coerced) };
}

const LIST_KINDS: ReadonlySet<ResourceSchemaKind> = new Set(['functions', 'events', 'errors', 'retries', 'secrets', 'auth']);

/** Explained findings, or (should the explainer find nothing) ajv's own errors, so none is lost. */
function findingsFor(ref: string, value: Json, base: string, errors: readonly ErrorObject[]): Finding[] {
  const explained = explain(ref, value, base);
  const source =
    explained.length > 0
      ? explained
      : errors
          .filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword))
          .map((e) => ({ pointer: base + e.instancePath, message: keywordMessage(e, {}, getAt(value, e.instancePath)) }));
  const seen = new Set<string>();
  return source.filter((f) => {
    const key = `${f.pointer}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toIssue(
  doc: SourceDocument,
  severity: 'error' | 'warning',
  code: string,
  finding: { readonly pointer: string; readonly message: string },
): DefinitionIssue {
  const at = doc.locate(finding.pointer);
  return {
    severity,
    code,
    message: finding.message,
    file: doc.file,
    pointer: finding.pointer,
    ...(at ? { line: at.line, column: at.column } : {}),
  };
}

function sortByPosition(issues: DefinitionIssue[]): DefinitionIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}
