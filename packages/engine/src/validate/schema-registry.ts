/**
 * The official Serverless Workflow 0.8 JSON Schemas, bundled as JSON modules, and one shared ajv
 * instance that compiles them (and any of their sub-schemas, for error explanations) on first use.
 */
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import auth from './schema-0.8/auth.json' with { type: 'json' };
import common from './schema-0.8/common.json' with { type: 'json' };
import errors from './schema-0.8/errors.json' with { type: 'json' };
import events from './schema-0.8/events.json' with { type: 'json' };
import functions from './schema-0.8/functions.json' with { type: 'json' };
import retries from './schema-0.8/retries.json' with { type: 'json' };
import secrets from './schema-0.8/secrets.json' with { type: 'json' };
import timeouts from './schema-0.8/timeouts.json' with { type: 'json' };
import workflow from './schema-0.8/workflow.json' with { type: 'json' };

/** A schema node as stored in the JSON files (draft-07; only the keywords the 0.8 files use matter). */
export type SchemaNode = AnySchemaObject | boolean;

/** `$id` of the 0.8 workflow schema; `…/functions.json` and the others sit beside it. */
export const WORKFLOW_SCHEMA_ID = 'https://serverlessworkflow.io/schemas/0.8/workflow.json';

/** Where the definitions of a functions or events resource file are validated (`<file>#/<kind>`). */
export const RESOURCE_SCHEMA_IDS = {
  functions: 'https://serverlessworkflow.io/schemas/0.8/functions.json#/functions',
  events: 'https://serverlessworkflow.io/schemas/0.8/events.json#/events',
  errors: 'https://serverlessworkflow.io/schemas/0.8/errors.json#/errors',
  retries: 'https://serverlessworkflow.io/schemas/0.8/retries.json#/retries',
  secrets: 'https://serverlessworkflow.io/schemas/0.8/secrets.json#/secrets',
  timeouts: 'https://serverlessworkflow.io/schemas/0.8/timeouts.json#/timeouts',
  auth: 'https://serverlessworkflow.io/schemas/0.8/auth.json#/auth',
} as const;

const DOCUMENTS: ReadonlyMap<string, AnySchemaObject> = new Map(
  [workflow, common, functions, events, errors, retries, secrets, timeouts, auth].map(
    (s) => [String(s.$id), s as AnySchemaObject] as const,
  ),
);

let shared: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * The one ajv instance: draft-07, `allErrors` (report everything at once), `strict: false` (the
 * 0.8 files put non-keywords such as `functions` at their top level), with ajv-formats.
 *
 * Leniency: format `uri` accepts any URI reference. The schema asks for an absolute URI where a
 * resource is named (`functions: "specs/functions.yaml"`), but SonataFlow reads relative paths
 * against the workflow's folder and RHDH workflows use them.
 */
function ajv(): Ajv {
  if (shared) return shared;
  const instance = new Ajv({ strict: false, allErrors: true });
  formats.default(instance);
  instance.addFormat('uri', formats.default.get('uri-reference'));
  for (const schema of DOCUMENTS.values()) instance.addSchema(schema);
  shared = instance;
  return instance;
}

/**
 * The compiled validator for a schema URI, with or without a JSON-pointer fragment
 * (`…/workflow.json#/definitions/transition/oneOf/1`). Compiled once, then cached.
 * @internal
 */
export function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv().getSchema(ref);
    if (!validate) throw new Error(`unknown schema ${ref}`);
    validators.set(ref, validate);
  }
  return validate;
}

/** The schema node a URI names, read from the bundled files (no ajv involved). @internal */
export function schemaAt(ref: string): SchemaNode | undefined {
  const hash = ref.indexOf('#');
  const id = hash < 0 ? ref : ref.slice(0, hash);
  let node: unknown = DOCUMENTS.get(id);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  if (fragment === '' || fragment === '/') return node as SchemaNode | undefined;
  for (const raw of fragment.slice(1).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node as SchemaNode | undefined;
}

/** `ref` + one more pointer segment, escaped for a URI fragment. @internal */
export function childRef(ref: string, ...segments: readonly (string | number)[]): string {
  const base = ref.includes('#') ? ref : `${ref}#`;
  return (
    base +
    segments.map((s) => `/${encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('')
  );
}

/** Resolves a `$ref` value found in the node at `from` to an absolute schema URI. @internal */
export function resolveRef(ref: string, from: string): string {
  return new URL(ref, from).href;
}
