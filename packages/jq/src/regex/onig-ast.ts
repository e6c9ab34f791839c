/**
 * The parsed form of an Oniguruma pattern (jq 1.6 uses ONIG_SYNTAX_PERL_NG): what `onig-parser.ts`
 * produces and `js-emitter.ts` turns into a JavaScript RegExp source. Type-only file.
 * @module
 */

/** Options in force at a point of the pattern (jq's flags plus inline `(?imsx)` groups). */
export interface OnigOptions {
  /** `i`: ignore case (ONIG_OPTION_IGNORECASE). */
  ci: boolean;
  /** Oniguruma's MULTILINE, i.e. `.` also matches a newline: jq flags `m`/`p`, inline `(?s)`. */
  dotall: boolean;
  /** Oniguruma's SINGLELINE (`^` is `\A`, `$` is `\Z`): the Perl_NG default; inline `(?m)` clears it. */
  singleline: boolean;
  /** `x`: extended syntax, whitespace and `#` comments are skipped outside classes. */
  extend: boolean;
}

/**
 * A set of code points given as JavaScript class atoms, e.g. `['\\p{L}', '\\p{Nd}']`: the union of
 * the atoms, complemented when `negated`.
 */
export interface CharProperty {
  kind: 'prop';
  atoms: string[];
  negated: boolean;
  /** False when the set is not closed under case folding (e.g. `\p{Lu}`), see `case-fold.ts`. */
  caseClosed: boolean;
}

/** An inclusive code point range inside a class. `from === to` for a single character. */
export interface CharRange {
  kind: 'range';
  from: number;
  to: number;
}

/** One member of a character class. */
export type ClassItem = CharRange | CharProperty;

/** Zero-width assertions. `searchStart` is `\G`; `grapheme`/`notGrapheme` are `\y`/`\Y`. */
export type AnchorKind =
  | 'bos'
  | 'eos'
  | 'semiEos'
  | 'bol'
  | 'eol'
  | 'wordBoundary'
  | 'notWordBoundary'
  | 'searchStart'
  | 'grapheme'
  | 'notGrapheme';

/** A node of the pattern tree. Group numbers are Oniguruma's (1-based, in order of `(`). */
export type OnigNode =
  | { kind: 'empty' }
  | { kind: 'char'; cp: number; ci: boolean }
  | {
      kind: 'class';
      items: ClassItem[];
      negated: boolean;
      ci: boolean;
      /** Bracket classes are case-folded under `i`; `\w`, `\p{..}` and friends outside brackets are not. */
      fold: boolean;
    }
  | { kind: 'any'; dotall: boolean }
  | { kind: 'seq'; items: OnigNode[] }
  | { kind: 'alt'; alts: OnigNode[] }
  | { kind: 'anchor'; anchor: AnchorKind }
  | { kind: 'look'; behind: boolean; negated: boolean; body: OnigNode }
  | { kind: 'group'; index: number; body: OnigNode }
  | { kind: 'atomic'; body: OnigNode }
  | { kind: 'quant'; min: number; max: number; greedy: boolean; possessive: boolean; body: OnigNode }
  /** `\1`, `\k<name>`: `groups` in the order they are tried (a multiplexed name tries its last group first). */
  | { kind: 'backref'; groups: number[]; ci: boolean }
  /** `\g<name>` / `\g<n>`: resolved to a group number after parsing (0 is the whole pattern). */
  | { kind: 'call'; index: number; name: string | null }
  /** `(?(cond)yes|no)` with a group condition; `yes` null means a bare validity check `(?(1))`. */
  | { kind: 'condition'; groups: number[]; yes: OnigNode | null; no: OnigNode | null }
  /** `(?(pattern)yes|no)`: the condition is matched atomically and consumes its text. */
  | { kind: 'conditionPattern'; cond: OnigNode; yes: OnigNode; no: OnigNode | null }
  /** `(?~absent)`, or `(?~|absent|expr)` when `expr` is given. */
  | { kind: 'absent'; body: OnigNode; expr: OnigNode | null }
  | { kind: 'keep' }
  | { kind: 'generalNewline' }
  | { kind: 'graphemeCluster' };

/** The result of parsing one pattern. */
export interface ParsedPattern {
  root: OnigNode;
  /** Number of capture groups (named and unnamed). */
  groupCount: number;
  /** `names[i]` is the name of group `i` (1-based; index 0 unused), or null when unnamed. */
  names: (string | null)[];
  /** The body of each group by number, for subexpression calls. */
  groupBodies: OnigNode[];
}
