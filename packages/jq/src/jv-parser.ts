/**
 * An incremental reader for a stream of JSON texts with jq 1.6's observable behaviour: it takes
 * UTF-8 bytes in buffers, hands out each top-level value as soon as it is complete, accepts jq's
 * extensions (`NaN`, `Infinity`, leading zeros, `+1`, `.5`, leading \v/\f) and reports errors
 * with jq's exact words and line/column positions.
 *
 * It is built from two parts: `JsonScanner` (`jv-scanner.ts`) classifies bytes and collects words
 * and string bodies; `ValueStack` below assembles them into values and enforces the grammar.
 *
 * Why not JSON.parse: the CLI must print jq's messages byte for byte
 * (`parse error: Unfinished JSON term at EOF at line 2, column 0`), read all input files as one
 * stream, and support `--seq` record separators; `fromjson` (`json-parse.ts`) falls back to this
 * reader for jq's extensions and error texts. Streaming mode (`--stream`) is not supported.
 * @module
 */
import type { Json } from './ast.js';
import { JsonScanner, RECORD_SEPARATOR, TextError, decodeStringBody, decodeWord } from './jv-scanner.js';
import { setKey, type JsonObject } from './value.js';

export { parseNumberToken } from './jv-scanner.js';

/** One step of the parser: a value, an error message (jq's text), or nothing yet. @internal */
export type ParseStep = { kind: 'value'; value: Json } | { kind: 'error'; message: string } | { kind: 'none' };

const NONE: ParseStep = { kind: 'none' };
const BOM = [0xef, 0xbb, 0xbf];

/** How deep containers may nest; an object waiting for the value of a key counts twice. */
const DEPTH_LIMIT = 256;

/** "No value here" (JSON null is a value). */
const NOTHING: unique symbol = Symbol('nothing');
type Maybe = Json | typeof NOTHING;

type Frame = { kind: 'array'; items: Json[] } | { kind: 'object'; members: JsonObject; key: string | null; filled: boolean };

/** Containers under construction plus the latest complete value not yet placed anywhere. */
class ValueStack {
  pending: Maybe = NOTHING;
  private frames: Frame[] = [];
  private depth = 0;

  get inContainer(): boolean {
    return this.frames.length > 0;
  }

  clear(): void {
    this.pending = NOTHING;
    this.frames = [];
    this.depth = 0;
  }

  /** A scalar value has been read. */
  put(value: Json): void {
    if (this.pending !== NOTHING) throw new TextError('Expected separator between values');
    this.pending = value;
  }

  /** The pending value when it is a complete top-level value (it is then taken away). */
  takeTopLevel(): Maybe {
    if (this.frames.length > 0) return NOTHING;
    const v = this.pending;
    this.pending = NOTHING;
    return v;
  }

  /** One of `[ ] { } , :`. */
  punct(b: number): void {
    const top = this.frames[this.frames.length - 1];
    switch (String.fromCharCode(b)) {
      case '[':
      case '{':
        if (this.depth >= DEPTH_LIMIT) throw new TextError('Exceeds depth limit for parsing');
        if (this.pending !== NOTHING) throw new TextError('Expected separator between values');
        this.frames.push(b === 0x5b ? { kind: 'array', items: [] } : { kind: 'object', members: {}, key: null, filled: false });
        this.depth++;
        return;
      case ':':
        if (this.pending === NOTHING) throw new TextError("Expected string key before ':'");
        if (top?.kind !== 'object' || top.key !== null) throw new TextError("':' not as part of an object");
        if (typeof this.pending !== 'string') throw new TextError('Object keys must be strings');
        top.key = this.pending;
        this.pending = NOTHING;
        this.depth++;
        return;
      case ',':
        if (this.pending === NOTHING) throw new TextError("Expected value before ','");
        if (top === undefined) throw new TextError("',' not as part of an object or array");
        this.placePending(top);
        return;
      case ']':
        if (top?.kind !== 'array') throw new TextError("Unmatched ']'");
        if (this.pending !== NOTHING) this.placePending(top);
        else if (top.items.length > 0) throw new TextError('Expected another array element');
        this.close(top.items);
        return;
      default: // '}'
        if (top === undefined) throw new TextError("Unmatched '}'");
        if (this.pending !== NOTHING) {
          if (top.kind !== 'object') throw new TextError('Objects must consist of key:value pairs');
          this.placePending(top);
        } else if (top.kind !== 'object' || top.key !== null) {
          throw new TextError("Unmatched '}'");
        } else if (top.filled) {
          throw new TextError('Expected another key-value pair');
        }
        this.close(top.members);
    }
  }

  /** Moves the pending value into the innermost container. */
  private placePending(top: Frame): void {
    const value = this.pending as Json;
    if (top.kind === 'array') {
      top.items.push(value);
    } else {
      if (top.key === null) throw new TextError('Objects must consist of key:value pairs');
      setKey(top.members, top.key, value);
      top.key = null;
      top.filled = true;
      this.depth--;
    }
    this.pending = NOTHING;
  }

  private close(container: Json): void {
    this.frames.pop();
    this.depth--;
    this.pending = container;
  }
}

/**
 * Reads JSON texts the way jq 1.6 does. Feed bytes with `setBuf`, pull values with `next` until
 * it returns `none` (needs more input, or finished at EOF).
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
  private readonly scanner: JsonScanner;
  private readonly values = new ValueStack();
  private input: Uint8Array | null = null;
  private at = 0;
  private moreToCome = false;
  private finished = false;
  /** Bytes of a leading BOM seen so far (3 once settled either way); `bomBroken` if it stopped halfway. */
  private bomSeen = 0;
  private bomBroken = false;
  /** A top-level value completed by the byte just read. */
  private completed: Maybe = NOTHING;

  constructor(options: { seq?: boolean } = {}) {
    this.seq = options.seq ?? false;
    // With --seq, text before the first record separator is abandoned.
    this.scanner = new JsonScanner(this.seq ? 'skip' : 'between');
  }

  /** Bytes of the current buffer not consumed yet. */
  remaining(): number {
    return this.input === null ? 0 : this.input.length - this.at;
  }

  /** Gives the parser its next buffer; `isPartial` false means EOF after it. */
  setBuf(bytes: Uint8Array, isPartial: boolean): void {
    let skip = 0;
    while (skip < bytes.length && this.bomSeen < BOM.length && !this.bomBroken) {
      if (bytes[skip] === BOM[this.bomSeen]) {
        skip++;
        this.bomSeen++;
      } else if (this.bomSeen === 0) {
        this.bomSeen = BOM.length; // no BOM at all
      } else {
        this.bomBroken = true;
      }
    }
    this.input = bytes.subarray(skip);
    this.at = 0;
    this.moreToCome = isPartial;
  }

  /** The next value, error or `none`. */
  next(): ParseStep {
    if (this.finished || this.input === null) return NONE;
    if (this.bomBroken) {
      if (!this.seq) return { kind: 'error', message: 'Malformed BOM' };
      this.restart(); // with --seq jq starts over on every call and carries on
    }
    const input = this.input;
    this.completed = NOTHING;
    let b = 0;
    try {
      while (this.at < input.length) {
        b = input[this.at++]!;
        if (this.consume(b)) return this.takeCompleted();
      }
    } catch (e) {
      if (!(e instanceof TextError)) throw e;
      return this.failAt(e.message, b);
    }
    return this.moreToCome ? NONE : this.atEnd();
  }

  /** Handles one byte; true when `next` should return (with `completed`, or nothing). */
  private consume(b: number): boolean {
    const lexeme = this.scanner.push(b);
    switch (lexeme) {
      case 'absorbed':
      case 'skipped':
        return false;
      case 'separator':
        return this.recordSeparator();
      case 'close-quote':
        this.values.put(decodeStringBody(this.scanner.collected()));
        this.scanner.clearText();
        this.scanner.mode = 'between';
        return this.noteCompleted();
      default: {
        this.endWord();
        let done = this.noteCompleted();
        if (lexeme === 'open-quote') {
          this.scanner.mode = 'string';
        } else if (lexeme === 'punct') {
          this.values.punct(b);
          done = this.noteCompleted() || done;
        }
        return done;
      }
    }
  }

  /** A record separator ends whatever came before it; with --seq, cut-off values are errors. */
  private recordSeparator(): boolean {
    const { scanner, values } = this;
    const cutOff = this.seq && !scanner.spaceBefore && (values.inContainer || scanner.hasText || typeof values.pending === 'number');
    if (cutOff) {
      let numeric: boolean;
      try {
        this.endWord();
        numeric = typeof values.pending === 'number';
      } catch {
        numeric = false;
      }
      throw new TextError(numeric ? 'Potentially truncated top-level numeric value' : 'Truncated value');
    }
    this.endWord();
    if (scanner.mode === 'between' && this.noteCompleted()) return true;
    this.restart();
    this.completed = NOTHING;
    return true;
  }

  /** Turns a collected word (or, at a record separator, a string body) into a value. */
  private endWord(): void {
    if (!this.scanner.hasText) return;
    this.values.put(decodeWord(this.scanner.collected()));
    this.scanner.clearText();
  }

  private takeCompleted(): ParseStep {
    const v = this.completed;
    this.completed = NOTHING;
    return v === NOTHING ? NONE : { kind: 'value', value: v };
  }

  private noteCompleted(): boolean {
    const v = this.values.takeTopLevel();
    if (v === NOTHING) return false;
    this.completed = v;
    return true;
  }

  private failAt(problem: string, b: number): ParseStep {
    this.completed = NOTHING;
    const message = `${problem} at line ${this.scanner.line}, column ${this.scanner.column}`;
    this.restart();
    if (this.seq && b !== RECORD_SEPARATOR) {
      this.scanner.mode = 'skip';
      return { kind: 'error', message: `${message} (need RS to resync)` };
    }
    if (!this.seq) {
      this.input = null; // the rest of this buffer is thrown away
      this.at = 0;
    }
    return { kind: 'error', message };
  }

  private atEnd(): ParseStep {
    this.finished = true;
    const { scanner, values } = this;
    let problem: string | null = null;
    if (scanner.mode === 'skip') problem = 'Unfinished abandoned text';
    else if (scanner.mode !== 'between') problem = 'Unfinished string';
    else {
      try {
        this.endWord();
      } catch (e) {
        if (!(e instanceof TextError)) throw e;
        problem = e.message;
      }
    }
    if (problem === null && values.inContainer) problem = 'Unfinished JSON term';
    if (problem === null && this.seq && !scanner.spaceBefore && typeof values.pending === 'number') {
      problem = 'Potentially truncated top-level numeric value';
    }
    if (problem !== null) {
      this.restart();
      scanner.mode = 'skip';
      return { kind: 'error', message: `${problem} at EOF at line ${scanner.line}, column ${scanner.column}` };
    }
    const v = values.takeTopLevel();
    return v === NOTHING ? NONE : { kind: 'value', value: v };
  }

  private restart(): void {
    this.values.clear();
    this.scanner.clearText();
    this.scanner.mode = 'between';
  }
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
