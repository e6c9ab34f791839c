/**
 * The jq 1.6 lexer: program text to tokens, following jq 1.6's flex scanner (src/lexer.l) rule for
 * rule, including its longest-match ties, its bracket-matching state stack and string states.
 * @module
 */
import { KEYWORDS } from './ast.js';
import { decodeEscapes, numberLiteralError } from './lex-literals.js';

/**
 * One token. `type` is the name bison uses in messages, without quotes: `IDENT`, `FIELD` (`.foo`),
 * `LITERAL` (a number), `FORMAT` (`@name`), `QQSTRING_START`, `QQSTRING_TEXT`,
 * `QQSTRING_INTERP_START`, `QQSTRING_INTERP_END`, `QQSTRING_END`, `INVALID_CHARACTER`, `$end`, a
 * keyword (`and`, `__loc__`, ...) or the operator text (`|`, `//=`, `?//`, `..`, `(`, ...).
 */
export interface Token {
  type: string;
  /** The source text of the token. */
  text: string;
  /** UTF-16 offsets into the program, `end` exclusive. */
  start: number;
  end: number;
  /**
   * IDENT: the name (may contain `::`); FIELD: the name without the dot; FORMAT: the name with its
   * `@`; QQSTRING_TEXT: the decoded text; LITERAL: the number (`1e1000` is Infinity).
   */
  value?: string | number;
  /** Set on a LITERAL or QQSTRING_TEXT jq 1.6 rejects: the message its JSON parser gives. */
  error?: string;
}

type State = 'paren' | 'bracket' | 'brace' | 'interp' | 'string';

const OPENERS: Record<string, State> = { '(': 'paren', '[': 'bracket', '{': 'brace' };
const CLOSER_OF: Record<State, string> = { paren: ')', bracket: ']', brace: '}', interp: ')', string: '' };
/** Operators of two or three characters, longest first so the first match is the longest. */
const MULTI_OPERATORS = ['?//', '//=', '!=', '==', '//', '|=', '+=', '-=', '*=', '/=', '%=', '<=', '>='];
const SINGLE_OPERATORS = new Set(['?', '=', ';', ',', ':', '|', '+', '-', '*', '/', '%', '$', '<', '>']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentChar = (c: number): boolean => isIdentStart(c) || isDigit(c);
const isAlnum = (c: number): boolean => isIdentChar(c) && c !== 95;

/**
 * Tokenizes a whole program. Never throws: characters jq 1.6 does not accept become
 * `INVALID_CHARACTER` tokens (as do closers that do not match the innermost opener), and invalid
 * number or escape literals carry an `error`. The last token is always `$end`.
 *
 * Deliberate divergence: `\r` counts as whitespace (jq 1.6 rejects it; jq 1.8 accepts it), so
 * programs with CRLF line ends parse.
 * @example tokenize('.a | 1').map((t) => t.type) // ['FIELD', '|', 'LITERAL', '$end']
 */
export function tokenize(source: string): Token[] {
  return new Lexer(source).run();
}

class Lexer {
  private pos = 0;
  private readonly stack: State[] = [];
  private readonly tokens: Token[] = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    const n = this.src.length;
    while (this.pos < n) {
      if (this.stack[this.stack.length - 1] === 'string') this.stringToken();
      else this.codeToken();
    }
    this.tokens.push({ type: '$end', text: '', start: n, end: n, value: undefined, error: undefined });
    return this.tokens;
  }

  /** Emits a token from the current position to `end` (all tokens share one object shape). */
  private push(type: string, end: number, value?: string | number, error?: string): void {
    const start = this.pos;
    this.tokens.push({ type, text: this.src.slice(start, end), start, end, value, error });
    this.pos = end;
  }

  private codeToken(): void {
    const { src, pos } = this;
    const c = src.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      let end = pos + 1;
      for (let d = src.charCodeAt(end); d === 32 || d === 9 || d === 10 || d === 13; d = src.charCodeAt(++end));
      this.pos = end;
    } else if (c === 35 /* # */) {
      let end = pos + 1;
      while (end < src.length && src[end] !== '\n' && src[end] !== '\r') end++;
      this.pos = end;
    } else if (c === 46 /* . */ || isDigit(c)) {
      this.dotOrNumber();
    } else if (isIdentStart(c)) {
      const end = this.identEnd(pos);
      const text = src.slice(pos, end);
      if (KEYWORDS.has(text)) this.push(text, end);
      else this.push('IDENT', end, text);
    } else if (c === 34 /* " */) {
      this.stack.push('string');
      this.push('QQSTRING_START', pos + 1);
    } else if (c === 64 /* @ */) {
      let end = pos + 1;
      while (end < src.length && isIdentChar(src.charCodeAt(end))) end++;
      if (end > pos + 1) this.push('FORMAT', end, src.slice(pos, end));
      else this.push('INVALID_CHARACTER', end);
    } else if (OPENERS[src[pos] as string] !== undefined) {
      this.stack.push(OPENERS[src[pos] as string] as State);
      this.push(src[pos] as string, pos + 1);
    } else if (c === 41 || c === 93 || c === 125 /* ) ] } */) {
      this.closer();
    } else {
      this.operator();
    }
  }

  /** `[a-zA-Z_][a-zA-Z_0-9]*` with `::`-separated parts, as jq's IDENT rule. */
  private identEnd(from: number): number {
    const { src } = this;
    let end = from + 1;
    for (;;) {
      while (end < src.length && isIdentChar(src.charCodeAt(end))) end++;
      if (src.startsWith('::', end) && isIdentStart(src.charCodeAt(end + 2))) end += 3;
      else return end;
    }
  }

  /**
   * At `.` or a digit, flex picks the longest of `..`, `.`, the number rule
   * `[0-9.]+([eE][+-]?[0-9]+)?` and FIELD `\.[a-zA-Z_][a-zA-Z_0-9]*`; ties go to the earlier rule
   * in that order. So `.e5` and `...` are (invalid) numbers and `.e5x` is a field.
   */
  private dotOrNumber(): void {
    const { src, pos } = this;
    let num = pos;
    while (num < src.length && (src[num] === '.' || isDigit(src.charCodeAt(num)))) num++;
    if (src[num] === 'e' || src[num] === 'E') {
      let e = num + 1;
      if (src[e] === '+' || src[e] === '-') e++;
      if (isDigit(src.charCodeAt(e))) {
        while (isDigit(src.charCodeAt(e))) e++;
        num = e;
      }
    }
    let field = pos;
    if (src[pos] === '.' && isIdentStart(src.charCodeAt(pos + 1))) {
      field = pos + 2;
      while (field < src.length && isIdentChar(src.charCodeAt(field))) field++;
    }
    const rec = src.startsWith('..', pos) ? pos + 2 : pos;
    const dot = src[pos] === '.' ? pos + 1 : pos;
    const best = Math.max(rec, dot, num, field);
    if (best === rec) {
      this.push('..', rec);
    } else if (best === dot) {
      this.push('.', dot);
    } else if (best === num) {
      const text = src.slice(pos, num);
      const error = numberLiteralError(text);
      this.push('LITERAL', num, error === undefined ? Number(text) : 0, error);
    } else {
      this.push('FIELD', field, src.slice(pos + 1, field));
    }
  }

  /** A closer ends the innermost bracket state if it matches it, else it is INVALID_CHARACTER. */
  private closer(): void {
    const ch = this.src[this.pos] as string;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || CLOSER_OF[top] !== ch) {
      this.push('INVALID_CHARACTER', this.pos + 1);
      return;
    }
    this.stack.pop();
    this.push(top === 'interp' ? 'QQSTRING_INTERP_END' : ch, this.pos + 1);
  }

  private operator(): void {
    const { src, pos } = this;
    for (const op of MULTI_OPERATORS) {
      if (src.startsWith(op, pos)) {
        this.push(op, pos + op.length);
        return;
      }
    }
    const ch = src[pos] as string;
    if (SINGLE_OPERATORS.has(ch)) {
      this.push(ch, pos + 1);
      return;
    }
    const cp = src.codePointAt(pos) as number;
    this.push('INVALID_CHARACTER', pos + (cp > 0xffff ? 2 : 1));
  }

  /** Inside `"..."`: interpolation start, the closing quote, a run of escapes, or plain text. */
  private stringToken(): void {
    const { src, pos } = this;
    const c = src[pos];
    if (c === '"') {
      this.stack.pop();
      this.push('QQSTRING_END', pos + 1);
      return;
    }
    if (c !== '\\') {
      let end = pos + 1;
      while (end < src.length && src[end] !== '\\' && src[end] !== '"') end++;
      this.push('QQSTRING_TEXT', end, src.slice(pos, end));
      return;
    }
    if (src[pos + 1] === '(') {
      this.stack.push('interp');
      this.push('QQSTRING_INTERP_START', pos + 2);
      return;
    }
    // A run of escapes `(\\[^u(]|\\u[a-zA-Z0-9]{0,4})+`, decoded together as jq does (so a
    // surrogate pair split across two `\u` escapes decodes).
    let end = pos;
    while (src[end] === '\\' && end + 1 < src.length && src[end + 1] !== '(') {
      if (src[end + 1] === 'u') {
        end += 2;
        for (let k = 0; k < 4 && isAlnum(src.charCodeAt(end)); k++) end++;
      } else {
        end += 1 + ((src.codePointAt(end + 1) as number) > 0xffff ? 2 : 1);
      }
    }
    if (end === pos) {
      this.push('INVALID_CHARACTER', pos + 1); // a lone backslash at the end of the program
      return;
    }
    const decoded = decodeEscapes(src.slice(pos, end));
    if (typeof decoded === 'string') this.push('QQSTRING_TEXT', end, decoded);
    else this.push('QQSTRING_TEXT', end, '', decoded.error);
  }
}

/** The name bison gives a token type in messages: `'|'` for one character, else the bare name. */
export function tokenDisplayName(type: string): string {
  return type.length === 1 ? `'${type}'` : type;
}
