/**
 * Command-line parsing for `sluice-jq`, following jq 1.6's `main.c`: options may come before or
 * after the program, short flags combine (`-nr`, but jq rejects a repeated letter such as `-nn`),
 * the first non-option argument is the program and the rest are input files (or positional
 * values after `--args`/`--jsonargs`), and `--` ends option parsing.
 * @module
 */
import type { Json } from '../ast.js';
import { parseOneJson } from './json-texts.js';
import { encodeString } from '../utf8.js';

/** A `--arg`-family option, in command-line order. Files are read later by the CLI. */
export type NamedArg =
  | { kind: 'arg'; name: string; value: string }
  | { kind: 'argjson'; name: string; value: Json }
  | { kind: 'slurpfile' | 'argfile' | 'rawfile'; name: string; file: string };

/** Everything the command line asks for. */
export interface CliOptions {
  /** The program text, or with `fromFile` the name of the file holding it; null when absent. */
  program: string | null;
  fromFile: boolean;
  /** Input files in order (`-` = standard input). */
  files: string[];
  nullInput: boolean;
  rawInput: boolean;
  slurp: boolean;
  rawOutput: boolean;
  /** `-j`: raw output without newlines. */
  joinOutput: boolean;
  asciiOutput: boolean;
  sortKeys: boolean;
  exitStatus: boolean;
  seq: boolean;
  /** Spaces per level (0 = compact), or 'tab'. */
  indent: number | 'tab';
  /** `--arg`, `--argjson`, `--slurpfile`, `--argfile`, `--rawfile` (first of a name wins, as in jq). */
  named: NamedArg[];
  /** `$ARGS.positional`. */
  positional: Json[];
}

/** The outcome of parsing: run, print help or version, or stop with a usage error. */
export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  /** `--` with no program before it: jq prints its short usage and exits 2. */
  | { kind: 'usage'; options: CliOptions }
  /** A bad option: `message` is the first line jq prints (then its "Use jq --help" lines). */
  | { kind: 'error'; message: string; options: CliOptions };

/** Flags that take no value, by short letter and long name. */
const FLAGS: ReadonlyArray<[string | null, string, (o: CliOptions) => void]> = [
  ['s', 'slurp', (o) => (o.slurp = true)],
  ['r', 'raw-output', (o) => (o.rawOutput = true)],
  ['c', 'compact-output', (o) => (o.indent = 0)],
  ['C', 'color-output', () => {}],
  ['M', 'monochrome-output', () => {}],
  ['a', 'ascii-output', (o) => (o.asciiOutput = true)],
  [null, 'unbuffered', () => {}],
  ['S', 'sort-keys', (o) => (o.sortKeys = true)],
  ['R', 'raw-input', (o) => (o.rawInput = true)],
  ['n', 'null-input', (o) => (o.nullInput = true)],
  ['f', 'from-file', (o) => (o.fromFile = true)],
  ['j', 'join-output', (o) => ((o.rawOutput = true), (o.joinOutput = true))],
  ['e', 'exit-status', (o) => (o.exitStatus = true)],
];

const FILE_OPTIONS = ['slurpfile', 'argfile', 'rawfile'] as const;

/** A fresh options object with jq's defaults (indent 2). @internal */
export function defaultOptions(): CliOptions {
  return {
    program: null, fromFile: false, files: [], nullInput: false, rawInput: false, slurp: false,
    rawOutput: false, joinOutput: false, asciiOutput: false, sortKeys: false, exitStatus: false,
    seq: false, indent: 2, named: [], positional: [],
  };
}

/** jq's `isoptish`: `-x…` with a letter, or `--…`. */
function isOptish(text: string): boolean {
  return text.length >= 2 && text[0] === '-' && (text[1] === '-' || /[A-Za-z]/.test(text[1]!));
}

/** C's `atoi`: leading blanks, sign, digits; anything else ends it (so "abc" is 0). */
function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  return m === null ? 0 : Number.parseInt(m[1]!, 10);
}

/**
 * Parses `argv` (without the node and script paths) the way jq 1.6 does.
 *
 * @example
 * parseArgs(['-nr', '$x', '--arg', 'x', '1']); // { kind: 'run', options: { nullInput: true, rawOutput: true, ... } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const o = defaultOptions();
  const seen = new Set<string>();
  let argsMode: 'files' | 'strings' | 'json' = 'files';
  let argsDone = false;
  const fail = (message: string): ParsedArgs => ({ kind: 'error', message, options: o });

  for (let i = 0; i < argv.length; i++) {
    const text = argv[i]!;
    if (argsDone || !isOptish(text)) {
      if (o.program === null) {
        o.program = text;
      } else if (argsMode === 'strings') {
        o.positional.push(text);
      } else if (argsMode === 'json') {
        const parsed = parseOneJson(encodeString(text));
        // jq 1.6 stores the invalid value and crashes later; we stop like jq 1.7 does.
        if (!parsed.ok) return fail('jq: invalid JSON text passed to --jsonargs');
        o.positional.push(parsed.value);
      } else {
        o.files.push(text);
      }
      continue;
    }
    if (text === '--') {
      if (o.program === null) return { kind: 'usage', options: o };
      argsDone = true;
      continue;
    }
    if (text[1] === 'L') {
      // Module search path: accepted and ignored (modules are not supported).
      if (text.length > 2) continue;
      if (i >= argv.length - 1) return fail('-L takes a parameter: (e.g. -L /search/path or -L/search/path)');
      i++;
      continue;
    }
    if (text[1] !== '-') {
      // Short flags: jq counts each known letter once, then rejects the argument unless the
      // count accounts for every letter (which is why `-nn` is an unknown option).
      let count = 0;
      for (const [letter, , apply] of FLAGS) {
        if (letter !== null && text.includes(letter)) {
          apply(o);
          count++;
        }
      }
      if (text.includes('h')) return { kind: 'help' };
      if (text.includes('V')) return { kind: 'version' };
      if (text.length !== count + 1) return fail(`jq: Unknown option ${text}`);
      continue;
    }
    const long = text.slice(2);
    const flag = FLAGS.find(([, name]) => name === long);
    if (flag !== undefined) {
      flag[2](o);
      continue;
    }
    switch (long) {
      case 'tab':
        o.indent = 'tab';
        continue;
      case 'indent': {
        if (i >= argv.length - 1) return fail('jq: --indent takes one parameter');
        const n = atoi(argv[i + 1]!);
        if (n < -1 || n > 7) return fail('jq: --indent takes a number between -1 and 7');
        o.indent = n === -1 ? 'tab' : n;
        i++;
        continue;
      }
      case 'seq':
        o.seq = true;
        continue;
      case 'args':
        argsMode = 'strings';
        continue;
      case 'jsonargs':
        argsMode = 'json';
        continue;
      case 'arg':
        if (i >= argv.length - 2) return fail('jq: --arg takes two parameters (e.g. --arg varname value)');
        if (!seen.has(argv[i + 1]!)) {
          seen.add(argv[i + 1]!);
          o.named.push({ kind: 'arg', name: argv[i + 1]!, value: argv[i + 2]! });
        }
        i += 2;
        continue;
      case 'argjson': {
        if (i >= argv.length - 2) return fail('jq: --argjson takes two parameters (e.g. --argjson varname text)');
        if (!seen.has(argv[i + 1]!)) {
          const parsed = parseOneJson(encodeString(argv[i + 2]!));
          if (!parsed.ok) return fail('jq: invalid JSON text passed to --argjson');
          seen.add(argv[i + 1]!);
          o.named.push({ kind: 'argjson', name: argv[i + 1]!, value: parsed.value });
        }
        i += 2;
        continue;
      }
      case 'help':
        return { kind: 'help' };
      case 'version':
        return { kind: 'version' };
      case 'stream':
      case 'stream-errors':
      case 'debug-dump-disasm':
      case 'debug-trace':
      case 'debug-trace=all':
      case 'run-tests':
        // jq 1.6 options this CLI does not implement: say so rather than "Unknown option".
        return fail(`jq: ${text} is not supported by sluice-jq`);
    }
    const fileOption = FILE_OPTIONS.find((name) => name === long);
    if (fileOption !== undefined) {
      if (i >= argv.length - 2) {
        return fail(`jq: --${fileOption} takes two parameters (e.g. --${fileOption} varname filename)`);
      }
      if (!seen.has(argv[i + 1]!)) {
        seen.add(argv[i + 1]!);
        o.named.push({ kind: fileOption, name: argv[i + 1]!, file: argv[i + 2]! });
      }
      i += 2;
      continue;
    }
    return fail(`jq: Unknown option ${text}`);
  }
  return { kind: 'run', options: o };
}
