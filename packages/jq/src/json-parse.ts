/**
 * JSON text input as jq 1.6 reads it (`jv_parse.c`): `parseJson` for `fromjson`, and
 * `JsonStreamParser` for a text of many whitespace-separated values, with jq's error texts.
 *
 * Over 400 lines because it holds both the JSON.parse fast path and the port of jq's parser
 * that must agree with it character for character; they share the span and position logic.
 * @module
 */
import type { Json } from './ast.js';
import { JqError } from './errors.js';
import { setKey, type JsonObject } from './value.js';

/**
 * A syntax error in JSON input. `message` is jq's text without the `parse error: ` prefix the
 * CLI prints, e.g. `Invalid numeric literal at line 1, column 4`; `line` and `column` are jq's
 * (columns count UTF-8 bytes; a newline resets the column to 0).
 */
export class JsonParseError extends JqError {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'JsonParseError';
    this.line = line;
    this.column = column;
  }
}

/** jq's parser stack depth limit (containers and pending keys both count). */
const MAX_PARSING_DEPTH = 256;
/** Containers nested deeper than this skip the JSON.parse fast path (keys can double the count). */
const FAST_DEPTH = 120;
const STRICT_NUMBER = /^[\v\f]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF_NAN = /^[\v\f]*([+-]?)(?:(inf|infinity)|nan)$/i;
const NOT_A_VALUE: unique symbol = Symbol('none');
/** The input ends here (an RS that completed nothing). */
const END: unique symbol = Symbol('end');
type Slot = Json | typeof NOT_A_VALUE | typeof END;
type Frame = Json[] | JsonObject | string;

/**
 * A number token as jq's `jvp_strtod` reads it (a token is a run of characters that are not
 * whitespace, `"`, or one of `[]{},:`; tokens starting with t, f or n are literals instead):
 * optional leading \v/\f, sign, digits with optional `.` and exponent (`01`, `+1`, `.5`, `1.`
 * are fine), or case-insensitive `inf`, `infinity`, `nan`. Undefined when jq rejects it.
 */
export function parseNumberToken(token: string): number | undefined {
  if (STRICT_NUMBER.test(token)) return Number(token.replace(/^[\v\f]+/, ''));
  const m = INF_NAN.exec(token);
  if (m === null) return undefined;
  if (m[2] === undefined) return NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}

/**
 * Parse exactly one JSON text as `fromjson` does: surrounding whitespace is fine, jq 1.6's
 * extensions are accepted (`NaN`, `-Infinity`, `01`, `.5`, `+1`, raw U+0000/U+001F in strings),
 * huge exponents give ±Infinity and a lone `\udc00` escape becomes U+FFFD. Errors throw a
 * {@link JqError} whose message is jq's, e.g.
 * `Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')`,
 * `Expected JSON value (while parsing '')`, `Unexpected extra JSON values (while parsing '1 2')`.
 * @example parseJson(' [1, NaN] ') // [1, NaN]
 */
export function parseJson(text: string): Json {
  let fast: Json | undefined;
  try {
    fast = JSON.parse(text) as Json;
  } catch {
    // fall through to jq's parser, which knows the extensions and the error texts
  }
  if (fast !== undefined && !needsJqParser(text)) return fast;
  let msg: string;
  try {
    // jv_parse_sized: two jv_parser_next calls on one buffer.
    const p = new JqParser(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const first = p.run();
    if (first === NOT_A_VALUE || first === END) msg = 'Expected JSON value';
    else {
      const second = new JqParser(text, p.resume).run();
      if (second === NOT_A_VALUE || second === END) return first;
      msg = 'Unexpected extra JSON values';
    }
  } catch (e) {
    if (!(e instanceof JsonParseError)) throw e;
    msg = e.message;
  }
  const nul = text.indexOf('\0'); // jq prints the text as a C string
  throw new JqError(`${msg} (while parsing '${nul < 0 ? text : text.slice(0, nul)}')`);
}

/** Whether JSON.parse may have accepted `text` where jq differs: deep nesting or `\uD...` escapes. */
function needsJqParser(text: string): boolean {
  if (text.length > FAST_DEPTH && /[[{]/.test(text) && maxDepth(text) > FAST_DEPTH) return true;
  return /\\u[dD][89a-fA-F]/.test(text) && !surrogatesPaired(text, 0, text.length);
}

function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Whether every `\uD800-\uDFFF` escape in `text[from, to)` is a high one followed by a low one. */
function surrogatesPaired(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\\u', from); i >= 0 && i < to; i = text.indexOf('\\u', i + 2)) {
    let bs = 0; // an escaped backslash before `u` is not an escape
    for (let j = i - 1; j >= from && text.charCodeAt(j) === 0x5c; j--) bs++;
    if (bs % 2 === 1) continue;
    const u = hex4At(text, i + 2);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || text.charCodeAt(i + 6) !== 0x5c || text.charCodeAt(i + 7) !== 0x75) return false;
    const low = hex4At(text, i + 8);
    if (low < 0xdc00 || low > 0xdfff) return false;
    i += 6;
  }
  return true;
}

function hex4At(s: string, at: number): number {
  if (at + 4 > s.length) return -1;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(at + k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else return -1;
    v = (v << 4) | d;
  }
  return v;
}

/** UTF-8 length of `text[from, to)`. */
function utf8Between(text: string, from: number, to: number): number {
  let b = 0;
  for (let k = from; k < to; k++) b += unitBytes(text.charCodeAt(k));
  return b;
}

/** UTF-8 length of the code unit `c` (a surrogate counts 2: a pair is 4 bytes). */
function unitBytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
}

/**
 * Reads the whitespace-separated JSON values of a text one by one, like jq 1.6 reads its input
 * files (non-`--seq` mode): a leading BOM is skipped, values may touch where jq allows it
 * (`1[2]`, `"a""b"`), and the first syntax error throws a {@link JsonParseError} with jq's text
 * (`Unfinished JSON term at EOF at line 2, column 0`); after an error the stream ends. Values
 * of standard JSON go through `JSON.parse` on their span; the rest through a port of jq's parser.
 * @example
 * const p = new JsonStreamParser('1 [2]');
 * [...p] // [1, [2]]
 */
export class JsonStreamParser implements IterableIterator<Json> {
  private readonly text: string;
  private pos: number;
  private failed = false;
  private returned = false;
  /** UTF-16 index of the character that completed the last value (text.length at EOF). */
  private doneAt = 0;
  private linesCounted = 0;
  private linesCountedTo = 0;

  constructor(text: string) {
    this.text = text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  [Symbol.iterator](): IterableIterator<Json> {
    return this;
  }

  /** The next value; throws {@link JsonParseError} on bad input. */
  next(): IteratorResult<Json> {
    if (this.failed) return { done: true, value: undefined };
    const text = this.text;
    let i = this.pos;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    this.pos = i;
    if (i >= text.length) return { done: true, value: undefined };
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x22) {
      const end = spanEnd(text, i);
      if (end > 0) {
        try {
          const value = JSON.parse(text.slice(i, end)) as Json;
          this.pos = end;
          this.doneAt = end - 1;
          this.returned = true;
          return { done: false, value };
        } catch {
          // not standard JSON: jq's parser decides
        }
      }
    }
    try {
      return this.slowNext();
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }

  /**
   * jq's `input_line_number` after the last value: the number of newline-terminated lines jq's
   * reader (fgets, 4095 bytes at a time) had consumed when that value was complete.
   */
  get inputLine(): number {
    const text = this.text;
    const at = this.doneAt;
    if (at >= text.length) return this.countLines(text.length);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) return this.countLines(lineStart);
    if (lineEnd - lineStart >= 1365) {
      // Only a line longer than one fgets buffer can end in a later chunk than `at`.
      const chunk = Math.floor(utf8Between(text, lineStart, at) / 4095);
      if (Math.floor((utf8Between(text, lineStart, lineEnd + 1) - 1) / 4095) !== chunk) return this.countLines(lineStart);
    }
    return this.countLines(lineEnd + 1);
  }

  /** Newlines in text[0, to); `to` never decreases between calls except for lookups behind. */
  private countLines(to: number): number {
    if (to < this.linesCountedTo) {
      this.linesCounted = 0;
      this.linesCountedTo = 0;
    }
    let n = this.linesCounted;
    for (let i = this.text.indexOf('\n', this.linesCountedTo); i >= 0 && i < to; i = this.text.indexOf('\n', i + 1)) n++;
    this.linesCounted = n;
    this.linesCountedTo = to;
    return n;
  }

  /**
   * Whether jq's reader had just read the end of the input when it met the RS at `rs`: fgets
   * reads a line (4095 bytes at most) at a time and sees EOF only after a last line without a
   * newline, so that last piece must hold the RS and be read in this very call.
   */
  private lastLineRead(rs: number): boolean {
    const text = this.text;
    if (text.charCodeAt(text.length - 1) === 0x0a) return false;
    const last = text.lastIndexOf('\n') + 1;
    if (text.length - last >= 1365) {
      const total = utf8Between(text, last, text.length);
      if (total % 4095 === 0) return false;
      const pieceStart = total - (total % 4095);
      const rsByte = rs >= last ? utf8Between(text, last, rs) : -1;
      const doneByte = this.doneAt >= last ? utf8Between(text, last, this.doneAt) : -1;
      return rsByte >= pieceStart && (!this.returned || doneByte < pieceStart);
    }
    return rs >= last && (!this.returned || this.doneAt < last);
  }

  private slowNext(): IteratorResult<Json> {
    for (;;) {
      const p = new JqParser(this.text, this.pos);
      const r = p.run();
      // jq's reader (fgets, a line at a time) gives up on "no value" when the same call read
      // the last line and that line has no newline; otherwise it goes on after the RS.
      if (r === NOT_A_VALUE || (r === END && this.lastLineRead(p.resume - 1))) {
        this.pos = this.text.length;
        return { done: true, value: undefined };
      }
      this.pos = p.resume;
      if (r !== END) {
        this.doneAt = p.doneAt;
        this.returned = true;
        return { done: false, value: r };
      }
    }
  }
}

/**
 * End (exclusive) of the string, array or object starting at `start`, or -1 when the span is
 * not a candidate for JSON.parse: unterminated, nested deeper than FAST_DEPTH, holding raw
 * control characters or RS, or `\u` escapes of unpaired surrogates.
 */
function spanEnd(text: string, start: number): number {
  let depth = 0;
  let escapes = false;
  const n = text.length;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; ; i++) {
        if (i >= n) return -1;
        const d = text.charCodeAt(i);
        if (d === 0x22) break;
        if (d < 0x20) return -1;
        if (d === 0x5c) {
          if (text.charCodeAt(i + 1) === 0x75) escapes = true;
          i++;
        }
      }
      if (depth === 0) return escapes && !surrogatesPaired(text, start, i) ? -1 : i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > FAST_DEPTH) return -1;
    } else if (c === 0x5d || c === 0x7d) {
      if (--depth === 0) return escapes && !surrogatesPaired(text, start, i) ? -1 : i + 1;
    } else if (c === 0x1e) return -1;
  }
  return -1;
}

/**
 * A port of jq 1.6's `jv_parser` (non-streaming, non-seq) over a JS string, from a fresh state
 * at `start` up to the first complete top-level value, an error, or the end of the text.
 */
class JqParser {
  private readonly text: string;
  private i: number;
  private stack: Frame[] = [];
  private next: Json | typeof NOT_A_VALUE = NOT_A_VALUE;
  private tokenStart = -1;
  private inString = false;
  private escape = false;
  /** Where the caller continues after the value, and the index of the character that ended it. */
  resume = 0;
  doneAt = 0;

  constructor(text: string, start: number) {
    this.text = text;
    this.i = start;
  }

  /** The next value, or NOT_A_VALUE at the end of the text; throws JsonParseError. */
  run(): Slot {
    const text = this.text;
    for (; this.i < text.length; this.i++) {
      const c = text.charCodeAt(this.i);
      const out = this.scan(c);
      if (out !== NOT_A_VALUE) return out;
    }
    return this.atEof();
  }

  private fail(msg: string, eof = false): never {
    const upTo = eof ? this.text.length : this.i + 1;
    let line = 1;
    let column = 0;
    const t = this.text;
    for (let k = 0; k < upTo; k++) {
      const c = t.charCodeAt(k);
      if (c === 0x0a) {
        line++;
        column = 0;
      } else column += k === 0 && c === 0xfeff ? 0 : unitBytes(c);
    }
    throw new JsonParseError(`${msg}${eof ? ' at EOF' : ''} at line ${line}, column ${column}`, line, column);
  }

  private atEof(): Slot {
    if (this.inString) this.fail('Unfinished string', true);
    this.checkLiteral(true);
    if (this.stack.length !== 0) this.fail('Unfinished JSON term', true);
    this.resume = this.doneAt = this.text.length;
    return this.next;
  }

  /** One character (`scan`): a completed top-level value, or NOT_A_VALUE. */
  private scan(c: number): Slot {
    if (c === 0x1e) return this.recordSeparator();
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (c === 0x5c) this.escape = true;
      else if (c === 0x22) {
        this.foundString();
        this.inString = false;
        return this.done(this.i + 1);
      }
      return NOT_A_VALUE;
    }
    const ws = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    const structure = c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c || c === 0x3a;
    if (!ws && !structure && c !== 0x22) {
      if (this.tokenStart < 0) this.tokenStart = this.i;
      return NOT_A_VALUE;
    }
    this.checkLiteral(false);
    if (this.stack.length === 0 && this.next !== NOT_A_VALUE) {
      // A top-level literal ends here. jq goes on to process this character in the same step,
      // so `1]` is an error without output; `1[`, `1"` and `1 ` start over at this character.
      if (c === 0x5d || c === 0x7d || c === 0x2c || c === 0x3a) {
        this.next = NOT_A_VALUE;
        this.structure(c);
      }
      return this.done(this.i);
    }
    if (c === 0x22) {
      this.inString = true;
      this.tokenStart = this.i + 1;
    } else if (structure) {
      this.structure(c);
      return this.done(this.i + 1);
    }
    return NOT_A_VALUE;
  }

  /** `check_done`: the value when the stack is empty, continuing at `resume`. */
  private done(resume: number): Slot {
    if (this.stack.length !== 0 || this.next === NOT_A_VALUE) return NOT_A_VALUE;
    this.resume = resume;
    this.doneAt = this.i;
    return this.next;
  }

  /**
   * ASCII RS (outside `--seq` too) ends a pending top-level literal; otherwise jq drops the
   * partial value and this `jv_parser_next` call returns "no value" (END, resuming after the RS).
   */
  private recordSeparator(): Slot {
    // jq checks its token buffer even inside a string, so `"12` RS parses 12 (then drops it)
    // and `"ab` RS is an invalid numeric literal.
    this.checkLiteral(false);
    if (!this.inString && this.stack.length === 0 && this.next !== NOT_A_VALUE) return this.done(this.i + 1);
    this.resume = this.i + 1;
    return END;
  }

  private value(v: Json): void {
    if (this.next !== NOT_A_VALUE) this.fail('Expected separator between values');
    this.next = v;
  }

  /** `check_literal`: a token of `true`/`false`/`null` or a number ended before `this.i`. */
  private checkLiteral(eof: boolean): void {
    const start = this.tokenStart;
    const end = eof ? this.text.length : this.i;
    this.tokenStart = -1;
    if (start < 0 || start === end) return;
    const tok = this.text.slice(start, end);
    const f = tok.charCodeAt(0);
    let v: Json | undefined;
    if (f === 0x74 || f === 0x66 || f === 0x6e) {
      v = tok === 'true' ? true : tok === 'false' ? false : tok === 'null' ? null : undefined;
      if (v === undefined) this.fail('Invalid literal', eof);
    } else {
      v = parseNumberToken(tok);
      if (v === undefined) this.fail('Invalid numeric literal', eof);
    }
    if (this.next !== NOT_A_VALUE) this.fail('Expected separator between values', eof);
    this.next = v;
  }

  /** `token`: one of `[ { : , ] }`. */
  private structure(c: number): void {
    const stack = this.stack;
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (c === 0x5b || c === 0x7b) {
      if (stack.length >= MAX_PARSING_DEPTH) this.fail('Exceeds depth limit for parsing');
      if (this.next !== NOT_A_VALUE) this.fail('Expected separator between values');
      stack.push(c === 0x5b ? [] : {});
    } else if (c === 0x3a) {
      if (this.next === NOT_A_VALUE) this.fail("Expected string key before ':'");
      if (top === undefined || !isObject(top)) this.fail("':' not as part of an object");
      if (typeof this.next !== 'string') this.fail('Object keys must be strings');
      stack.push(this.next);
      this.next = NOT_A_VALUE;
    } else if (c === 0x2c) {
      if (this.next === NOT_A_VALUE) this.fail("Expected value before ','");
      if (top === undefined) this.fail("',' not as part of an object or array");
      if (Array.isArray(top)) top.push(this.next);
      else if (typeof top === 'string') {
        setKey(stack[stack.length - 2] as JsonObject, top, this.next);
        stack.pop();
      } else this.fail('Objects must consist of key:value pairs');
      this.next = NOT_A_VALUE;
    } else if (c === 0x5d) {
      if (top === undefined || !Array.isArray(top)) this.fail("Unmatched ']'");
      if (this.next !== NOT_A_VALUE) top.push(this.next);
      else if (top.length !== 0) this.fail('Expected another array element');
      this.next = stack.pop()!;
    } else {
      if (top === undefined) this.fail("Unmatched '}'");
      if (this.next !== NOT_A_VALUE) {
        if (typeof top !== 'string') this.fail('Objects must consist of key:value pairs');
        setKey(stack[stack.length - 2] as JsonObject, top, this.next);
        stack.pop();
      } else {
        if (!isObject(top)) this.fail("Unmatched '}'");
        if (Object.keys(top).length !== 0) this.fail('Expected another key-value pair');
      }
      this.next = stack.pop()!;
    }
  }

  /** `found_string`: decode the escapes of the string that ends at `this.i`. */
  private foundString(): void {
    const t = this.text;
    const end = this.i;
    let out = '';
    let last = this.tokenStart;
    for (let k = this.tokenStart; k < end; k++) {
      const c = t.charCodeAt(k);
      if (c !== 0x5c) {
        if (c > 0 && c < 0x1f) this.fail('Invalid string: control characters from U+0000 through U+001F must be escaped');
        continue;
      }
      out += t.slice(last, k);
      const e = t.charCodeAt(++k);
      if (k >= end) this.fail('Expected escape character at end of string');
      if (e === 0x5c || e === 0x22 || e === 0x2f) out += t[k];
      else if (e === 0x62) out += '\b';
      else if (e === 0x66) out += '\f';
      else if (e === 0x74) out += '\t';
      else if (e === 0x6e) out += '\n';
      else if (e === 0x72) out += '\r';
      else if (e === 0x75) {
        if (k + 5 > end) this.fail('Invalid \\uXXXX escape');
        const u = hex4At(t, k + 1);
        if (u < 0) this.fail('Invalid characters in \\uXXXX escape');
        k += 4;
        if (u >= 0xd800 && u <= 0xdbff) {
          const low = k + 7 <= end && t.charCodeAt(k + 1) === 0x5c && t.charCodeAt(k + 2) === 0x75 ? hex4At(t, k + 3) : -1;
          if (low < 0xdc00 || low > 0xdfff) this.fail('Invalid \\uXXXX\\uXXXX surrogate pair escape');
          out += String.fromCharCode(u, low);
          k += 6;
        } else out += u >= 0xdc00 && u <= 0xdfff ? '\ufffd' : String.fromCharCode(u);
      } else this.fail('Invalid escape');
      last = k + 1;
    }
    this.value(out + t.slice(last, end));
    this.tokenStart = -1;
  }
}

function isObject(f: Frame): f is JsonObject {
  return typeof f === 'object' && f !== null && !Array.isArray(f);
}
