/**
 * Parse-time semantic checks of a normalized definition (spec 0.8 §Workflow Definition rules;
 * checklist §16.4): references resolve, names are unique, control flow can start and end.
 */
import type { DefinitionIssue } from '../errors/definition-error.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import type { SourceDocument } from '../load/document.js';
import { makeIssue } from '../load/normalize/context.js';
import type { DefinitionIssueCode } from './semantic-codes.js';
import { checkCompensation } from './semantic-compensation.js';
import { checkFlow } from './semantic-flow.js';
import { checkReferences } from './semantic-refs.js';
import { checkStateRules } from './semantic-states.js';

/** A named definition as written, duplicates included, with where it is. */
export interface NamedEntry {
  readonly name: string;
  readonly doc: SourceDocument;
  readonly pointer: string;
}

/** What the checks read: the normalized definition, its document and every named entry. */
export interface SemanticInput {
  readonly def: WorkflowDef;
  readonly doc: SourceDocument;
  readonly entries: {
    readonly states: readonly NamedEntry[];
    readonly functions: readonly NamedEntry[];
    readonly events: readonly NamedEntry[];
    readonly errors: readonly NamedEntry[];
    readonly retries: readonly NamedEntry[];
  };
}

/** Shared by the check modules: known names, the raw document and issue reporting. @internal */
export interface SemanticContext {
  readonly input: SemanticInput;
  /** Names that exist (including entries the normalizer could not build, to avoid follow-on noise). */
  readonly known: {
    readonly states: ReadonlySet<string>;
    readonly functions: ReadonlySet<string>;
    readonly events: ReadonlySet<string>;
    readonly errors: ReadonlySet<string>;
    readonly retries: ReadonlySet<string>;
  };
  error(code: DefinitionIssueCode, message: string, pointer: string, doc?: SourceDocument): void;
  warn(code: DefinitionIssueCode, message: string, pointer: string, doc?: SourceDocument): void;
  /** The raw value at a pointer of the definition document. */
  valueAt(pointer: string): Json | undefined;
}

/**
 * Runs every semantic check and returns all issues found (errors and warnings; none is fatal to the
 * others). `normalize` calls it; the definition need not be free of earlier issues.
 *
 * @example
 * const issues = checkSemantics({ def, doc, entries });
 * const errors = issues.filter((i) => i.severity === 'error');
 */
export function checkSemantics(input: SemanticInput): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const names = (list: readonly NamedEntry[]): ReadonlySet<string> => new Set(list.map((e) => e.name));
  const ctx: SemanticContext = {
    input,
    known: {
      states: names(input.entries.states),
      functions: names(input.entries.functions),
      events: names(input.entries.events),
      errors: names(input.entries.errors),
      retries: names(input.entries.retries),
    },
    error: (code, message, pointer, doc = input.doc) => issues.push(makeIssue('error', code, message, { doc, pointer })),
    warn: (code, message, pointer, doc = input.doc) => issues.push(makeIssue('warning', code, message, { doc, pointer })),
    valueAt: (pointer) => valueAt(input.doc.value, pointer),
  };
  checkReferences(ctx);
  checkFlow(ctx);
  checkCompensation(ctx);
  checkStateRules(ctx);
  return issues;
}

function valueAt(root: Json, pointer: string): Json | undefined {
  if (pointer === '') return root;
  let cur: Json | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (cur !== null && typeof cur === 'object') cur = cur[key];
    else return undefined;
  }
  return cur;
}
