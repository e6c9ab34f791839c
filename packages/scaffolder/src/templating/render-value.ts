/**
 * Renders templated values the way Backstage's workflow runner does: strings with `${{ }}` are
 * rendered, a string that is exactly one `${{ expr }}` keeps the JSON type of `expr` (number,
 * boolean, object, array), a string that renders empty becomes `undefined`, and objects and arrays
 * are rendered recursively (object members that render `undefined` are dropped).
 */
import type { Templater } from './templater.js';

const SINGLE_EXPRESSION = /^\$\{\{((?:(?!\}\}).)*)\}\}$/s;

/** The expression inside `${{ expr }}` when `text` is exactly one expression. */
export function singleExpression(text: string): string | undefined {
  return SINGLE_EXPRESSION.exec(text)?.[1];
}

/** True when `value` (recursively) holds a string with `${{`. */
export function isTemplated(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${{');
  if (Array.isArray(value)) return value.some(isTemplated);
  if (value && typeof value === 'object') return Object.values(value).some(isTemplated);
  return false;
}

/**
 * Renders `value` against `context`.
 *
 * @example renderValue({ n: '${{ parameters.count }}' }, { parameters: { count: 3 } }, t) // { n: 3 }
 */
export function renderValue(value: unknown, context: Readonly<Record<string, unknown>>, templater: Templater): unknown {
  if (typeof value === 'string') return renderText(value, context, templater);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, context, templater));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const rendered = renderValue(v, context, templater);
      if (rendered !== undefined) out[k] = rendered;
    }
    return out;
  }
  return value;
}

function renderText(text: string, context: Readonly<Record<string, unknown>>, templater: Templater): unknown {
  if (!text.includes('${{')) return text;
  const expr = singleExpression(text);
  if (expr !== undefined) {
    const dumped = templater.renderString(`\${{ (${expr}) | dump }}`, context);
    if (dumped === '') return undefined;
    try {
      return JSON.parse(dumped) as unknown;
    } catch {
      return dumped;
    }
  }
  const rendered = templater.renderString(text, context);
  return rendered === '' ? undefined : rendered;
}
