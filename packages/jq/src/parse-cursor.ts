/**
 * The parser's view of the token stream: lookahead, expectations and jq 1.6-style (bison
 * `%error-verbose`) syntax error messages.
 * @module
 */
import type { Node, Span } from './ast.js';
import { JqCompileError, lineColumn } from './errors.js';
import { tokenDisplayName, tokenize, type Token } from './lexer.js';

/**
 * Binding levels besides the infix ones of INFIX (1 to 9). A prefix rule's operand takes the
 * operators that bind tighter than the rule's yacc precedence, as bison shifts those.
 * @internal
 */
export const LEVEL = {
  /** `|`, the loosest operator: a full expression. */
  PIPE: 1,
  /** Operand of `'-' Exp` (precedence of `-`, left): only `* / %` and postfix `?`. */
  NEG_OPERAND: 9,
  /** Postfix `Exp '?'` (`%precedence '?'`, above every infix operator). */
  POSTFIX: 11,
  /** Body of `"try" Exp` (`%precedence "try"`, above `?`): no infix operator, no postfix `?`. */
  TRY_BODY: 13,
  /** Handler of `"try" Exp "catch" Exp` (`%precedence "catch"`, the highest). */
  CATCH_BODY: 14,
} as const;

/**
 * Infix operators by their token: binding level and associativity, as jq 1.6's yacc declarations
 * `%right '|'`, `%left ','`, `%right "//"`, `%nonassoc` assignments, `%left or`, `%left and`,
 * `%nonassoc` comparisons, `%left '+' '-'`, `%left '*' '/' '%'` (lowest first).
 * @internal
 */
export const INFIX: Readonly<Record<string, { level: number; assoc: 'left' | 'right' | 'none' }>> = {
  '|': { level: 1, assoc: 'right' },
  ',': { level: 2, assoc: 'left' },
  '//': { level: 3, assoc: 'right' },
  ...Object.fromEntries(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='].map((op) => [op, { level: 4, assoc: 'none' as const }])),
  or: { level: 5, assoc: 'left' },
  and: { level: 6, assoc: 'left' },
  ...Object.fromEntries(['==', '!=', '<', '<=', '>', '>='].map((op) => [op, { level: 7, assoc: 'none' as const }])),
  '+': { level: 8, assoc: 'left' },
  '-': { level: 8, assoc: 'left' },
  '*': { level: 9, assoc: 'left' },
  '/': { level: 9, assoc: 'left' },
  '%': { level: 9, assoc: 'left' },
};

/** Tokens that may follow a Term somewhere in jq 1.6's grammar (its LALR lookaheads). */
const FOLLOW_TERM = new Set([
  'FIELD', '.', '[', '?', 'as', '|', ',', '//', '=', '|=', '+=', '-=', '*=', '/=', '%=', '//=', 'or', 'and',
  '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', ';', ')', ']', '}', ':', 'then', 'elif', 'else', 'end',
  'catch', 'QQSTRING_INTERP_END', '$end',
]);

/**
 * A token cursor shared by the parser's files. `expression(min, noComma)` parses an expression
 * whose infix operators bind at least as tightly as level `min`; `noComma` stops it at a top-level
 * `,` (object values). The parser installs it.
 * @internal
 */
export class Cursor {
  readonly tokens: Token[];
  pos = 0;
  expression!: (min: number, noComma: boolean) => Node;

  constructor(readonly source: string) {
    this.tokens = tokenize(source);
  }

  /** The current token; a literal jq rejects is reported as soon as the parser looks at it. */
  peek(): Token {
    const t = this.tokens[this.pos] as Token;
    if (t.error !== undefined) throw this.errorAt(t.error, t.start, t.text);
    return t;
  }

  /** The token after the current one, without validating it. */
  peekNext(): Token {
    return this.tokens[Math.min(this.pos + 1, this.tokens.length - 1)] as Token;
  }

  at(type: string): boolean {
    return this.peek().type === type;
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== '$end') this.pos++;
    return t;
  }

  accept(type: string): Token | undefined {
    return this.at(type) ? this.next() : undefined;
  }

  /** Consumes a token of `type`, or fails with bison's message listing `expected` (if given). */
  expect(type: string, expected?: readonly string[]): Token {
    const t = this.peek();
    if (t.type !== type) throw this.syntaxError(t, expected);
    return this.next();
  }

  /** End offset of the last consumed token. */
  get lastEnd(): number {
    return this.pos === 0 ? 0 : (this.tokens[this.pos - 1] as Token).end;
  }

  /**
   * Bison's expectation list after a complete expression, for an error at the current token: what
   * the state reached by default reductions accepts. Except right after a bare `.`: that state
   * has an error action in jq 1.6's grammar (`'.' error`), hence no default reduction, so bison
   * reduces only on a token that may follow a term and otherwise reports there, where too many
   * tokens are expected to list them (`. 1` but `. :, expecting $end`).
   */
  afterExp(expected: readonly string[]): readonly string[] | undefined {
    const prev = this.tokens[this.pos - 1];
    const cur = this.tokens[this.pos] as Token;
    return prev?.type === '.' && !FOLLOW_TERM.has(cur.type) ? undefined : expected;
  }

  /** `syntax error, unexpected X[, expecting A or B] (Unix shell quoting issues?)` at token `t`. */
  syntaxError(t: Token, expected?: readonly string[]): JqCompileError {
    // bison lists at most four expected tokens, else none.
    const list = expected !== undefined && expected.length > 0 && expected.length <= 4 ? `, expecting ${expected.map(tokenDisplayName).join(' or ')}` : '';
    const message = `syntax error, unexpected ${tokenDisplayName(t.type)}${list} (Unix shell quoting issues?)`;
    // jq 1.6 places an error at the end of the program at the start of the last token read.
    if (t.type === '$end') {
      const last = this.tokens.length > 1 ? (this.tokens[this.tokens.length - 2] as Token) : t;
      return this.errorAt(message, last.start, undefined);
    }
    return this.errorAt(message, t.start, t.text);
  }

  /** A semantic error jq 1.6's parser reports about a construct (e.g. `Division by zero?`). */
  fail(message: string, at: Span): JqCompileError {
    return this.errorAt(message, at.start, this.source.slice(at.start, at.end));
  }

  errorAt(message: string, offset: number, token: string | undefined): JqCompileError {
    return new JqCompileError(message, token === undefined ? { offset, source: this.source } : { offset, source: this.source, token });
  }

  /** 1-based line of an offset (for `$__loc__`). */
  lineOf(offset: number): number {
    return lineColumn(this.source, offset).line;
  }
}
