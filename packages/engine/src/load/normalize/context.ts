/**
 * State shared while one definition is normalized: the issue list (with positions from the right
 * source document) and the load-time compilation of expressions, argument templates, targets and durations.
 */
import { JqCompileError } from '@sluice/jq';
import type { DefinitionIssue } from '../../errors/definition-error.js';
import { compileArgTemplate, compileExpr, parseTargetPath, unwrapExpression, type ExprScope } from '../../expr/compile.js';
import { parseDuration } from '../../expr/duration.js';
import type { ArgTemplate, DurationSpec, Expr, TargetPath } from '../../model/expression.js';
import type { Json } from '../../model/json.js';
import type { DefinitionIssueCode } from '../../validate/semantic-codes.js';
import type { NormalizeInput, SourceDocument } from '../document.js';
import { text } from './coerce.js';

/** Where a value sits: the document it is in and its JSON pointer there. */
export interface Site {
  readonly doc: SourceDocument;
  readonly pointer: string;
}

/** Options for compiling one expression. */
export interface ExprOptions {
  /** The document the expression is in (default: the definition). */
  readonly doc?: SourceDocument;
  /** Extra jq variables (a foreach `iterationParam`). */
  readonly variables?: readonly string[];
}

/**
 * Collects issues and compiles values for one `normalize` call. Never throws on odd shapes: each
 * helper reports an issue and returns `undefined`.
 * @internal
 */
export class NormalizeContext {
  readonly issues: DefinitionIssue[] = [];
  /** Expression scope; `normalize` adds the expression functions once they are known. */
  scope: ExprScope;

  constructor(readonly input: NormalizeInput) {
    this.scope = { now: input.now };
  }

  /** The definition document. */
  get doc(): SourceDocument {
    return this.input.doc;
  }

  /** Records an issue, locating `pointer` in `doc` (default: the definition). */
  report(
    severity: DefinitionIssue['severity'],
    code: DefinitionIssueCode,
    message: string,
    pointer: string,
    doc: SourceDocument = this.doc,
  ): void {
    this.issues.push(makeIssue(severity, code, message, { doc, pointer }));
  }

  /** Records an error. */
  error(code: DefinitionIssueCode, message: string, pointer: string, doc?: SourceDocument): void {
    this.report('error', code, message, pointer, doc);
  }

  /** Records a warning. */
  warn(code: DefinitionIssueCode, message: string, pointer: string, doc?: SourceDocument): void {
    this.report('warning', code, message, pointer, doc);
  }

  /** Compiles a jq expression at `pointer`; reports `JQ_COMPILE` and returns `undefined` when it fails. */
  expr(value: Json | undefined, pointer: string, opts: ExprOptions = {}): Expr | undefined {
    if (value === undefined || value === null) return undefined;
    const source = text(value);
    if (source === undefined) {
      this.error('MALFORMED', 'expected a jq expression (a string)', pointer, opts.doc);
      return undefined;
    }
    try {
      return compileExpr(source, pointer, this.scopeWith(opts.variables));
    } catch (err) {
      this.error('JQ_COMPILE', describeCompileError(err, source), pointer, opts.doc);
      return undefined;
    }
  }

  /**
   * Compiles a function-argument style template (strings that are not jq are literals). A `${ }`
   * string that does not compile becomes a literal with a `JQ_LITERAL` warning.
   */
  args(value: Json | undefined, pointer: string, variables?: readonly string[]): ArgTemplate | undefined {
    if (value === undefined) return undefined;
    try {
      return compileArgTemplate(value, pointer, this.scopeWith(variables), (err, at) => {
        const source = text(valueAtRelative(value, pointer, at)) ?? '';
        this.warn('JQ_LITERAL', `used as literal text: ${describeCompileError(err, source)}`, at);
      });
    } catch (err) {
      this.error('JQ_COMPILE', describeCompileError(err, text(value) ?? ''), pointer);
      return undefined;
    }
  }

  /** Reads a `toStateData` / `outputCollection` target; reports `TARGET_PATH` when it is not a dotted path. */
  target(value: Json | undefined, pointer: string): TargetPath | undefined {
    if (value === undefined || value === null) return undefined;
    const source = text(value);
    const path = source === undefined ? undefined : parseTargetPath(source);
    if (!path) {
      this.error(
        'TARGET_PATH',
        `${JSON.stringify(value)} is not a target path: write a dotted path such as ".a.b" (SonataFlow reads the target from the text)`,
        pointer,
      );
    }
    return path;
  }

  /**
   * Reads an ISO-8601 duration; with `allowExpr` (eventTimeout) a jq expression such as `$CONST.x` is
   * accepted and evaluated when the timer starts. Reports `DURATION` otherwise.
   */
  duration(
    value: Json | undefined,
    pointer: string,
    opts: { readonly doc?: SourceDocument; readonly allowExpr?: boolean } = {},
  ): DurationSpec | undefined {
    if (value === undefined || value === null) return undefined;
    const source = text(value);
    if (source === undefined) {
      this.error('DURATION', 'expected an ISO-8601 duration (a string such as "PT30S")', pointer, opts.doc);
      return undefined;
    }
    const ms = parseDuration(source);
    if (ms !== undefined) return { text: source, ms };
    if (opts.allowExpr && /^\s*[$.(]/.test(source)) {
      const expr = this.expr(source, pointer, { doc: opts.doc });
      return expr ? { text: source, expr } : undefined;
    }
    const why = /^\s*P[^T]*[YM]/i.test(source)
      ? 'years and months are not supported because their length depends on the calendar (SonataFlow rejects them too); use days or weeks'
      : /^\s*P.*T.*[DW]/i.test(source)
        ? 'days and weeks go before the "T" (write "P30D", not "PT30D")'
        : 'expected an ISO-8601 duration such as "PT30S" or "P1DT2H"';
    this.error('DURATION', `"${source}" is not a usable duration: ${why}`, pointer, opts.doc);
    return undefined;
  }

  private scopeWith(variables: readonly string[] | undefined): ExprScope {
    if (!variables || variables.length === 0) return this.scope;
    return { ...this.scope, variables: [...(this.scope.variables ?? []), ...variables] };
  }
}

/** Builds an issue with line and column from `site.doc.locate` (left out when unknown). @internal */
export function makeIssue(
  severity: DefinitionIssue['severity'],
  code: DefinitionIssueCode,
  message: string,
  site: Site,
): DefinitionIssue {
  let pos: { line: number; column: number } | undefined;
  try {
    pos = site.doc.locate(site.pointer);
  } catch {
    pos = undefined;
  }
  const base = { severity, code, message, file: site.doc.file, pointer: site.pointer };
  return pos ? { ...base, line: pos.line, column: pos.column } : base;
}

/**
 * jq's message plus the position inside the expression text as written (1-based; line only when the
 * expression spans lines). jq's shell hint "(Unix shell quoting issues?)" is dropped.
 */
function describeCompileError(err: unknown, source: string): string {
  if (!(err instanceof JqCompileError)) return `invalid jq expression: ${err instanceof Error ? err.message : String(err)}`;
  const message = err.message.replace(/\s*\(Unix shell quoting issues\?\)/, '');
  const body = unwrapExpression(source);
  const start = body === '' ? -1 : source.indexOf(body);
  let line = err.line;
  let column = err.column;
  if (start >= 0) {
    const before = source.slice(0, start + err.offset);
    const lines = before.split('\n');
    line = lines.length;
    column = lines[lines.length - 1]!.length + 1;
  }
  const where = source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
  return `invalid jq expression ${JSON.stringify(source)}: ${message} (at ${where} of the expression)`;
}

/** The value under `base` at the pointer `at`, where `at` extends `basePointer`. */
function valueAtRelative(base: Json, basePointer: string, at: string): Json | undefined {
  if (at === basePointer) return base;
  const rest = at.slice(basePointer.length).split('/').slice(1);
  let cur: Json | undefined = base;
  for (const raw of rest) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (cur !== null && typeof cur === 'object') cur = cur[key];
    else return undefined;
  }
  return cur;
}
