// sluice-jq errors and exit codes, end to end with in-memory streams. Every expected stdout,
// stderr and exit code was recorded from /usr/bin/jq 1.6 (Debian 1.6-2.1) on the same arguments and files.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

/** One CLI run: arguments and standard input, and what jq 1.6 printed and returned. */
interface CliCase {
  name: string;
  args: string[];
  stdin?: string | Uint8Array;
  stdout: string;
  stderr: string;
  code: number;
  /** Why sluice-jq deliberately differs here. */
  skip?: string;
}

/** The files every case sees (the recorder wrote the same files for jq). */
const FILES: Readonly<Record<string, string>> = {
  'f1.json': '{"a":1}\n',
  'f2.json': '2\n3',
  'a.json': '1',
  'b.json': '2',
  'raw.txt': 'a\nb',
  'prog.jq': '.a | tostring\n',
  'bad-prog.jq': '# a comment\n.a |\n',
  'bad.json': '1 2 {',
  'two.json': '[1] [2]',
  'one.json': '{"x":1}',
  'utf8.txt': 'é\n',
};
const DIRS = new Set(['dir', '.']);
const ENV = { HOME: '/home/ada', FOO: 'bar' };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

function readFile(path: string): string {
  if (DIRS.has(path)) throw fsError('EISDIR', path);
  const text = FILES[path];
  if (text === undefined) throw fsError('ENOENT', path);
  return text;
}

function hex(h: string): Uint8Array {
  return Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

function runCase(c: CliCase): { stdout: string; stderr: string; code: number } {
  let stdout = '';
  let stderr = '';
  const code = runCli({
    argv: c.args,
    stdin: c.stdin ?? '',
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile,
    env: ENV,
  });
  return { stdout, stderr, code };
}

function runCases(cases: CliCase[]): void {
  for (const c of cases) {
    const test = c.skip === undefined ? it : it.skip;
    test(c.name, () => {
      expect(runCase(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
}

const CASES: CliCase[] = [
  {
    name: "a run-time error names the input position",
    args: [".a"],
    stdin: "{\"a\":1}\n[1]\n",
    stdout: "1\n",
    stderr: "jq: error (at <stdin>:2): Cannot index array with string \"a\"\n",
    code: 5,
  },
  {
    name: "the position counts newlines read, not values",
    args: [".a"],
    stdin: "1 2\n3",
    stdout: "",
    stderr: "jq: error (at <stdin>:1): Cannot index number with string \"a\"\njq: error (at <stdin>:1): Cannot index number with string \"a\"\njq: error (at <stdin>:1): Cannot index number with string \"a\"\n",
    code: 5,
  },
  {
    name: "a value completed at EOF keeps the last line count",
    args: [".a"],
    stdin: "{\"a\":1}\n2",
    stdout: "1\n",
    stderr: "jq: error (at <stdin>:1): Cannot index number with string \"a\"\n",
    code: 5,
  },
  {
    name: "a pretty-printed value ends on its last line",
    args: [".a.b"],
    stdin: "{\n  \"a\": [\n    1\n  ]\n}\n",
    stdout: "",
    stderr: "jq: error (at <stdin>:5): Cannot index array with string \"b\"\n",
    code: 5,
  },
  {
    name: "error positions name the file",
    args: [".a", "f1.json", "f2.json"],
    stdout: "1\n",
    stderr: "jq: error (at f2.json:1): Cannot index number with string \"a\"\njq: error (at f2.json:1): Cannot index number with string \"a\"\n",
    code: 5,
  },
  {
    name: "a value that ends in the next file is reported there",
    args: [".a", "f2.json", "f1.json"],
    stdout: "1\n",
    stderr: "jq: error (at f2.json:1): Cannot index number with string \"a\"\njq: error (at f1.json:1): Cannot index number with string \"a\"\n",
    code: 0,
  },
  {
    name: "with -n the position is <unknown>",
    args: ["-n", "error(\"x\")"],
    stdout: "",
    stderr: "jq: error (at <unknown>): x\n",
    code: 5,
  },
  {
    name: "after input the position moves",
    args: ["-n", "input | error(\"x\")"],
    stdin: "1\n2\n",
    stdout: "",
    stderr: "jq: error (at <stdin>:1): x\n",
    code: 5,
  },
  {
    name: "after the last input the position is <unknown>",
    args: ["[., input]"],
    stdin: "1 2 3",
    stdout: "[\n  1,\n  2\n]\n",
    stderr: "jq: error (at <unknown>): break\n",
    code: 5,
    skip: "engine: `input` past the last input raises \"No more inputs\"; the jq 1.6 CLI says \"break\" (reported)",
  },
  {
    name: "error with a non-string value",
    args: ["error({\"a\":1})"],
    stdin: "1\n",
    stdout: "",
    stderr: "jq: error (at <stdin>:1) (not a string): {\"a\":1}\n",
    code: 5,
  },
  {
    name: "error with a number",
    args: ["-n", "error(1)"],
    stdout: "",
    stderr: "jq: error (at <unknown>) (not a string): 1\n",
    code: 5,
  },
  {
    name: "error(null) stops the outputs silently",
    args: ["-n", "1, error(null), 2"],
    stdout: "1\n2\n",
    stderr: "",
    code: 0,
  },
  {
    name: "error message with a NUL is cut there",
    args: ["-n", "error(\"a\\u0000b\")"],
    stdout: "",
    stderr: "jq: error (at <unknown>): a\n",
    code: 5,
  },
  {
    name: "outputs before the error are printed",
    args: ["-c", ".[] | if . == 2 then error(\"two\") else . end"],
    stdin: "[1,2,3]",
    stdout: "1\n",
    stderr: "jq: error (at <stdin>:0): two\n",
    code: 5,
  },
  {
    name: "an error in an earlier input does not set the exit code",
    args: ["if . == 2 then error(\"x\") else . end"],
    stdin: "1 2 3",
    stdout: "1\n3\n",
    stderr: "jq: error (at <stdin>:0): x\n",
    code: 0,
  },
  {
    name: "an error in the last input exits 5",
    args: ["if . == 3 then error(\"x\") else . end"],
    stdin: "1 2 3",
    stdout: "1\n2\n",
    stderr: "jq: error (at <stdin>:0): x\n",
    code: 5,
  },
  {
    name: "run-time errors with -e exit 5",
    args: ["-e", ".a"],
    stdin: "1",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): Cannot index number with string \"a\"\n",
    code: 5,
  },
  {
    name: "input after the end",
    args: ["-n", "input, input"],
    stdin: "1",
    stdout: "1\n",
    stderr: "jq: error (at <unknown>): break\n",
    code: 5,
    skip: "engine: `input` past the last input raises \"No more inputs\"; the jq 1.6 CLI says \"break\" (reported)",
  },
  {
    name: "try input catch",
    args: ["-n", "-c", "[try input catch .], [try input catch .]"],
    stdin: "1",
    stdout: "[1]\n[\"break\"]\n",
    stderr: "",
    code: 0,
    skip: "engine: `input` past the last input raises \"No more inputs\"; the jq 1.6 CLI says \"break\" (reported)",
  },
  {
    name: "a parse error in input is an error for the program",
    args: ["-n", "-c", "try input catch ., try input catch ., try input catch ."],
    stdin: "1 {",
    stdout: "1\n\"Unfinished JSON term at EOF at line 1, column 3\"\n\"break\"\n",
    stderr: "",
    code: 0,
    skip: "engine: `input` past the last input raises \"No more inputs\"; the jq 1.6 CLI says \"break\" (reported)",
  },
  {
    name: "a parse error in inputs stops the program",
    args: ["-n", "-c", "[inputs]"],
    stdin: "1 {",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): Unfinished JSON term at EOF at line 1, column 3\n",
    code: 5,
  },
  {
    name: "cannot iterate",
    args: [".[]"],
    stdin: "1",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): Cannot iterate over number (1)\n",
    code: 5,
  },
  {
    name: "cannot add",
    args: [".a + 1"],
    stdin: "{\"a\":\"x\"}",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): string (\"x\") and number (1) cannot be added\n",
    code: 5,
  },
  {
    name: "object keys must be strings",
    args: ["-n", "{(1):2}"],
    stdout: "",
    stderr: "jq: error: Cannot use number (1) as object key at <top-level>, line 1:\n{(1):2} \njq: 1 compile error\n",
    code: 3,
    skip: "engine: the error is placed one character later than in jq 1.6 (reported)",
  },
  {
    name: "parse error after some values exits 4",
    args: ["-c", "."],
    stdin: "1 2 x",
    stdout: "1\n2\n",
    stderr: "parse error: Invalid numeric literal at EOF at line 1, column 5\n",
    code: 4,
  },
  {
    name: "parse error with -e still exits 4",
    args: ["-e", "."],
    stdin: "{\"a\":1,}",
    stdout: "",
    stderr: "parse error: Expected another key-value pair at line 1, column 8\n",
    code: 4,
  },
  {
    name: "unfinished JSON at EOF",
    args: ["."],
    stdin: "1\n2\n\n[3,\n",
    stdout: "1\n2\n",
    stderr: "parse error: Unfinished JSON term at EOF at line 5, column 0\n",
    code: 4,
  },
  {
    name: "unfinished string",
    args: ["."],
    stdin: "\"abc",
    stdout: "",
    stderr: "parse error: Unfinished string at EOF at line 1, column 4\n",
    code: 4,
  },
  {
    name: "expected separator",
    args: ["."],
    stdin: "{\"a\" 1}",
    stdout: "",
    stderr: "parse error: Expected separator between values at line 1, column 7\n",
    code: 4,
  },
  {
    name: "invalid literal",
    args: ["."],
    stdin: "nul",
    stdout: "",
    stderr: "parse error: Invalid literal at EOF at line 1, column 3\n",
    code: 4,
  },
  {
    name: "unmatched bracket",
    args: ["."],
    stdin: "1 ]",
    stdout: "1\n",
    stderr: "parse error: Unmatched ']' at line 1, column 3\n",
    code: 4,
  },
  {
    name: "a control character in a string",
    args: ["."],
    stdin: "\"a\tb\"",
    stdout: "",
    stderr: "parse error: Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 5\n",
    code: 4,
  },
  {
    name: "a malformed BOM",
    args: ["."],
    stdin: hex('efbb5b315d'),
    stdout: "",
    stderr: "parse error: Malformed BOM\n",
    code: 4,
  },
  {
    name: "a parse error in a file",
    args: [".", "bad.json"],
    stdout: "1\n2\n",
    stderr: "parse error: Unfinished JSON term at EOF at line 1, column 5\n",
    code: 4,
  },
  {
    name: "a parse error in -s input",
    args: ["-s", "."],
    stdin: "1 2 {",
    stdout: "",
    stderr: "parse error: Unfinished JSON term at EOF at line 1, column 5\n",
    code: 4,
  },
  {
    name: "--seq reports and skips bad texts",
    args: ["--seq", "-c", "."],
    stdin: "\u001e1\u001e[2,3] 4 \u001e5",
    stdout: "\u001e[2,3]\n\u001e4\n",
    stderr: "ignoring parse error: Potentially truncated top-level numeric value at line 1, column 3\nignoring parse error: Potentially truncated top-level numeric value at EOF at line 1, column 13\n",
    code: 0,
  },
  {
    name: "a missing input file exits 2 after the rest",
    args: [".", "nonexist.json", "f2.json"],
    stdout: "2\n",
    stderr: "jq: error: Could not open file nonexist.json: No such file or directory\n",
    code: 2,
  },
  {
    name: "a missing input file stops after the next value",
    args: [".", "f2.json", "nonexist.json", "f1.json"],
    stdout: "2\n3\n",
    stderr: "jq: error: Could not open file nonexist.json: No such file or directory\n",
    code: 2,
  },
  { name: "a directory as input exits 2", args: [".", "dir"], stdout: "", stderr: "", code: 2 },
  {
    name: "a directory before a file",
    args: ["-e", ".", "dir", "f2.json"],
    stdout: "2\n",
    stderr: "Input error: Is a directory\n",
    code: 2,
  },
  {
    name: "-n input from a missing file",
    args: ["-n", "input", "nonexist.json"],
    stdout: "",
    stderr: "jq: error: Could not open file nonexist.json: No such file or directory\njq: error (at nonexist.json:0): break\n",
    code: 2,
    skip: "engine: `input` past the last input raises \"No more inputs\"; the jq 1.6 CLI says \"break\" (reported)",
  },
  {
    name: "--slurpfile with a missing file",
    args: ["-n", "$a", "--slurpfile", "a", "nonexist.json"],
    stdout: "",
    stderr: "jq: Bad JSON in --slurpfile a nonexist.json: Could not open nonexist.json: No such file or directory\n",
    code: 2,
  },
  {
    name: "--slurpfile with bad JSON",
    args: ["-n", "$a", "--slurpfile", "a", "bad.json"],
    stdout: "",
    stderr: "jq: Bad JSON in --slurpfile a bad.json: Unfinished JSON term at EOF at line 1, column 5\n",
    code: 2,
  },
  {
    name: "--rawfile with a directory",
    args: ["-n", "$a", "--rawfile", "a", "dir"],
    stdout: "",
    stderr: "jq: Bad JSON in --rawfile a dir: Could not open dir: It's a directory\n",
    code: 2,
  },
  {
    name: "-f with a missing file",
    args: ["-f", "nonexist.jq"],
    stdout: "",
    stderr: "jq: Could not open nonexist.jq: No such file or directory\n",
    code: 2,
  },
  {
    name: "-f with a directory",
    args: ["-n", "-f", "dir"],
    stdout: "",
    stderr: "jq: Could not open dir: It's a directory\n",
    code: 2,
  },
  {
    name: "undefined function",
    args: ["-n", "foo"],
    stdout: "",
    stderr: "jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo\njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "undefined function with arguments",
    args: ["-n", "1 | foo(1)"],
    stdout: "",
    stderr: "jq: error: foo/1 is not defined at <top-level>, line 1:\n1 | foo(1)    \njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "undefined variable",
    args: ["-n", "$x"],
    stdout: "",
    stderr: "jq: error: $x is not defined at <top-level>, line 1:\n$x\njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "undefined variable after others",
    args: ["-n", ". as [$a] | $b"],
    stdout: "",
    stderr: "jq: error: $b is not defined at <top-level>, line 1:\n. as [$a] | $b            \njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "an undefined function on line 2",
    args: ["-n", "1 |\nfoo\n| 1"],
    stdout: "",
    stderr: "jq: error: foo/0 is not defined at <top-level>, line 2:\nfoo\njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "a compile error in a -f file",
    args: ["-n", "-f", "bad-prog.jq"],
    stdout: "",
    stderr: "jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 2:\n.a |    \njq: 1 compile error\n",
    code: 3,
    skip: "engine: a syntax error at the end is placed at the end of the program; jq 1.6 places it at the start of the last token (reported)",
  },
  {
    name: "syntax error at the end",
    args: ["-n", "1 +"],
    stdout: "",
    stderr: "jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:\n1 +  \njq: 1 compile error\n",
    code: 3,
    skip: "engine: a syntax error at the end is placed at the end of the program; jq 1.6 places it at the start of the last token (reported)",
  },
  {
    name: "syntax error: unexpected token",
    args: ["-n", "%"],
    stdout: "",
    stderr: "jq: error: syntax error, unexpected '%', expecting $end (Unix shell quoting issues?) at <top-level>, line 1:\n%\njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "syntax error: unclosed bracket",
    args: ["-n", "[1,2"],
    stdout: "",
    stderr: "jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:\n[1,2   \njq: 1 compile error\n",
    code: 3,
    skip: "engine: a syntax error at the end is placed at the end of the program; jq 1.6 places it at the start of the last token (reported)",
  },
  {
    name: "syntax error: unclosed string",
    args: ["-n", "\"abc"],
    stdout: "",
    stderr: "jq: error: syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?) at <top-level>, line 1:\n\"abc \njq: 1 compile error\n",
    code: 3,
    skip: "engine: a syntax error at the end is placed at the end of the program; jq 1.6 places it at the start of the last token (reported)",
  },
  {
    name: "invalid escape in a string literal",
    args: ["-n", "\"\\x\""],
    stdout: "",
    stderr: "jq: error: Invalid escape at line 1, column 4 (while parsing '\"\\x\"') at <top-level>, line 1:\n\"\\x\" \njq: 1 compile error\n",
    code: 3,
  },
  {
    name: "unknown long option",
    args: ["--foo", "."],
    stdout: "",
    stderr: "jq: Unknown option --foo\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "unknown short option",
    args: ["-nx", "."],
    stdout: "",
    stderr: "jq: Unknown option -nx\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "a repeated short flag is unknown",
    args: ["-nn", "."],
    stdout: "",
    stderr: "jq: Unknown option -nn\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--arg without its value",
    args: ["-n", ".", "--arg", "x"],
    stdout: "",
    stderr: "jq: --arg takes two parameters (e.g. --arg varname value)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--argjson with bad JSON",
    args: ["-n", ".", "--argjson", "x", "{"],
    stdout: "",
    stderr: "jq: invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--argjson with two texts",
    args: ["-n", ".", "--argjson", "x", "1 2"],
    stdout: "",
    stderr: "jq: invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--indent out of range",
    args: ["--indent", "8", "."],
    stdout: "",
    stderr: "jq: --indent takes a number between -1 and 7\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--indent without a value",
    args: [".", "--indent"],
    stdout: "",
    stderr: "jq: --indent takes one parameter\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--slurpfile without a file",
    args: [".", "--slurpfile", "a"],
    stdout: "",
    stderr: "jq: --slurpfile takes two parameters (e.g. --slurpfile varname filename)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "-j0 is an unknown option",
    args: ["-j0"],
    stdin: "1",
    stdout: "",
    stderr: "jq: Unknown option -j0\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--compact-output=1 is an unknown option",
    args: ["--compact-output=1", "."],
    stdin: "1",
    stdout: "",
    stderr: "jq: Unknown option --compact-output=1\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--indent=10 is an unknown option",
    args: ["--indent=10", "."],
    stdin: "1",
    stdout: "",
    stderr: "jq: Unknown option --indent=10\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "-q is an unknown option",
    args: ["-nqe", "."],
    stdout: "",
    stderr: "jq: Unknown option -nqe\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "--raw-output0 is not in jq 1.6",
    args: ["--raw-output0", "."],
    stdin: "1",
    stdout: "",
    stderr: "jq: Unknown option --raw-output0\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n",
    code: 2,
  },
  {
    name: "-f without a file reads the program from .",
    args: ["-f"],
    stdin: "1",
    stdout: "",
    stderr: "jq: Could not open .: It's a directory\n",
    code: 2,
  },
  {
    name: "--slurpfile - is a file named -",
    args: ["-n", "--slurpfile", "foo", "-", "$foo"],
    stdout: "",
    stderr: "jq: Bad JSON in --slurpfile foo -: Could not open -: No such file or directory\n",
    code: 2,
  },
  {
    name: "--argjson with a name that is not an identifier",
    args: ["-n", "-c", "$ARGS.named", "--argjson", "0x", "0"],
    stdout: "{\"0x\":0}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "error in object key",
    args: ["-c", ".[] | { (.k): .a.b }"],
    stdin: "[{\"k\":\"x\",\"a\":{\"b\":1}},{\"k\":1}]",
    stdout: "{\"x\":1}\n",
    stderr: "jq: error (at <stdin>:0): Cannot use number (1) as object key\n",
    code: 5,
  },
  {
    name: "@foo is not a valid format",
    args: ["-n", "@foo"],
    stdout: "",
    stderr: "jq: error (at <unknown>): foo is not a valid format\n",
    code: 5,
  },

];

describe('sluice-jq: errors (as jq 1.6)', () => runCases(CASES));
