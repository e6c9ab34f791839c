/**
 * Finds every external resource a raw definition names (input/output schemas, definition files
 * given as URIs, OpenAPI/AsyncAPI/proto documents of functions), so the loader can read them up front.
 */
import { escapePointer } from '../expr/compile.js';
import { isObject, type Json } from '../model/json.js';

/** What a resource is for. `operation` is the document in a function's `operation` (`<uri>#<id>`). */
export type ResourceKind =
  | 'dataInputSchema'
  | 'outputSchema'
  | 'functions'
  | 'events'
  | 'errors'
  | 'retries'
  | 'constants'
  | 'secrets'
  | 'timeouts'
  | 'auth'
  | 'operation';

/** One resource reference found in a definition (or in a functions file). */
export interface ResourceUri {
  /** The URI as written (for an alias, the URI the alias stands for). */
  readonly uri: string;
  /** JSON pointer of the place that names it (for an alias, its entry under `definitions`). */
  readonly pointer: string;
  readonly kind: ResourceKind;
  /** Set when the definition wrote a `workflow-uri-definitions` alias (`alias#operationId`). */
  readonly alias?: string;
}

/** Workflow sections that may be a URI of a file holding them (spec 0.8 §Workflow Definition). */
const FILE_SECTIONS = ['functions', 'events', 'errors', 'retries', 'constants', 'secrets', 'timeouts', 'auth'] as const;

/** Function types whose `operation` starts with a document URI (spec 0.8 §Function Definition). */
const DOCUMENT_TYPES = new Set(['rest', 'asyncapi', 'rpc', 'graphql', 'odata']);

/** An alias of the `workflow-uri-definitions` extension: the URI it names and where. */
export interface UriAlias {
  readonly uri: string;
  readonly pointer: string;
}

/**
 * Lists every resource `raw` names, in document order, one entry per reference (a URI named twice
 * is listed twice):
 * - `dataInputSchema` (a string, or `{ schema: string }`);
 * - `functions`, `events`, `errors`, `retries`, `constants`, `secrets`, `timeouts`, `auth` given
 *   as a string URI;
 * - for each inline function of type rest, asyncapi, rpc, graphql or odata (no type = rest), the
 *   URI before `#` in its `operation` (for rest the last `#`, before the operationId; for the
 *   others the first); a `workflow-uri-definitions` alias is replaced by the URI it stands for;
 * - the `workflow-output-schema` extension's `outputSchema` (a string, or `{ schema: string }`).
 * Functions in a functions *file* are listed by {@link collectOperationUris} once it is read.
 *
 * @example
 * collectResourceUris({ dataInputSchema: 'schemas/in.json', functions: [{ name: 'f', operation: 'specs/api.yaml#getX' }] })
 * // [{ uri: 'schemas/in.json', pointer: '/dataInputSchema', kind: 'dataInputSchema' },
 * //  { uri: 'specs/api.yaml', pointer: '/functions/0/operation', kind: 'operation' }]
 */
export function collectResourceUris(raw: Json): ResourceUri[] {
  if (!isObject(raw)) return [];
  const out: ResourceUri[] = [];
  const schema = schemaUri(raw['dataInputSchema'], '/dataInputSchema');
  if (schema) out.push({ ...schema, kind: 'dataInputSchema' });
  const aliases = uriAliases(raw);
  for (const section of FILE_SECTIONS) {
    const value = raw[section];
    if (typeof value === 'string' && value !== '') out.push({ uri: value, pointer: `/${section}`, kind: section });
    else if (section === 'functions') out.push(...collectOperationUris(value, '/functions', aliases));
  }
  const extensions = raw['extensions'];
  if (Array.isArray(extensions)) {
    extensions.forEach((e, i) => {
      if (!isObject(e) || e['extensionid'] !== 'workflow-output-schema') return;
      const output = schemaUri(e['outputSchema'], `/extensions/${i}/outputSchema`);
      if (output) out.push({ ...output, kind: 'outputSchema' });
    });
  }
  return out;
}

/**
 * The operation documents named by a list of function definitions (inline, or the `functions` of
 * a functions file, with `base` = `/functions` there too). Same rules as {@link collectResourceUris}.
 */
export function collectOperationUris(
  functions: Json | undefined,
  base: string,
  aliases: ReadonlyMap<string, UriAlias>,
): ResourceUri[] {
  if (!Array.isArray(functions)) return [];
  const out: ResourceUri[] = [];
  functions.forEach((fn, i) => {
    if (!isObject(fn)) return;
    const type = fn['type'] ?? 'rest';
    const operation = fn['operation'];
    if (typeof type !== 'string' || !DOCUMENT_TYPES.has(type) || typeof operation !== 'string') return;
    const hash = type === 'rest' ? operation.lastIndexOf('#') : operation.indexOf('#');
    if (hash <= 0) return;
    const uri = operation.slice(0, hash);
    const alias = aliases.get(uri);
    out.push(
      alias
        ? { uri: alias.uri, pointer: alias.pointer, kind: 'operation', alias: uri }
        : { uri, pointer: `${base}/${i}/operation`, kind: 'operation' },
    );
  });
  return out;
}

/** The aliases of every `workflow-uri-definitions` extension (`definitions: { alias: uri }`). */
export function uriAliases(raw: Json): Map<string, UriAlias> {
  const out = new Map<string, UriAlias>();
  const extensions = isObject(raw) ? raw['extensions'] : undefined;
  if (!Array.isArray(extensions)) return out;
  extensions.forEach((e, i) => {
    if (!isObject(e) || e['extensionid'] !== 'workflow-uri-definitions' || !isObject(e['definitions'])) return;
    for (const [alias, uri] of Object.entries(e['definitions'])) {
      if (typeof uri === 'string' && uri !== '' && !out.has(alias)) {
        out.set(alias, { uri, pointer: `/extensions/${i}/definitions/${escapePointer(alias)}` });
      }
    }
  });
  return out;
}

function schemaUri(value: Json | undefined, pointer: string): { uri: string; pointer: string } | undefined {
  if (typeof value === 'string' && value !== '') return { uri: value, pointer };
  if (isObject(value) && typeof value['schema'] === 'string' && value['schema'] !== '') {
    return { uri: value['schema'], pointer: `${pointer}/schema` };
  }
  return undefined;
}
