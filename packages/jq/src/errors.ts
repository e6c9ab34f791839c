/**
 * Errors raised by the jq engine: compile errors with a source position, run-time errors carrying a
 * jq value (catchable by `try`), and limit errors (never catchable).
 * @module
 */
import type { Json } from './ast.js';

/** Stable error codes of the jq package (see docs/errors.md). */
export const JQ_ERROR_CODES = {
  /** The program does not parse, or names an undefined function or variable. */
  COMPILE: 'JQ_COMPILE_ERROR',
  /** `error(v)` or a failing builtin at run time. */
  RUNTIME: 'JQ_RUNTIME_ERROR',
  /** A configured step or depth limit was hit. */
  LIMIT: 'JQ_LIMIT_EXCEEDED',
} as const;

/**
 * A compile (parse or resolution) error. `message` is jq-like, e.g.
 * `syntax error, unexpected INVALID_CHARACTER` or `foo/0 is not defined`; `offset` is a UTF-16
 * offset into the program, `line` and `column` are 1-based.
 */
export class JqCompileError extends Error {
  readonly code = JQ_ERROR_CODES.COMPILE;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** The offending token text, when there is one. */
  readonly token: string | undefined;

  constructor(message: string, options: { offset: number; source: string; token?: string }) {
    super(message);
    this.name = 'JqCompileError';
    this.offset = options.offset;
    const { line, column } = lineColumn(options.source, options.offset);
    this.line = line;
    this.column = column;
    this.token = options.token;
  }
}

/**
 * A run-time error. `value` is the jq value of the error (what `catch` sees); `message` is the
 * text jq 1.6 prints after `jq: error (at <file>:N): `.
 */
export class JqError extends Error {
  readonly code: string = JQ_ERROR_CODES.RUNTIME;
  readonly value: Json;

  constructor(value: Json, message?: string) {
    // try/catch and `?` raise and drop these often: skip the costly stack capture.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message ?? errorMessageOf(value));
    Error.stackTraceLimit = limit;
    this.name = 'JqError';
    this.value = value;
  }
}

/** A step or depth limit was hit. Never caught by `try`, `?` or `//`. */
export class JqLimitError extends JqError {
  override readonly code: string = JQ_ERROR_CODES.LIMIT;

  constructor(message: string) {
    super(message, message);
    this.name = 'JqLimitError';
  }
}

/**
 * The message jq 1.6 prints for an error value: a string as is, anything else as
 * `<json> (not a string)`.
 */
export function errorMessageOf(value: Json): string {
  if (typeof value === 'string') return value;
  return `${JSON.stringify(value)} (not a string)`;
}

/** 1-based line and column of a UTF-16 offset in `source`. @internal */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
