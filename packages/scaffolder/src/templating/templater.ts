/**
 * Nunjucks set up as Backstage does: `${{ … }}` for expressions (so `{{ }}` and `${VAR}` stay as
 * text; `{% %}` blocks and `{# #}` comments keep working), no autoescaping, no loader (no include or
 * import), undefined values rendered as empty, Backstage's filters plus any extra ones, and the
 * member-lookup guard.
 */
import nunjucks from 'nunjucks';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { BUILTIN_FILTERS, type TemplateFilter } from './filters.js';
import { installMemberLookupGuard } from './guard-member-lookup.js';

/** Renders template text against a context. */
export interface Templater {
  /** Renders `text`; throws `TEMPLATING_FAILED` with nunjucks' line/column message on errors. */
  renderString(text: string, context: Readonly<Record<string, unknown>>): string;
  /** Throws `TEMPLATING_FAILED` when `text` does not compile. */
  check(text: string): void;
}

/** Extra filters and globals (Backstage's templating extension point). */
export interface TemplaterOptions {
  readonly filters?: Readonly<Record<string, TemplateFilter>>;
  readonly globals?: Readonly<Record<string, unknown>>;
  /** Nunjucks `trimBlocks`: drop the first newline after a `{% %}` block tag. */
  readonly trimBlocks?: boolean;
  /** Nunjucks `lstripBlocks`: strip whitespace before a `{% %}` block tag on its line. */
  readonly lstripBlocks?: boolean;
}

/**
 * Creates a templater.
 *
 * @example createTemplater().renderString('${{ name | upper }}', { name: 'x' }) // 'X'
 */
export function createTemplater(opts: TemplaterOptions = {}): Templater {
  installMemberLookupGuard();
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    throwOnUndefined: false,
    trimBlocks: opts.trimBlocks ?? false,
    lstripBlocks: opts.lstripBlocks ?? false,
    tags: { variableStart: '${{', variableEnd: '}}' },
  });
  for (const [name, fn] of Object.entries({ ...BUILTIN_FILTERS, ...opts.filters })) {
    env.addFilter(name, (value: unknown, ...args: unknown[]) => fn(value, ...args));
  }
  for (const [name, value] of Object.entries(opts.globals ?? {})) env.addGlobal(name, value);

  const compile = (text: string): nunjucks.Template => {
    try {
      return new nunjucks.Template(text, env, undefined, true);
    } catch (err) {
      throw templatingError(err, text);
    }
  };
  return {
    check(text) {
      compile(text);
    },
    renderString(text, context) {
      const template = compile(text);
      try {
        // A fresh object: templates may `{% set %}` but never change the caller's context.
        return template.render({ ...context });
      } catch (err) {
        if (err instanceof ScaffolderError) throw err;
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof ScaffolderError) throw cause;
        throw templatingError(err, text);
      }
    },
  };
}

function templatingError(err: unknown, text: string): ScaffolderError {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw
    .replace(/^(Template render error: )?\(unknown path\)\s*/, '')
    .replace(/^Error: /, '')
    .replace(/\s+/g, ' ')
    .trim();
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return new ScaffolderError('TEMPLATING_FAILED', `cannot render ${JSON.stringify(shown)}: ${message}`, { cause: err });
}
