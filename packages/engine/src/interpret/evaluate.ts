/**
 * Evaluating compiled expressions and argument templates against thread data, with `$WORKFLOW`,
 * `$SECRET`, `$SECRETS`, `$CONST` and iteration variables. jq failures become WorkflowErrors that say
 * which expression failed and where it is in the definition.
 */
import { JqError, JqLimitError } from '@sluice/jq';
import { WorkflowError } from '../errors/workflow-error.js';
import type { ArgTemplate, Expr } from '../model/expression.js';
import type { Json, JsonObject } from '../model/json.js';

/** The variables of one evaluation (names without `$`). */
export type Vars = Readonly<Record<string, Json>>;

function fail(expr: Expr, err: unknown): never {
  if (err instanceof JqError || err instanceof JqLimitError) {
    throw new WorkflowError({
      code: 'EXPRESSION_FAILED',
      name: 'ExpressionError',
      message: `expression ${JSON.stringify(expr.text)} at ${expr.pointer} failed: ${err.message}`,
      details: { expression: expr.text, pointer: expr.pointer },
      retryable: false,
    });
  }
  throw err;
}

/**
 * One value from an expression: no output gives null, several outputs give an array (SonataFlow
 * collects multiple outputs into a JSON array).
 */
export function evalOne(expr: Expr, input: Json, variables: Vars): Json {
  let out: Json[];
  try {
    out = expr.program.all(input, { variables });
  } catch (err) {
    fail(expr, err);
  }
  if (out.length === 0) return null;
  if (out.length === 1) return out[0]!;
  return out;
}

/**
 * A condition. jq truthiness: `false` and `null` (and no output) are false, every other value is
 * true. SonataFlow coerced with Jackson; docs/semantics.md "Conditions" records the choice.
 */
export function evalCondition(expr: Expr, input: Json, variables: Vars): boolean {
  let v: Json | undefined;
  try {
    v = expr.program.first(input, { variables });
  } catch (err) {
    fail(expr, err);
  }
  return v !== undefined && v !== null && v !== false;
}

/**
 * Evaluates an argument template. A leaf expression that fails at run time gives its own text,
 * `${ }`-wrapped or not (SonataFlow logs and passes the literal; docs/semantics.md "Literal strings").
 */
export function evalTemplate(t: ArgTemplate, input: Json, variables: Vars): Json {
  switch (t.kind) {
    case 'literal':
      return t.value;
    case 'expr':
      try {
        return evalOne(t.expr, input, variables);
      } catch (err) {
        if (t.fallback !== null && err instanceof WorkflowError) return t.fallback;
        throw err;
      }
    case 'array':
      return t.items.map((i) => evalTemplate(i, input, variables));
    case 'object': {
      const out: JsonObject = {};
      for (const [k, v] of t.entries) out[k] = evalTemplate(v, input, variables);
      return out;
    }
  }
}

/**
 * Like evalTemplate, but leaves whose expression reads `$SECRET`/`$SECRETS` are replaced by `"***"`:
 * the form recorded in history and logs.
 */
export function redactTemplate(t: ArgTemplate, value: Json): Json {
  switch (t.kind) {
    case 'literal':
      return value;
    case 'expr':
      return /\$SECRETS?\b/.test(t.expr.text) ? '***' : value;
    case 'array':
      return Array.isArray(value) ? value.map((v, i) => (t.items[i] ? redactTemplate(t.items[i]!, v) : v)) : value;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const out: JsonObject = { ...value };
      for (const [k, sub] of t.entries) if (k in out) out[k] = redactTemplate(sub, out[k]!);
      return out;
    }
  }
}
