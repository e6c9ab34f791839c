/**
 * The CLI's inputs, read the way jq 1.6's `jq_util_input_*` reads them: files one after another
 * through one JSON parser (so `1` at the end of one file and `2` at the start of the next read as
 * `12`, as in jq), `-` for standard input, raw lines for `-R`, one array or string for `-s`, and
 * the file name and line count that error messages print.
 * @module
 */
import type { Json } from '../ast.js';
import { ByteSource, type ByteInput } from './byte-source.js';
import { JvParser } from '../jv-parser.js';
import { decodeUtf8 } from '../utf8.js';

/** What opening a named input gives: its bytes, or a reason (`strerror` text) it failed. @internal */
export type OpenResult = { ok: true; input: ByteInput } | { ok: false; error: string; atRead?: boolean };

/** Options of an `InputReader`. @internal */
export interface InputReaderOptions {
  /** Input file names in order; `-` is standard input. Empty means standard input. */
  files: readonly string[];
  /** Opens a file (never called for `-`). */
  open: (name: string) => OpenResult;
  /** Standard input, opened on first use. */
  stdin: () => ByteInput;
  /** `-R`: each line is a string. */
  raw: boolean;
  /** `-s`: all inputs as one array (or one string with `-R`). */
  slurp: boolean;
  /** `--seq`: RS-separated JSON texts. */
  seq: boolean;
  /** Receives jq's messages about files that cannot be read. */
  onError: (text: string) => void;
}

/** One step: a value, a parse error (jq's message, without `parse error: `), or the end. @internal */
export type InputStep = { kind: 'value'; value: Json } | { kind: 'error'; message: string } | { kind: 'end' };

const END: InputStep = { kind: 'end' };

/** The inputs of one CLI run (`jq_util_input_state`). @internal */
export class InputReader {
  private readonly opts: InputReaderOptions;
  private readonly files: readonly string[];
  private readonly parser: JvParser | null;
  private nextFile = 0;
  private current: ByteSource | null = null;
  private currentEof = false;
  private currentError: string | null = null;
  private stdinSource: ByteSource | null = null;
  private chunk: Uint8Array = new Uint8Array(0);
  private slurped: Json[] | string | null;
  /** Files that could not be read so far (`jq_util_input_errors`). */
  failures = 0;
  /** The file being read, `<stdin>` for standard input, null before the first or after the last. */
  filename: string | null = null;
  /** Lines (chunks holding a newline) read from the current file. */
  line = 0;

  constructor(opts: InputReaderOptions) {
    this.opts = opts;
    this.files = opts.files.length === 0 ? ['-'] : opts.files;
    this.parser = opts.raw ? null : new JvParser({ seq: opts.seq });
    this.slurped = opts.slurp ? (opts.raw ? '' : []) : null;
  }

  /** `<file>:<line>` as jq prints it after `jq: error (at `, or `<unknown>`. */
  position(): string {
    return this.filename === null ? '<unknown>' : `${this.filename}:${this.line}`;
  }

  /** The next input (`jq_util_input_next_input`). */
  next(): InputStep {
    let isLast = false;
    let hasMore = false;
    let rawValue: string | null = null;
    do {
      if (this.parser === null) {
        isLast = this.readMore();
        const bytes = this.chunk;
        if (bytes.length === 0) continue;
        if (typeof this.slurped === 'string') {
          this.slurped += decodeUtf8(bytes);
        } else if (bytes[bytes.length - 1] === 10) {
          return { kind: 'value', value: (rawValue ?? '') + decodeUtf8(bytes, 0, bytes.length - 1) };
        } else {
          rawValue = (rawValue ?? '') + decodeUtf8(bytes);
        }
      } else {
        if (this.parser.remaining() === 0) {
          isLast = this.readMore();
          this.parser.setBuf(this.chunk, !isLast);
        }
        const step = this.parser.next();
        if (this.slurped !== null && typeof this.slurped !== 'string') {
          hasMore = this.parser.remaining() > 0;
          if (step.kind === 'value') this.slurped.push(step.value);
          else if (step.kind === 'error') return step;
        } else if (step.kind !== 'none') {
          return step;
        }
      }
    } while (!isLast || hasMore);
    if (this.slurped !== null) {
      const value = this.slurped;
      this.slurped = null;
      return { kind: 'value', value };
    }
    return rawValue === null ? END : { kind: 'value', value: rawValue };
  }

  /** An iterator for `input`/`inputs`; parse errors are thrown through `toError`. */
  iterator(toError: (message: string) => Error): Iterator<Json> {
    return {
      next: (): IteratorResult<Json> => {
        const step = this.next();
        if (step.kind === 'value') return { done: false, value: step.value };
        if (step.kind === 'error') throw toError(step.message);
        return { done: true, value: undefined };
      },
    };
  }

  /** Reads the next chunk into `this.chunk`, moving to the next file at EOF; true when it is the last. */
  private readMore(): boolean {
    if (this.current === null || this.currentEof || this.currentError !== null) {
      if (this.currentError !== null) this.opts.onError(`Input error: ${this.currentError}\n`);
      if (this.current !== null || this.currentError !== null) {
        this.current = null;
        this.currentError = null;
        this.filename = null;
        this.line = 0;
      }
      if (this.nextFile < this.files.length) this.openNext();
    }
    this.chunk = new Uint8Array(0);
    if (this.current !== null) {
      const { bytes, eof } = this.current.fgets();
      this.currentEof = eof || bytes.length === 0;
      this.chunk = this.parser === null ? bytes : cutAtNul(bytes);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 10) this.line++;
    }
    return this.nextFile === this.files.length && (this.current === null || this.currentEof || this.currentError !== null);
  }

  private openNext(): void {
    const name = this.files[this.nextFile++]!;
    this.line = 0;
    this.currentEof = false;
    if (name === '-') {
      this.stdinSource ??= new ByteSource(this.opts.stdin());
      this.current = this.stdinSource;
      this.filename = '<stdin>';
      return;
    }
    this.filename = name;
    const opened = this.opts.open(name);
    if (opened.ok) {
      this.current = new ByteSource(opened.input);
    } else if (opened.atRead === true) {
      // jq opens a directory fine and only fails reading it; it says so on the next read.
      this.currentError = opened.error;
      this.failures++;
    } else {
      this.opts.onError(`jq: error: Could not open file ${name}: ${opened.error}\n`);
      this.failures++;
    }
  }
}

/** jq passes a chunk without a newline to the parser up to its first NUL (`strlen`). */
function cutAtNul(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0 && bytes[bytes.length - 1] === 10) return bytes;
  const nul = bytes.indexOf(0);
  return nul < 0 ? bytes : bytes.subarray(0, nul);
}
