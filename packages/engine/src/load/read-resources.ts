/**
 * Reads and parses every resource a definition names, through the host's `ResourceReader`, and
 * collects them in a `ResourceSet` for the normalizer. Missing or broken files become issues.
 */
import type { DefinitionIssue } from '../errors/definition-error.js';
import { isObject } from '../model/json.js';
import type { ResourceReader } from '../ports/resources.js';
import { validateResourceSchema, type ResourceSchemaKind } from '../validate/schema-validate.js';
import type { ResourceSet, SourceDocument } from './document.js';
import { LOAD_ISSUE_CODES } from './load-issue-codes.js';
import { resourcePath } from './resource-path.js';
import { collectOperationUris, collectResourceUris, uriAliases, type ResourceKind, type ResourceUri } from './resources.js';
import { parseSource } from './source-document.js';

/** Inputs of {@link readResources}. */
export interface ReadResourcesOptions {
  /** The definition (its `file` is the path resources are resolved against). */
  readonly doc: SourceDocument;
  readonly reader: ResourceReader;
}

/** Resources read for one definition, and the problems met. */
export interface ReadResourcesResult {
  readonly resources: ResourceSet;
  readonly issues: readonly DefinitionIssue[];
}

const SCHEMA_KINDS: ReadonlySet<string> = new Set(['functions', 'events', 'errors', 'retries', 'secrets', 'timeouts', 'auth']);

const DESCRIPTION: Readonly<Record<ResourceKind, string>> = {
  dataInputSchema: 'input schema',
  outputSchema: 'output schema',
  functions: 'functions file',
  events: 'events file',
  errors: 'errors file',
  retries: 'retries file',
  constants: 'constants file',
  secrets: 'secrets file',
  timeouts: 'timeouts file',
  auth: 'auth file',
  operation: 'operation document',
};

/**
 * Reads every resource `doc` names (see `collectResourceUris`), each path once, relative to the
 * definition's folder (see `resourcePath`), and parses it with `parseSource`. Functions files are
 * read first; the operation documents their functions name are then read too, also relative to
 * the definition's folder. Definition files (`functions`, `events`, ...) are checked against the
 * 0.8 schema, with `"true"`/`"false"` strings coerced as in the definition.
 *
 * The set is keyed by the URI exactly as written, and also by the alias for a
 * `workflow-uri-definitions` alias. Issues:
 * - `RESOURCE_NOT_FOUND` at the first reference to each URI that cannot be read. An error, except
 *   for operation documents, where it is a warning: a function's document is needed only when
 *   the function is called by the OpenAPI invoker, and hosts that provide functions otherwise
 *   (stubs in the test corpus, the spec examples' `http://myapis.org/...`) have none;
 * - the resource's own `PARSE` and `SCHEMA` issues, in the resource's file.
 */
export async function readResources(options: ReadResourcesOptions): Promise<ReadResourcesResult> {
  const { doc, reader } = options;
  const issues: DefinitionIssue[] = [];
  const byKey = new Map<string, SourceDocument>();
  const byPath = new Map<string, Promise<ReadOutcome>>();
  const reported = new Set<string>();

  const load = async (ref: ResourceUri, referrer: SourceDocument): Promise<SourceDocument | undefined> => {
    const path = resourcePath(doc.file, ref.uri);
    let pending = byPath.get(path);
    if (!pending) {
      pending = readOne(path, ref.kind, reader, issues);
      byPath.set(path, pending);
    }
    const outcome = await pending;
    const found = outcome.doc;
    if (found) {
      if (!byKey.has(ref.uri)) byKey.set(ref.uri, found);
      if (ref.alias !== undefined && !byKey.has(ref.alias)) byKey.set(ref.alias, found);
    } else if (outcome.missing && !reported.has(path)) {
      reported.add(path);
      issues.push(notFound(ref, path, outcome.reason, ref.alias !== undefined ? doc : referrer));
    }
    return found;
  };

  const aliases = uriAliases(doc.value);
  const refs = collectResourceUris(doc.value);
  await Promise.all(
    refs.map(async (ref) => {
      const found = await load(ref, doc);
      if (!found || ref.kind !== 'functions') return;
      const value = found.value;
      const wrapped = isObject(value) ? value['functions'] : undefined;
      const nested = wrapped !== undefined ? collectOperationUris(wrapped, '/functions', aliases) : collectOperationUris(value, '', aliases);
      await Promise.all(nested.map((n) => load(n, found)));
    }),
  );
  return { resources: { get: (uri) => byKey.get(uri) }, issues };
}

/** A read: the parsed document, or why there is none (`missing`: the reader had nothing). */
interface ReadOutcome {
  readonly doc?: SourceDocument;
  readonly missing: boolean;
  readonly reason?: string;
}

async function readOne(path: string, kind: ResourceKind, reader: ResourceReader, issues: DefinitionIssue[]): Promise<ReadOutcome> {
  let text: string | undefined;
  try {
    text = await reader.read(path);
  } catch (err) {
    return { missing: true, reason: err instanceof Error ? err.message : String(err) };
  }
  if (text === undefined) return { missing: true };
  const parsed = parseSource(path, text);
  issues.push(...parsed.issues);
  if (!parsed.value) return { missing: false };
  if (!SCHEMA_KINDS.has(kind)) return { doc: parsed.value, missing: false };
  const checked = validateResourceSchema(parsed.value, kind as ResourceSchemaKind);
  issues.push(...checked.issues);
  return { doc: { ...parsed.value, value: checked.value }, missing: false };
}

function notFound(ref: ResourceUri, path: string, reason: string | undefined, referrer: SourceDocument): DefinitionIssue {
  const at = referrer.locate(ref.pointer);
  const where = (path === ref.uri ? '' : ` (looked for '${path}')`) + (reason ? `: ${reason}` : '');
  return {
    severity: ref.kind === 'operation' ? 'warning' : 'error',
    code: LOAD_ISSUE_CODES.RESOURCE_NOT_FOUND,
    message: `cannot read the ${DESCRIPTION[ref.kind]} '${ref.uri}'${where}`,
    file: referrer.file,
    pointer: ref.pointer,
    ...(at ? { line: at.line, column: at.column } : {}),
  };
}
