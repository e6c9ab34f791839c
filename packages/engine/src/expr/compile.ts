/**
 * Compiling workflow expressions at load time, with SonataFlow's rules: the `${ }` wrapper is
 * optional, `fn:name` names an expression function, and argument strings that are not jq are literals.
 */
import { compile, JqCompileError, type HostFunction } from '@sluice/jq';
import type { ArgTemplate, Expr, TargetPath } from '../model/expression.js';
import type { Json } from '../model/json.js';

/** Host variables every workflow expression may use. */
export const WORKFLOW_VARIABLES = ['WORKFLOW', 'SECRET', 'SECRETS', 'CONST'] as const;

/** What expressions compile against. One scope per loaded definition (plus foreach params). */
export interface ExprScope {
  /** Extra variable names (without `$`), e.g. a foreach `iterationParam`. */
  readonly variables?: readonly string[];
  /** Expression functions by name, for `fn:name` references (their jq text). */
  readonly expressionFunctions?: ReadonlyMap<string, string>;
  /** Seconds since the epoch for jq's `now`; the runtime points it at its Clock. */
  readonly now: () => number;
  readonly functions?: Readonly<Record<string, HostFunction>>;
}

const WRAPPED = /^\s*\$\{([\s\S]*)\}\s*$/;
const LEGACY_WRAPPED = /^\s*\{\{([\s\S]*)\}\}\s*$/;

/** Strips a `${ … }` (or legacy `{{ … }}`) wrapper; returns the text unchanged when there is none. */
export function unwrapExpression(text: string): string {
  const m = WRAPPED.exec(text) ?? LEGACY_WRAPPED.exec(text);
  return m ? m[1]!.trim() : text.trim();
}

/** True when the text carries an explicit `${ }` wrapper. */
export function isWrapped(text: string): boolean {
  return WRAPPED.test(text);
}

function resolveFn(body: string, scope: ExprScope, seen: Set<string> = new Set()): string {
  const m = /^fn:([A-Za-z0-9_.-]+)$/.exec(body);
  if (!m || !scope.expressionFunctions) return body;
  const name = m[1]!;
  const target = scope.expressionFunctions.get(name);
  if (target === undefined || seen.has(name)) return body;
  seen.add(name);
  return resolveFn(unwrapExpression(target), scope, seen);
}

/**
 * Compiles an expression (filter, condition, expression function). Throws `JqCompileError` when the
 * text is not valid jq: in these places SonataFlow also treats invalid jq as an error.
 */
export function compileExpr(text: string, pointer: string, scope: ExprScope): Expr {
  const body = resolveFn(unwrapExpression(text), scope);
  const program = compile(body === '' ? '.' : body, {
    variables: [...WORKFLOW_VARIABLES, ...(scope.variables ?? [])],
    functions: scope.functions,
    now: scope.now,
  });
  return { text, pointer, program };
}

/**
 * Compiles a function-argument value into a template (spec 0.8 §Function arguments, SonataFlow
 * `JqExpressionHandler`): every string leaf that compiles as jq is an expression; one that does not
 * is a literal. A bare text like `Workflow is \(.x)` that only compiles inside quotes is a string
 * interpolation. A `${ }`-wrapped leaf must compile: `strictWrapped` makes that an error.
 */
export function compileArgTemplate(
  value: Json,
  pointer: string,
  scope: ExprScope,
  onWrappedError?: (err: JqCompileError, pointer: string) => void,
): ArgTemplate {
  if (typeof value === 'string') return compileArgString(value, pointer, scope, onWrappedError);
  if (Array.isArray(value)) {
    return { kind: 'array', items: value.map((v, i) => compileArgTemplate(v, `${pointer}/${i}`, scope, onWrappedError)) };
  }
  if (value !== null && typeof value === 'object') {
    return {
      kind: 'object',
      entries: Object.entries(value).map(
        ([k, v]) => [k, compileArgTemplate(v, `${pointer}/${escapePointer(k)}`, scope, onWrappedError)] as const,
      ),
    };
  }
  return { kind: 'literal', value };
}

function compileArgString(
  text: string,
  pointer: string,
  scope: ExprScope,
  onWrappedError?: (err: JqCompileError, pointer: string) => void,
): ArgTemplate {
  try {
    return { kind: 'expr', expr: compileExpr(text, pointer, scope), fallback: text };
  } catch (err) {
    if (!(err instanceof JqCompileError)) throw err;
    if (isWrapped(text)) {
      onWrappedError?.(err, pointer);
      return { kind: 'literal', value: text };
    }
    if (text.includes('\\(')) {
      try {
        const quoted = `"${text.replace(/"/g, '\\"')}"`;
        return { kind: 'expr', expr: compileExpr(quoted, pointer, scope), fallback: text };
      } catch {
        // not an interpolation either: a literal
      }
    }
    return { kind: 'literal', value: text };
  }
}

/** RFC 6901 escaping of one pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Reads a `toStateData` / `outputCollection` target. SonataFlow takes the dotted path from the
 * expression text (`.a.b`, `${ .a.b }`, `a.b`); anything else gives `undefined`.
 */
export function parseTargetPath(text: string): TargetPath | undefined {
  const body = unwrapExpression(text);
  if (body === '.' || body === '') return { text, path: [] };
  const m = /^\.?([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$/.exec(body);
  if (!m) {
    const quoted = /^\.?(?:\[?"([^"]+)"\]?)$/.exec(body);
    return quoted ? { text, path: [quoted[1]!] } : undefined;
  }
  return { text, path: m[1]!.split('.') };
}
