/**
 * Function definitions (spec 0.8 §Function Definition; checklist §6, §18.3): invoker keys, expression
 * functions compiled at load time, and `rest` operations resolved against their OpenAPI documents.
 */
import type { DefinitionIssue } from '../../errors/definition-error.js';
import type { FunctionDef, FunctionType, OpenApiOperationRef, WorkflowDef } from '../../model/definition.js';
import { isObject } from '../../model/json.js';
import type { NamedEntry } from '../../validate/semantic.js';
import { didYouMean } from '../../validate/semantic-suggest.js';
import { metadataOf, obj, text } from './coerce.js';
import { makeIssue, type NormalizeContext, type Site } from './context.js';
import { configKeyOf, findOperation, hasPaths, listOperationIds } from './openapi.js';
import type { SectionItems } from './sections.js';

/**
 * Invoker keys the engine runs without extra registration. `normalize` reports every function whose
 * invoker is not in this list as `UNSUPPORTED_FUNCTION_TYPE`.
 */
export const BUILTIN_INVOKERS: readonly string[] = ['rest', 'expression', 'custom:sysout', 'custom:rest'];

const FUNCTION_TYPES: readonly FunctionType[] = ['rest', 'asyncapi', 'rpc', 'graphql', 'odata', 'expression', 'custom'];

/**
 * The invoker key of a function: `rest`, `expression`, `custom:<kind>` where kind is the part of
 * `operation` before the first `:` (`sysout:INFO` → `custom:sysout`, `rest:post:/x` → `custom:rest`),
 * or the type name for asyncapi, rpc, graphql and odata.
 *
 * @example invokerKey('custom', 'service:java:com.acme.Svc::run') === 'custom:service'
 */
export function invokerKey(type: FunctionType, operation: string): string {
  if (type === 'custom') return `custom:${operation.split(':')[0]!.trim()}`;
  return type;
}

/** Normalized functions plus every named entry (duplicates included) for the semantic checks. @internal */
export interface FunctionsResult {
  readonly functions: Map<string, FunctionDef>;
  readonly entries: NamedEntry[];
}

/**
 * Normalizes the `functions` section. `uriDefinitions` holds the `workflow-uri-definitions` aliases
 * (alias → URI). Expression functions compile against `ctx.scope`, which must already know them.
 * @internal
 */
export function normalizeFunctions(
  ctx: NormalizeContext,
  section: SectionItems,
  uriDefinitions: ReadonlyMap<string, string>,
): FunctionsResult {
  const functions = new Map<string, FunctionDef>();
  const entries: NamedEntry[] = [];
  const { doc } = section;
  section.items.forEach((item, i) => {
    const pointer = `${section.base}/${i}`;
    const f = obj(item);
    const name = f ? text(f['name']) : undefined;
    if (!f || name === undefined) {
      ctx.error('MALFORMED', 'a function definition needs a "name"', pointer, doc);
      return;
    }
    entries.push({ name, doc, pointer });
    const typeText = text(f['type']) ?? 'rest';
    if (!(FUNCTION_TYPES as readonly string[]).includes(typeText)) {
      ctx.error('UNSUPPORTED_FUNCTION_TYPE', `function "${name}" has unknown type "${typeText}"`, `${pointer}/type`, doc);
      return;
    }
    const type = typeText as FunctionType;
    const operation = text(f['operation']);
    if (operation === undefined) ctx.error('MALFORMED', `function "${name}" needs an "operation"`, pointer, doc);
    const op = operation ?? '';
    const def: FunctionDef = {
      name,
      type,
      operation: op,
      invoker: invokerKey(type, op),
      metadata: metadataOf(f['metadata']),
      pointer,
    };
    let extra: Partial<FunctionDef> = {};
    if (type === 'expression' && operation !== undefined) {
      const expr = ctx.expr(operation, `${pointer}/operation`, { doc });
      if (expr) extra = { expr };
    } else if (type === 'rest' && operation !== undefined) {
      const openapi = resolveOpenApi(ctx, name, operation, { doc, pointer: `${pointer}/operation` }, uriDefinitions);
      if (openapi) extra = { openapi };
    }
    if (!functions.has(name)) functions.set(name, { ...def, ...extra });
  });
  return { functions, entries };
}

function resolveOpenApi(
  ctx: NormalizeContext,
  name: string,
  operation: string,
  site: Site,
  uriDefinitions: ReadonlyMap<string, string>,
): OpenApiOperationRef | undefined {
  const hash = operation.lastIndexOf('#');
  if (hash <= 0 || hash === operation.length - 1) {
    ctx.error(
      'OPENAPI_OPERATION',
      `rest function "${name}": operation must be "<OpenAPI document URI>#<operationId>", got "${operation}"`,
      site.pointer,
      site.doc,
    );
    return undefined;
  }
  const uri = operation.slice(0, hash);
  const operationId = operation.slice(hash + 1);
  const alias = uriDefinitions.get(uri);
  const location = alias ?? uri;
  const res = ctx.input.resources.get(location);
  if (!res) return undefined; // the loader reported RESOURCE_NOT_FOUND
  const document = res.value;
  if (!isObject(document) || !hasPaths(document)) {
    ctx.error('OPENAPI_OPERATION', `rest function "${name}": ${location} is not an OpenAPI document (no "paths")`, site.pointer, site.doc);
    return undefined;
  }
  const found = findOperation(document, operationId);
  if (!found) {
    const hint = didYouMean(operationId, listOperationIds(document));
    ctx.error(
      'OPENAPI_OPERATION',
      `rest function "${name}": operationId "${operationId}" is not in ${location}${hint}`,
      site.pointer,
      site.doc,
    );
    return undefined;
  }
  return {
    uri,
    configKey: alias !== undefined ? uri : configKeyOf(uri),
    operationId,
    method: found.method,
    path: found.path,
    document,
  };
}

/** Options for `checkInvokers`. */
export interface CheckInvokersOptions {
  /**
   * Where a function was defined. Default: `def.source.file` at `fn.pointer` without a line, which is
   * wrong for functions loaded from a separate functions file (their pointer is into that file).
   */
  readonly locate?: (fn: FunctionDef) => Site | undefined;
}

/**
 * Reports each function whose invoker key is not in `supported` as an `UNSUPPORTED_FUNCTION_TYPE`
 * error. Hosts call it with their invoker registry's keys; `normalize` calls it with `BUILTIN_INVOKERS`.
 *
 * @example checkInvokers(def, new Set([...BUILTIN_INVOKERS, 'custom:service']))
 */
export function checkInvokers(
  def: WorkflowDef,
  supported: ReadonlySet<string>,
  options: CheckInvokersOptions = {},
): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const list = [...supported].join(', ');
  for (const fn of def.functions.values()) {
    if (supported.has(fn.invoker)) continue;
    const what = fn.type === 'custom' ? `custom operation "${fn.operation}" (invoker ${fn.invoker})` : `type ${fn.type}`;
    const site = options.locate?.(fn);
    const message = `function "${fn.name}" uses ${what}, which no invoker supports here; supported: ${list}`;
    issues.push(
      site
        ? makeIssue('error', 'UNSUPPORTED_FUNCTION_TYPE', message, site)
        : { severity: 'error', code: 'UNSUPPORTED_FUNCTION_TYPE', message, file: def.source.file, pointer: fn.pointer },
    );
  }
  return issues;
}
