/**
 * Top-level properties of a definition (spec 0.8 §Workflow Definition; checklist §1, §18.6): ids and
 * defaults, constants, secrets, input/output schemas and the SonataFlow `extensions[]` entries.
 */
import { escapePointer } from '../../expr/compile.js';
import type { SchemaRef, WorkflowDef } from '../../model/definition.js';
import { isObject, type Json, type JsonObject } from '../../model/json.js';
import { flag, list, metadataOf, obj, strings, text } from './coerce.js';
import type { NormalizeContext } from './context.js';
import { resolveConstants, resolveList } from './sections.js';

/** The header fields of a `WorkflowDef`, plus the `workflow-uri-definitions` aliases. @internal */
export interface Header
  extends Pick<
    WorkflowDef,
    | 'id' | 'name' | 'version' | 'specVersion' | 'description' | 'annotations' | 'metadata'
    | 'keepActive' | 'autoRetries' | 'constants' | 'secretNames' | 'dataInputSchema' | 'outputSchema'
  > {
  /** alias → URI, from the `workflow-uri-definitions` extension. */
  readonly uriDefinitions: ReadonlyMap<string, string>;
}

/**
 * Reads the header. `name` defaults to the id and `version` to `"1.0"` as in SonataFlow (checklist
 * §1.3); `key` stands in for a missing `id`.
 * @internal
 */
export function normalizeHeader(ctx: NormalizeContext, root: JsonObject): Header {
  const id = text(root['id']) ?? text(root['key']);
  if (id === undefined) ctx.error('MALFORMED', 'a workflow needs an "id" (or "key")', '');
  const description = text(root['description']);
  const dataInputSchema = normalizeSchema(ctx, root['dataInputSchema'], '/dataInputSchema');
  const ext = readExtensions(ctx, root['extensions']);
  checkUnsupportedHeader(ctx, root);
  return {
    id: id ?? '',
    name: text(root['name']) ?? id ?? '',
    version: text(root['version']) ?? '1.0',
    specVersion: text(root['specVersion']) ?? '',
    ...(description !== undefined ? { description } : {}),
    annotations: strings(root['annotations']) ?? [],
    metadata: metadataOf(root['metadata']),
    keepActive: flag(root['keepActive'], false),
    autoRetries: flag(root['autoRetries'], false),
    constants: resolveConstants(ctx),
    secretNames: readSecrets(ctx),
    ...(dataInputSchema ? { dataInputSchema } : {}),
    ...(ext.outputSchema ? { outputSchema: ext.outputSchema } : {}),
    uriDefinitions: ext.uriDefinitions,
  };
}

function readSecrets(ctx: NormalizeContext): string[] {
  const section = resolveList(ctx, 'secrets');
  return section.items.flatMap((s, i) => {
    if (typeof s === 'string') return [s];
    ctx.error('MALFORMED', 'a secret must be a name (string)', `${section.base}/${i}`, section.doc);
    return [];
  });
}

/**
 * A schema given as a URI string, or `{schema: URI | object, failOnValidationErrors (default true)}`.
 * A missing resource was reported by the loader and gives `undefined`. An inline schema gets the URI
 * `<file>#<pointer>`.
 */
function normalizeSchema(ctx: NormalizeContext, raw: Json | undefined, pointer: string): SchemaRef | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return schemaFromUri(ctx, raw, true, pointer);
  const o = obj(raw);
  if (!o) {
    ctx.error('MALFORMED', 'a schema must be a URI or {schema, failOnValidationErrors?}', pointer);
    return undefined;
  }
  const fail = flag(o['failOnValidationErrors'], true);
  const schema = o['schema'];
  if (typeof schema === 'string') return schemaFromUri(ctx, schema, fail, `${pointer}/schema`);
  if (isObject(schema)) return { uri: `${ctx.doc.file}#${pointer}/schema`, schema, failOnValidationErrors: fail };
  ctx.error('MALFORMED', '"schema" must be a URI or a JSON Schema object', `${pointer}/schema`);
  return undefined;
}

function schemaFromUri(ctx: NormalizeContext, uri: string, fail: boolean, pointer: string): SchemaRef | undefined {
  const res = ctx.input.resources.get(uri);
  if (!res) return undefined;
  if (!isObject(res.value)) {
    ctx.error('RESOURCE_SHAPE', `${uri} is not a JSON Schema object`, pointer);
    return undefined;
  }
  return { uri, schema: res.value, failOnValidationErrors: fail };
}

/**
 * SonataFlow `extensions[]`: `workflow-output-schema` (→ `outputSchema`) and `workflow-uri-definitions`
 * (→ aliases). Other extension ids are ignored.
 */
function readExtensions(
  ctx: NormalizeContext,
  raw: Json | undefined,
): { outputSchema?: SchemaRef; uriDefinitions: Map<string, string> } {
  const uriDefinitions = new Map<string, string>();
  let outputSchema: SchemaRef | undefined;
  (list(raw) ?? []).forEach((item, i) => {
    const e = obj(item);
    const p = `/extensions/${i}`;
    const kind = e ? text(e['extensionid']) : undefined;
    if (!e || kind === undefined) return;
    if (kind === 'workflow-output-schema') {
      outputSchema = normalizeSchema(ctx, e['outputSchema'], `${p}/outputSchema`);
    } else if (kind === 'workflow-uri-definitions') {
      for (const [alias, uri] of Object.entries(obj(e['definitions']) ?? {})) {
        if (typeof uri === 'string') uriDefinitions.set(alias, uri);
        else ctx.error('MALFORMED', `URI definition "${alias}" must be a string`, `${p}/definitions/${escapePointer(alias)}`);
      }
    }
  });
  return { ...(outputSchema ? { outputSchema } : {}), uriDefinitions };
}

/**
 * Top-level features Sluice does not run, reported at load rather than ignored silently:
 * a non-jq `expressionLang` (error: every expression would be misread), `start.schedule` (warning:
 * start runs through the API or events) and `auth` (warning: used only to fetch remote resources).
 */
function checkUnsupportedHeader(ctx: NormalizeContext, root: JsonObject): void {
  const lang = text(root['expressionLang']);
  if (lang !== undefined && lang.toLowerCase() !== 'jq') {
    ctx.error('UNSUPPORTED_EXPRESSION_LANG', `expressionLang "${lang}" is not supported: Sluice evaluates jq only`, '/expressionLang');
  }
  const start = root['start'];
  if (isObject(start) && start['schedule'] !== undefined) {
    ctx.warn('SCHEDULE_IGNORED', 'start.schedule is not run: start instances through the API or with an event', '/start/schedule');
  }
  if (root['auth'] !== undefined) {
    ctx.warn('AUTH_IGNORED', 'auth definitions are not used: resources are read from the workflow folder, and service credentials come from configuration', '/auth');
  }
}
