/**
 * An incremental parser for a stream of JSON texts that behaves like jq 1.6's `jv_parse.c`: it
 * works on UTF-8 bytes fed in buffers, emits each top-level value as soon as it is complete,
 * accepts what jq accepts (`NaN`, `Infinity`, leading zeros, `+1`, `.5`) and reports errors with
 * jq's exact words and its line/column counting (columns count bytes; a newline sets column 0).
 *
 * Why a port instead of JSON.parse: the CLI must print jq's messages byte for byte
 * (`parse error: Unfinished JSON term at EOF at line 2, column 0`), feed files through one parser
 * (jq concatenates its input files), and support `--seq` record separators; `fromjson`
 * (`json-parse.ts`) falls back to it for jq's extensions and error texts. Streaming mode
 * (`--stream`) is not ported.
 * @module
 */
import type { Json } from './ast.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';
import { setKey, type JsonObject } from './value.js';

/** One step of the parser: a value, an error message (jq's text), or nothing yet. @internal */
export type ParseStep = { kind: 'value'; value: Json } | { kind: 'error'; message: string } | { kind: 'none' };

const NONE: ParseStep = { kind: 'none' };
const RS = 0x1e;
const BOM = [0xef, 0xbb, 0xbf];
const BOM_MALFORMED = 0xff;

const enum St {
  Normal,
  String,
  StringEscape,
  WaitingForRs,
}

/** jq's parser stack depth limit (containers and pending keys both count). */
const MAX_PARSING_DEPTH = 256;
/** What jq's strtod accepts for a token that does not start with t, f or n (it skips leading \v, \f). */
const NUMBER_RE = /^[\v\f]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFNAN_RE = /^[\v\f]*([+-]?)(?:(inf|infinity)|nan)$/i;

/** Marks "no value" for `next` (jq's `jv_invalid()`); JSON null is a real value. */
const INVALID: unique symbol = Symbol('invalid');
type Slot = Json | typeof INVALID;
type Frame = Json[] | JsonObject | string;

/**
 * jq 1.6's JSON text parser. Feed bytes with `setBuf`, pull values with `next` until it returns
 * `none` (needs more input, or finished at EOF).
 *
 * @example
 * const p = new JvParser();
 * p.setBuf(new TextEncoder().encode('1 [2'), false);
 * p.next(); // { kind: 'value', value: 1 }
 * p.next(); // { kind: 'error', message: 'Unfinished JSON term at EOF at line 1, column 4' }
 * @internal
 */
export class JvParser {
  private readonly seq: boolean;
  private buf: Uint8Array | null = null;
  private pos = 0;
  private partial = false;
  private eof = false;
  private bomPos = 0;
  private stack: Frame[] = [];
  private nextValue: Slot = INVALID;
  private token = new Uint8Array(256);
  private tokenPos = 0;
  private line = 1;
  private column = 0;
  private st = St.Normal;
  private lastChWasWs = false;
  private out: Slot = INVALID;

  constructor(options: { seq?: boolean } = {}) {
    this.seq = options.seq ?? false;
    // With --seq, text before the first RS is abandoned.
    if (this.seq) this.st = St.WaitingForRs;
  }

  /** Bytes of the current buffer not consumed yet (`jv_parser_remaining`). */
  remaining(): number {
    return this.buf === null ? 0 : this.buf.length - this.pos;
  }

  /** Gives the parser its next buffer; `isPartial` false means EOF after it. */
  setBuf(bytes: Uint8Array, isPartial: boolean): void {
    let start = 0;
    while (start < bytes.length && this.bomPos < BOM.length) {
      if (bytes[start] === BOM[this.bomPos]) {
        start++;
        this.bomPos++;
      } else {
        this.bomPos = this.bomPos === 0 ? BOM.length : BOM_MALFORMED;
        break;
      }
    }
    this.buf = start === 0 ? bytes : bytes.subarray(start);
    this.pos = 0;
    this.partial = isPartial;
  }

  /** The next value, error or `none` (`jv_parser_next`). */
  next(): ParseStep {
    if (this.eof || this.buf === null) return NONE;
    if (this.bomPos === BOM_MALFORMED) {
      if (!this.seq) return { kind: 'error', message: 'Malformed BOM' };
      // jq sets "waiting for RS" and then resets the parser, which undoes it: parsing goes on.
      this.reset();
    }
    const buf = this.buf;
    let msg: string | null | true = null;
    let ch = 0;
    this.out = INVALID;
    while (msg === null && this.pos < buf.length) {
      ch = buf[this.pos++]!;
      if (this.st === St.WaitingForRs) {
        if (ch === 10) {
          this.line++;
          this.column = 0;
        } else {
          this.column++;
        }
        if (ch === RS) this.st = St.Normal;
        continue;
      }
      msg = this.scan(ch);
    }
    if (msg === true) {
      const v = this.out as Slot;
      this.out = INVALID;
      return v === INVALID ? NONE : { kind: 'value', value: v };
    }
    if (msg !== null) {
      this.out = INVALID;
      if (ch !== RS && this.seq) {
        this.st = St.WaitingForRs;
        const message = `${msg} at line ${this.line}, column ${this.column} (need RS to resync)`;
        this.reset();
        this.st = St.WaitingForRs;
        return { kind: 'error', message };
      }
      const message = `${msg} at line ${this.line}, column ${this.column}`;
      this.reset();
      if (!this.seq) {
        this.buf = null; // jq throws the rest of this buffer away
        this.pos = 0;
      }
      return { kind: 'error', message };
    }
    if (this.partial) return NONE;
    return this.atEof();
  }

  private atEof(): ParseStep {
    this.eof = true;
    const where = `at EOF at line ${this.line}, column ${this.column}`;
    if (this.st === St.WaitingForRs) return this.eofError(`Unfinished abandoned text ${where}`);
    if (this.st !== St.Normal) return this.eofError(`Unfinished string ${where}`);
    const lit = this.checkLiteral();
    if (lit !== null) return this.eofError(`${lit} ${where}`);
    if (this.stack.length !== 0) return this.eofError(`Unfinished JSON term ${where}`);
    if (this.seq && !this.lastChWasWs && typeof this.nextValue === 'number') {
      return this.eofError(`Potentially truncated top-level numeric value ${where}`);
    }
    const v = this.nextValue;
    this.nextValue = INVALID;
    return v === INVALID ? NONE : { kind: 'value', value: v };
  }

  private eofError(message: string): ParseStep {
    this.reset();
    this.st = St.WaitingForRs;
    return { kind: 'error', message };
  }

  private reset(): void {
    this.nextValue = INVALID;
    this.stack = [];
    this.tokenPos = 0;
    this.st = St.Normal;
  }

  /** One byte (`scan`): null = keep going, true = a value is in `out`, string = error. */
  private scan(ch: number): string | null | true {
    this.column++;
    if (ch === 10) {
      this.line++;
      this.column = 0;
    }
    if (ch === RS) return this.scanRs();
    let answer: true | null = null;
    this.lastChWasWs = false;
    if (this.st === St.Normal) {
      const isWs = ch === 32 || ch === 9 || ch === 13 || ch === 10;
      const isStructure = ch === 91 || ch === 44 || ch === 93 || ch === 123 || ch === 58 || ch === 125;
      const isQuote = ch === 34;
      if (isWs) this.lastChWasWs = true;
      if (!isWs && !isStructure && !isQuote) {
        this.tokenAdd(ch);
        return null;
      }
      const lit = this.checkLiteral();
      if (lit !== null) return lit;
      if (this.checkDone()) answer = true;
      if (isQuote) {
        this.st = St.String;
      } else if (isStructure) {
        const err = this.structure(ch);
        if (err !== null) return err;
      }
      if (this.checkDone()) answer = true;
    } else if (ch === 34 && this.st === St.String) {
      const err = this.foundString();
      if (err !== null) return err;
      this.st = St.Normal;
      if (this.checkDone()) answer = true;
    } else {
      this.tokenAdd(ch);
      this.st = ch === 92 && this.st === St.String ? St.StringEscape : St.String;
    }
    return answer;
  }

  private scanRs(): string | null | true {
    const truncated = this.seq && !this.lastChWasWs && (this.stack.length > 0 || this.tokenPos > 0 || typeof this.nextValue === 'number');
    if (truncated) {
      if (this.checkLiteral() === null && typeof this.nextValue === 'number') {
        return 'Potentially truncated top-level numeric value';
      }
      return 'Truncated value';
    }
    const lit = this.checkLiteral();
    if (lit !== null) return lit;
    if (this.st === St.Normal && this.checkDone()) return true;
    this.reset();
    this.out = INVALID;
    return true;
  }

  private checkDone(): boolean {
    if (this.stack.length === 0 && this.nextValue !== INVALID) {
      this.out = this.nextValue;
      this.nextValue = INVALID;
      return true;
    }
    return false;
  }

  private tokenAdd(ch: number): void {
    if (this.tokenPos === this.token.length) {
      const bigger = new Uint8Array(this.token.length * 2);
      bigger.set(this.token);
      this.token = bigger;
    }
    this.token[this.tokenPos++] = ch;
  }

  private value(v: Json): string | null {
    if (this.nextValue !== INVALID) return 'Expected separator between values';
    this.nextValue = v;
    return null;
  }

  /** A literal or number token ended (`check_literal`). */
  private checkLiteral(): string | null {
    if (this.tokenPos === 0) return null;
    const t = this.token;
    const first = t[0];
    let pattern: string | null = null;
    let v: Json = null;
    if (first === 116) [pattern, v] = ['true', true];
    else if (first === 102) [pattern, v] = ['false', false];
    else if (first === 110) [pattern, v] = ['null', null];
    if (pattern !== null) {
      if (this.tokenPos !== pattern.length) return 'Invalid literal';
      for (let i = 0; i < pattern.length; i++) if (t[i] !== pattern.charCodeAt(i)) return 'Invalid literal';
    } else {
      const text = String.fromCharCode(...t.subarray(0, this.tokenPos));
      const n = parseNumberToken(text);
      if (n === undefined) return 'Invalid numeric literal';
      v = n;
    }
    const err = this.value(v);
    if (err !== null) return err;
    this.tokenPos = 0;
    return null;
  }

  /** `[ , ] { : }` (`token`). */
  private structure(ch: number): string | null {
    const stack = this.stack;
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    switch (ch) {
      case 91: // [
      case 123: // {
        if (stack.length >= MAX_PARSING_DEPTH) return 'Exceeds depth limit for parsing';
        if (this.nextValue !== INVALID) return 'Expected separator between values';
        stack.push(ch === 91 ? [] : {});
        return null;
      case 58: // :
        if (this.nextValue === INVALID) return "Expected string key before ':'";
        if (top === undefined || !isObject(top)) return "':' not as part of an object";
        if (typeof this.nextValue !== 'string') return 'Object keys must be strings';
        stack.push(this.nextValue);
        this.nextValue = INVALID;
        return null;
      case 44: // ,
        if (this.nextValue === INVALID) return "Expected value before ','";
        if (top === undefined) return "',' not as part of an object or array";
        if (Array.isArray(top)) {
          top.push(this.nextValue);
        } else if (typeof top === 'string') {
          setKey(stack[stack.length - 2] as JsonObject, top, this.nextValue);
          stack.pop();
        } else {
          return 'Objects must consist of key:value pairs';
        }
        this.nextValue = INVALID;
        return null;
      case 93: // ]
        if (top === undefined || !Array.isArray(top)) return "Unmatched ']'";
        if (this.nextValue !== INVALID) top.push(this.nextValue);
        else if (top.length !== 0) return 'Expected another array element';
        this.nextValue = stack.pop()!;
        return null;
      default: // }
        if (top === undefined) return "Unmatched '}'";
        if (this.nextValue !== INVALID) {
          if (typeof top !== 'string') return 'Objects must consist of key:value pairs';
          setKey(stack[stack.length - 2] as JsonObject, top, this.nextValue);
          stack.pop();
          this.nextValue = INVALID;
        } else {
          if (!isObject(top)) return "Unmatched '}'";
          if (Object.keys(top).length !== 0) return 'Expected another key-value pair';
        }
        this.nextValue = stack.pop()!;
        return null;
    }
  }

  /** The closing quote of a string: decode escapes (`found_string`). */
  private foundString(): string | null {
    const t = this.token;
    const end = this.tokenPos;
    const out = new Uint8Array(end);
    let o = 0;
    let i = 0;
    while (i < end) {
      const c = t[i++]!;
      if (c !== 92) {
        if (c > 0 && c < 0x1f) return 'Invalid string: control characters from U+0000 through U+001F must be escaped';
        out[o++] = c;
        continue;
      }
      if (i >= end) return 'Expected escape character at end of string';
      const e = t[i++]!;
      switch (e) {
        case 92: case 34: case 47: out[o++] = e; break; // \\ \" \/
        case 98: out[o++] = 8; break; // \b
        case 102: out[o++] = 12; break; // \f
        case 116: out[o++] = 9; break; // \t
        case 110: out[o++] = 10; break; // \n
        case 114: out[o++] = 13; break; // \r
        case 117: { // \u
          if (i + 4 > end) return 'Invalid \\uXXXX escape';
          let cp = unhex4(t, i);
          if (cp < 0) return 'Invalid characters in \\uXXXX escape';
          i += 4;
          if (cp >= 0xd800 && cp <= 0xdbff) {
            if (i + 6 > end || t[i] !== 92 || t[i + 1] !== 117) return 'Invalid \\uXXXX\\uXXXX surrogate pair escape';
            const low = unhex4(t, i + 2);
            if (!(low >= 0xdc00 && low <= 0xdfff)) return 'Invalid \\uXXXX\\uXXXX surrogate pair escape';
            i += 6;
            cp = 0x10000 + (((cp - 0xd800) << 10) | (low - 0xdc00));
          }
          o = encodeUtf8(cp, out, o);
          break;
        }
        default:
          return 'Invalid escape';
      }
    }
    const err = this.value(decodeUtf8(out, 0, o));
    if (err !== null) return err;
    this.tokenPos = 0;
    return null;
  }
}

function isObject(f: Frame): f is JsonObject {
  return typeof f === 'object' && !Array.isArray(f);
}

function unhex4(t: Uint8Array, at: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const c = t[at + k]!;
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else return -1;
    v = (v << 4) | d;
  }
  return v;
}

/**
 * A number token as jq's `jvp_strtod` reads it (a token is a run of characters that are not
 * whitespace, `"`, or one of `[]{},:`; tokens starting with t, f or n are literals instead):
 * optional leading \v/\f, sign, digits with optional `.` and exponent (`01`, `+1`, `.5`, `1.`
 * are fine), or case-insensitive `inf`, `infinity`, `nan`. Undefined when jq rejects it.
 * @internal
 */
export function parseNumberToken(token: string): number | undefined {
  if (NUMBER_RE.test(token)) return Number(token.replace(/^[\v\f]+/, ''));
  const m = INFNAN_RE.exec(token);
  if (m === null) return undefined;
  if (m[2] === undefined) return NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}

/**
 * Parses exactly one JSON text the way jq's `jv_parse` does (`fromjson`, `--argjson`,
 * `--jsonargs`): the value, or jq's error message.
 * @internal
 */
export function parseOneJson(bytes: Uint8Array): { ok: true; value: Json } | { ok: false; message: string } {
  const p = new JvParser();
  p.setBuf(bytes, false);
  const first = p.next();
  if (first.kind === 'error') return { ok: false, message: first.message };
  if (first.kind === 'none') return { ok: false, message: 'Expected JSON value' };
  const second = p.next();
  if (second.kind === 'value') return { ok: false, message: 'Unexpected extra JSON values' };
  if (second.kind === 'error') return { ok: false, message: second.message };
  return { ok: true, value: first.value };
}
