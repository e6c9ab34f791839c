/**
 * The lexical half of the JSON text reader in `jv-parser.ts`. `JsonScanner` classifies bytes one
 * at a time, collects the bytes of bare words (`true`, `12`, `NaN`, ...) and string bodies, and
 * counts lines and columns the way jq 1.6 reports them (a column counts bytes; a newline moves to
 * column 0 of the next line). The decoders below turn a collected word or string body into a
 * value, or throw a `TextError` carrying jq's wording.
 * @module
 */
import type { Json } from './ast.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** A syntax problem in a JSON text; `message` is jq's wording without the position. @internal */
export class TextError extends Error {}

export const NEWLINE = 0x0a;
export const RECORD_SEPARATOR = 0x1e;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Where the scanner is: between values, inside a string (just after a backslash, or not), or
 * skipping everything up to the next record separator (`--seq` after an error).
 * @internal
 */
export type ScanMode = 'between' | 'string' | 'escape' | 'skip';

/**
 * What one byte was: part of a word or string body (`absorbed`), skipped text, whitespace, an
 * opening or closing quote, one of `[ ] { } , :`, or a record separator (0x1e, whatever the mode).
 * @internal
 */
export type Lexeme = 'absorbed' | 'skipped' | 'space' | 'open-quote' | 'close-quote' | 'punct' | 'separator';

/** For each byte value, what it means between values. */
const BETWEEN: Lexeme[] = new Array<Lexeme>(256).fill('absorbed');
for (const c of ' \t\r\n') BETWEEN[c.charCodeAt(0)] = 'space';
for (const c of '[]{},:') BETWEEN[c.charCodeAt(0)] = 'punct';
BETWEEN[QUOTE] = 'open-quote';

/** Byte-level lexer with jq's line/column bookkeeping. @internal */
export class JsonScanner {
  mode: ScanMode;
  line = 1;
  column = 0;
  /** Whether the last byte looked at between values (record separators aside) was whitespace. */
  spaceBefore = false;
  private text = new Uint8Array(64);
  private textLength = 0;

  constructor(mode: ScanMode) {
    this.mode = mode;
  }

  /** Whether a word or string body has started. */
  get hasText(): boolean {
    return this.textLength > 0;
  }

  /** The bytes collected so far (a view, valid until the next byte is pushed). */
  collected(): Uint8Array {
    return this.text.subarray(0, this.textLength);
  }

  clearText(): void {
    this.textLength = 0;
  }

  /** Takes one byte: advances the position, collects it if it belongs to a word or string. */
  push(b: number): Lexeme {
    if (b === NEWLINE) {
      this.line++;
      this.column = 0;
    } else {
      this.column++;
    }
    if (this.mode === 'skip') {
      if (b === RECORD_SEPARATOR) this.mode = 'between';
      return 'skipped';
    }
    if (b === RECORD_SEPARATOR) return 'separator';
    this.spaceBefore = false;
    if (this.mode === 'between') {
      const kind = BETWEEN[b]!;
      if (kind === 'absorbed') this.collect(b);
      else if (kind === 'space') this.spaceBefore = true;
      return kind;
    }
    if (this.mode === 'string' && b === QUOTE) return 'close-quote';
    this.collect(b);
    this.mode = this.mode === 'string' && b === BACKSLASH ? 'escape' : 'string';
    return 'absorbed';
  }

  private collect(b: number): void {
    if (this.textLength === this.text.length) {
      const grown = new Uint8Array(this.text.length * 2);
      grown.set(this.text);
      this.text = grown;
    }
    this.text[this.textLength++] = b;
  }
}

const KEYWORDS: ReadonlyMap<number, readonly [string, Json]> = new Map([
  [0x74, ['true', true]],
  [0x66, ['false', false]],
  [0x6e, ['null', null]],
]);

/**
 * The value of a bare word: a word starting with `t`, `f` or `n` must be exactly `true`, `false`
 * or `null`; anything else is read as a number (`parseNumberToken`).
 * @internal
 */
export function decodeWord(word: Uint8Array): Json {
  const keyword = KEYWORDS.get(word[0]!);
  if (keyword !== undefined) {
    const [spelling, value] = keyword;
    let same = word.length === spelling.length;
    for (let i = 0; same && i < word.length; i++) same = word[i] === spelling.charCodeAt(i);
    if (!same) throw new TextError('Invalid literal');
    return value;
  }
  let text = '';
  for (const b of word) text += String.fromCharCode(b);
  const n = parseNumberToken(text);
  if (n === undefined) throw new TextError('Invalid numeric literal');
  return n;
}

const LEADING_VF = /^[\v\f]+/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(?:(nan)|inf|infinity)$/i;

/**
 * A number word as jq 1.6 reads it: optional leading \v/\f, then a decimal with optional sign,
 * fraction and exponent (`01`, `+1`, `.5`, `1.` are fine), or case-insensitive `inf`,
 * `infinity`, `nan` with optional sign. Undefined when jq rejects it.
 * @internal
 */
export function parseNumberToken(token: string): number | undefined {
  const body = token.replace(LEADING_VF, '');
  if (DECIMAL.test(body)) return Number(body);
  const m = NON_FINITE.exec(body);
  if (m === null) return undefined;
  if (m[2] !== undefined) return NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}

/** What a single-character escape stands for, by the byte after the backslash. */
const SIMPLE_ESCAPES: ReadonlyMap<number, number> = new Map(
  [['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']].map(
    ([k, v]) => [k!.charCodeAt(0), v!.charCodeAt(0)],
  ),
);

/** Four hex digits at `at` as a number, or -1 if any is not a hex digit. */
function hexQuad(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let k = at; k < at + 4; k++) {
    const d = Number.parseInt(String.fromCharCode(bytes[k]!), 16);
    if (Number.isNaN(d)) return -1;
    n = n * 16 + d;
  }
  return n;
}

/**
 * The string a raw string body (the bytes between the quotes) stands for. Escapes are turned
 * into UTF-8 first and the whole is decoded at the end, so malformed UTF-8 next to an escape
 * decodes as it would in jq. Unescaped U+0001..U+001E are rejected (jq lets U+0000 and U+001F
 * through).
 * @internal
 */
export function decodeStringBody(body: Uint8Array): string {
  const out = new Uint8Array(body.length);
  let n = 0;
  let i = 0;
  while (i < body.length) {
    const b = body[i++]!;
    if (b !== BACKSLASH) {
      if (b >= 0x01 && b <= 0x1e) {
        throw new TextError('Invalid string: control characters from U+0000 through U+001F must be escaped');
      }
      out[n++] = b;
      continue;
    }
    if (i === body.length) throw new TextError('Expected escape character at end of string');
    const kind = body[i++]!;
    const simple = SIMPLE_ESCAPES.get(kind);
    if (simple !== undefined) {
      out[n++] = simple;
      continue;
    }
    if (kind !== 0x75) throw new TextError('Invalid escape');
    if (body.length - i < 4) throw new TextError('Invalid \\uXXXX escape');
    let cp = hexQuad(body, i);
    if (cp < 0) throw new TextError('Invalid characters in \\uXXXX escape');
    i += 4;
    if (cp >= 0xd800 && cp < 0xdc00) {
      const followedByEscape = body.length - i >= 6 && body[i] === BACKSLASH && body[i + 1] === 0x75;
      const low = followedByEscape ? hexQuad(body, i + 2) : -1;
      if (low < 0xdc00 || low > 0xdfff) throw new TextError('Invalid \\uXXXX\\uXXXX surrogate pair escape');
      i += 6;
      cp = 0x10000 + (cp - 0xd800) * 0x400 + (low - 0xdc00);
    }
    n = encodeUtf8(cp, out, n);
  }
  return decodeUtf8(out, 0, n);
}
