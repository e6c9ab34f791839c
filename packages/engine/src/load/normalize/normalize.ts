/**
 * Entry point: turns a schema-valid raw definition into the `WorkflowDef` the interpreter reads,
 * compiling every expression and resolving every resource, then runs the semantic checks.
 */
import type { DefinitionIssue } from '../../errors/definition-error.js';
import type { FunctionDef, WorkflowDef } from '../../model/definition.js';
import { isObject, type JsonObject } from '../../model/json.js';
import { checkSemantics } from '../../validate/semantic.js';
import type { LoadResult, NormalizeInput } from '../document.js';
import { normalizeErrors, normalizeEvents, normalizeRetries } from './catalog.js';
import { obj, text } from './coerce.js';
import { NormalizeContext, type Site } from './context.js';
import { BUILTIN_INVOKERS, checkInvokers, normalizeFunctions } from './functions.js';
import { normalizeHeader } from './header.js';
import { resolveList, resolveObject, type SectionItems } from './sections.js';
import { normalizeStates } from './states.js';
import { normalizeTimeouts } from './timeouts.js';

/**
 * Normalizes a definition that already passed the 0.8 JSON Schema. Never throws on odd shapes: each
 * problem becomes an issue. Issues come back errors first, then warnings, each in the order found;
 * `value` is set only when there is no error.
 *
 * @example
 * const { value, issues } = normalize({ doc, resources, now: () => clock.now() / 1000 });
 * if (!value) throw new DefinitionError(issues);
 */
export function normalize(input: NormalizeInput): LoadResult<WorkflowDef> {
  const ctx = new NormalizeContext(input);
  const root = input.doc.value;
  if (!isObject(root)) {
    ctx.error('MALFORMED', 'a workflow definition must be an object', '');
    return { issues: ctx.issues };
  }
  const { uriDefinitions, ...header } = normalizeHeader(ctx, root);
  const functionSection = resolveList(ctx, 'functions');
  ctx.scope = { now: input.now, expressionFunctions: expressionFunctionTexts(functionSection) };
  const functions = normalizeFunctions(ctx, functionSection, uriDefinitions);
  const events = normalizeEvents(ctx, resolveList(ctx, 'events'));
  const errors = normalizeErrors(ctx, resolveList(ctx, 'errors'));
  const retries = normalizeRetries(ctx, resolveList(ctx, 'retries'));
  const timeoutSection = resolveObject(ctx, 'timeouts');
  const timeouts = timeoutSection ? normalizeTimeouts(ctx, timeoutSection.value, timeoutSection.base, timeoutSection.doc) : {};
  const states = normalizeStates(ctx, root['states']);

  const def: WorkflowDef = {
    ...header,
    start: startOf(root) ?? states.entries[0]?.name ?? '',
    timeouts,
    functions: functions.functions,
    events: events.map,
    errors: errors.map,
    retries: retries.map,
    states: states.states,
    source: { file: input.doc.file, raw: root },
  };
  const functionSites = new Map<string, Site>();
  for (const e of functions.entries) if (!functionSites.has(e.name)) functionSites.set(e.name, e);
  const issues: DefinitionIssue[] = [
    ...ctx.issues,
    ...checkInvokers(def, new Set(BUILTIN_INVOKERS), { locate: (fn: FunctionDef) => functionSites.get(fn.name) }),
    ...checkSemantics({
      def,
      doc: input.doc,
      entries: {
        states: states.entries,
        functions: functions.entries,
        events: events.entries,
        errors: errors.entries,
        retries: retries.entries,
      },
    }),
  ];
  const sorted = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
  return sorted.some((i) => i.severity === 'error') ? { issues: sorted } : { value: def, issues: sorted };
}

/** `start` as a string or `{stateName}`; `undefined` when absent (then the first state starts; the loader warns). */
function startOf(root: JsonObject): string | undefined {
  const raw = root['start'];
  if (typeof raw === 'string') return raw;
  const o = obj(raw);
  return o ? text(o['stateName']) : undefined;
}

/** Expression functions by name → operation text, for `fn:name` references (checklist §3.5). */
function expressionFunctionTexts(section: SectionItems): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of section.items) {
    const f = obj(item);
    const name = f ? text(f['name']) : undefined;
    const op = f ? f['operation'] : undefined;
    if (f && name !== undefined && text(f['type']) === 'expression' && typeof op === 'string' && !out.has(name)) out.set(name, op);
  }
  return out;
}
