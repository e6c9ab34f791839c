/** Compiled expressions and argument templates of a loaded definition. */
import type { JqProgram } from '@sluice/jq';
import type { Json } from './json.js';

/**
 * A jq expression compiled at load time. `text` is the source as written (with any `${ }` wrapper),
 * `pointer` the JSON pointer of the place it came from.
 */
export interface Expr {
  readonly text: string;
  readonly pointer: string;
  readonly program: JqProgram;
}

/**
 * A function-argument (or event-data) template. SonataFlow tries every string leaf as jq: a leaf that
 * does not compile is a literal; one that compiles is evaluated (and falls back to its text when it
 * fails at run time). See docs/semantics.md "Literal strings".
 */
export type ArgTemplate =
  | { readonly kind: 'literal'; readonly value: Json }
  | { readonly kind: 'expr'; readonly expr: Expr; readonly fallback: string | null }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, ArgTemplate]> }
  | { readonly kind: 'array'; readonly items: readonly ArgTemplate[] };

/**
 * Where `toStateData` / `outputCollection` write. SonataFlow reads the path from the expression text
 * (dotted identifiers, e.g. `.a.b`); an empty path means the root.
 */
export interface TargetPath {
  readonly text: string;
  readonly path: readonly string[];
}

/** An ISO-8601 duration: fixed (`ms`) or an expression evaluated when the timer starts (`$CONST.x`). */
export interface DurationSpec {
  readonly text: string;
  readonly ms?: number;
  readonly expr?: Expr;
}
