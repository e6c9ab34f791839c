/**
 * The `sluice-jq` command: jq 1.6's command line on top of the engine. `runCli` takes its standard
 * streams, file reader and environment as arguments and returns the exit code, so tests run it in
 * memory; `main.ts` wires it to the process.
 * @module
 */
import type { Json } from '../ast.js';
import { JqHalt, type JqProgram, type RunOptions } from '../api.js';
import { JQ_ERROR_CODES, JqError } from '../errors.js';
import { compile, dumpJson } from '../index.js';
import { parseArgs, type CliOptions } from './args.js';
import type { ByteInput } from './byte-source.js';
import { InputReader, type OpenResult } from './input-reader.js';
import { parseAllJson } from './json-texts.js';
import { DIE_TEXT, HELP_TEXT, SHORT_USAGE_TEXT, VERSION_TEXT } from './usage.js';
import { decodeUtf8, encodeString } from '../utf8.js';

/** The world as the CLI sees it. */
export interface CliIo {
  /** Arguments after the executable, e.g. `['-c', '.a', 'in.json']`. */
  argv: readonly string[];
  /** Standard input: its text or bytes, or a function giving them (called only if read). */
  stdin: string | Uint8Array | (() => ByteInput);
  /** Receives standard output, in pieces. */
  stdout: (text: string) => void;
  /** Receives standard error, in pieces. */
  stderr: (text: string) => void;
  /** Reads a file; throws a Node-style error with `code` (ENOENT, EISDIR, ...) when it cannot. */
  readFile: (path: string) => string | Uint8Array;
  /** What `$ENV` and `env` see. */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the streams are terminals: with both, a missing program is a usage error (as in jq). */
  isTTY?: { stdin?: boolean; stdout?: boolean };
}

/** jq's internal result codes: 11 = last output false/null, 14 = no output (`-e` maps them to 1 and 4). */
const RET_FALSY = 11;
const RET_NO_OUTPUT = 14;
const EXIT_USAGE = 2;
const EXIT_COMPILE = 3;
const EXIT_PARSE = 4;
const EXIT_RUNTIME = 5;

/** `strerror` texts for the errno codes Node reports. */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
};

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function strerror(e: unknown): string {
  const code = codeOf(e);
  if (code !== undefined && STRERROR[code] !== undefined) return STRERROR[code];
  return e instanceof Error ? e.message : String(e);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encodeString(data) : data;
}

/** C's `%s`: text up to the first NUL. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * Runs `sluice-jq` with the given arguments and streams; returns the exit code jq 1.6 would:
 * 0 ok, 1/4 with `-e` (last output false or null / no output), 2 usage or file errors,
 * 3 compile error, 4 input parse error, 5 run-time error, or the code given to `halt_error`.
 *
 * @example
 * let out = '';
 * const code = runCli({ argv: ['-c', '.a'], stdin: '{"a":[1]}', stdout: (s) => (out += s),
 *   stderr: () => {}, readFile: () => '', env: {} });
 * // code === 0, out === '[1]\n'
 */
export function runCli(io: CliIo): number {
  const parsed = parseArgs(io.argv);
  if (parsed.kind === 'help') {
    io.stdout(HELP_TEXT);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(VERSION_TEXT);
    return 0;
  }
  const o = parsed.options;
  const named = loadNamedArgs(o, io);
  if (named === null) return EXIT_USAGE;
  if (parsed.kind === 'usage') {
    io.stderr(SHORT_USAGE_TEXT);
    return EXIT_USAGE;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n${DIE_TEXT}`);
    return EXIT_USAGE;
  }
  if (o.program === null) {
    if (io.isTTY?.stdin === true && io.isTTY.stdout === true) {
      io.stderr(SHORT_USAGE_TEXT);
      return EXIT_USAGE;
    }
    o.program = '.';
  }
  let source = o.program;
  if (o.fromFile) {
    const loaded = loadFile(io, o.program);
    if (!loaded.ok) {
      io.stderr(`jq: ${loaded.message}\n`);
      return EXIT_USAGE;
    }
    source = decodeUtf8(loaded.bytes);
  }
  named.ARGS = { positional: o.positional, named: { ...named } };

  let program: JqProgram;
  try {
    program = compile(source, { variables: Object.keys(named), env: definedEnv(io.env), limits: { maxSteps: Infinity } });
  } catch (e) {
    if (codeOf(e) !== JQ_ERROR_CODES.COMPILE) throw e;
    io.stderr(compileErrorText(source, e as Error & { line: number; column: number }));
    return EXIT_COMPILE;
  }
  return new CliRun(io, o, program, named).run();
}

/** `--arg` and friends as variable values; null (after printing jq's message) if a file fails. */
function loadNamedArgs(o: CliOptions, io: CliIo): Record<string, Json> | null {
  const values: Record<string, Json> = {};
  for (const arg of o.named) {
    if (arg.kind === 'arg' || arg.kind === 'argjson') {
      values[arg.name] = arg.value;
      continue;
    }
    const loaded = loadFile(io, arg.file);
    let value: Json;
    if (!loaded.ok) {
      io.stderr(`jq: Bad JSON in --${arg.kind} ${arg.name} ${arg.file}: ${loaded.message}\n`);
      return null;
    }
    if (arg.kind === 'rawfile') {
      value = decodeUtf8(loaded.bytes);
    } else {
      const all = parseAllJson(loaded.bytes);
      if (!all.ok) {
        io.stderr(`jq: Bad JSON in --${arg.kind} ${arg.name} ${arg.file}: ${all.message}\n`);
        return null;
      }
      value = arg.kind === 'argfile' && all.values.length === 1 ? all.values[0]! : all.values;
    }
    values[arg.name] = value;
  }
  return values;
}

/** jq's `jv_load_file` failure texts. */
function loadFile(io: CliIo, path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: toBytes(io.readFile(path)) };
  } catch (e) {
    const reason = codeOf(e) === 'EISDIR' ? "It's a directory" : strerror(e);
    return { ok: false, message: `Could not open ${path}: ${reason}` };
  }
}

function definedEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * jq's compile error report: the message, the line it starts on, that line's text followed by
 * as many spaces as the error's byte offset in the line, then the error count.
 */
function compileErrorText(source: string, e: Error & { line: number; column: number }): string {
  const lineText = source.split('\n')[e.line - 1] ?? '';
  const pad = encodeString(lineText.slice(0, Math.max(0, e.column - 1))).length;
  return `jq: error: ${e.message} at <top-level>, line ${e.line}:\n${lineText}${' '.repeat(pad)}\njq: 1 compile error\n`;
}

/** One execution over all inputs (jq's main loop and `process`). */
class CliRun {
  private readonly reader: InputReader;
  private readonly runOptions: RunOptions;
  /** Set once any input ran `halt`/`halt_error`: then codes ≥ 10 are kept without `-e` (jq 1.6). */
  private halted = false;

  constructor(
    private readonly io: CliIo,
    private readonly o: CliOptions,
    private readonly program: JqProgram,
    variables: Record<string, Json>,
  ) {
    const stdin = io.stdin;
    this.reader = new InputReader({
      files: o.files,
      open: (name) => openInput(io, name),
      stdin: () => (typeof stdin === 'function' ? stdin() : toBytes(stdin)),
      raw: o.rawInput,
      slurp: o.slurp,
      seq: o.seq,
      onError: (text) => io.stderr(text),
    });
    const reader = this.reader;
    this.runOptions = {
      variables,
      inputs: reader.iterator((message) => new JqError(message)),
      onDebug: (message) => io.stderr(`${this.dump(message, 0, this.o.sortKeys, this.o.asciiOutput)}\n`),
      onStderr: (value) => io.stderr(this.dump(value, 0, false, false)),
      inputLineNumber: () => reader.line,
      // A getter: `input_filename` names the file being read now, which `input` can change
      // during a run (jq 1.6 names standard input "<stdin>").
      get inputFilename() {
        return reader.filename;
      },
    };
  }

  run(): number {
    let ret = 0;
    if (this.o.nullInput) {
      ret = this.process(null);
    } else {
      while (this.reader.failures === 0) {
        const step = this.reader.next();
        if (step.kind === 'end') break;
        if (step.kind === 'value') {
          ret = this.process(step.value);
        } else if (this.o.seq) {
          this.io.stderr(`ignoring parse error: ${step.message}\n`);
        } else {
          this.io.stderr(`parse error: ${step.message}\n`);
          ret = EXIT_PARSE;
          break;
        }
      }
    }
    if (this.reader.failures !== 0) ret = EXIT_USAGE;
    if (ret >= 10 && this.o.exitStatus) ret -= 10;
    else if (ret >= 10 && !this.halted) ret = 0;
    return ret & 0xff;
  }

  private dump(v: Json, indent: number | 'tab', sortKeys: boolean, ascii: boolean): string {
    return dumpJson(v, { indent, sortKeys, ascii });
  }

  /** Runs the program on one input and prints its outputs; returns jq's result code. */
  private process(input: Json): number {
    const { io, o } = this;
    let ret = RET_NO_OUTPUT;
    try {
      this.program.forEach(
        input,
        (v) => {
          if (o.rawOutput && typeof v === 'string') {
            // jq 1.6 quirk kept: with -a, -r strings are still printed quoted (as JSON).
            io.stdout(o.asciiOutput ? this.dump(v, 0, false, true) : v);
            ret = 0;
          } else {
            ret = v === null || v === false ? RET_FALSY : 0;
            if (o.seq) io.stdout('\x1e');
            io.stdout(this.dump(v, o.indent, o.sortKeys, o.asciiOutput));
          }
          if (!o.joinOutput) io.stdout('\n');
        },
        this.runOptions,
      );
    } catch (e) {
      if (e instanceof JqHalt) return this.halt(e);
      if (e instanceof JqError && e.value === null && e.code === JQ_ERROR_CODES.RUNTIME) {
        return ret; // jq 1.6: error(null) ends the outputs silently
      }
      const where = this.reader.position();
      if (e instanceof JqError && typeof e.value !== 'string' && e.value !== null) {
        io.stderr(`jq: error (at ${where}) (not a string): ${this.dump(e.value, 0, false, false)}\n`);
      } else {
        io.stderr(`jq: error (at ${where}): ${cString(e instanceof Error ? e.message : String(e))}\n`);
      }
      return EXIT_RUNTIME;
    }
    return ret;
  }

  /**
   * `halt` / `halt_error`: print the value (a string raw, null not at all, anything else as JSON
   * and a newline) and use its exit code. As in jq 1.6, this stops only the current input; the
   * next inputs still run (jq 1.7 stops the whole program).
   */
  private halt(h: JqHalt): number {
    this.halted = true;
    const v = h.value;
    if (typeof v === 'string') this.io.stderr(cString(v));
    else if (v !== null && v !== undefined) this.io.stderr(`${this.dump(v, 0, false, false)}\n`);
    return h.exitCode | 0;
  }
}

/** Opens an input file as jq's `fopen` + `fgets` would see it. */
function openInput(io: CliIo, name: string): OpenResult {
  try {
    return { ok: true, input: toBytes(io.readFile(name)) };
  } catch (e) {
    return { ok: false, error: strerror(e), atRead: codeOf(e) === 'EISDIR' };
  }
}
