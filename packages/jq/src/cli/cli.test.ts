// sluice-jq output, options and inputs, end to end with in-memory streams. Every expected stdout,
// stderr and exit code was recorded from /usr/bin/jq 1.6 (Debian 1.6-2.1) on the same arguments and files.
import { describe, expect, it } from 'vitest';
import { ENV, hex, readFile, runCases, type CliCase } from '../../test/cli-helpers.js';
import { runCli } from './cli.js';

const CASES: CliCase[] = [
  {
    name: "pretty prints with two spaces by default",
    args: ["."],
    stdin: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{}, \"l\":[]}",
    stdout: "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2,\n    {\n      \"c\": null\n    }\n  ],\n  \"s\": \"é\\u0000x\",\n  \"e\": {},\n  \"l\": []\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-c prints compactly",
    args: ["-c", "."],
    stdin: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{}, \"l\":[]}",
    stdout: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{},\"l\":[]}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--tab indents with tabs",
    args: ["--tab", "."],
    stdin: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{}, \"l\":[]}",
    stdout: "{\n\t\"a\": 1,\n\t\"b\": [\n\t\t1,\n\t\t2,\n\t\t{\n\t\t\t\"c\": null\n\t\t}\n\t],\n\t\"s\": \"é\\u0000x\",\n\t\"e\": {},\n\t\"l\": []\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--indent 3",
    args: ["--indent", "3", "."],
    stdin: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{}, \"l\":[]}",
    stdout: "{\n   \"a\": 1,\n   \"b\": [\n      1,\n      2,\n      {\n         \"c\": null\n      }\n   ],\n   \"s\": \"é\\u0000x\",\n   \"e\": {},\n   \"l\": []\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--indent 7",
    args: ["--indent", "7", "{a:[1]}"],
    stdin: "null",
    stdout: "{\n       \"a\": [\n              1\n       ]\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--indent 0 is compact",
    args: ["--indent", "0", "."],
    stdin: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{}, \"l\":[]}",
    stdout: "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"s\":\"é\\u0000x\",\"e\":{},\"l\":[]}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--indent -1 is tabs",
    args: ["--indent", "-1", "{a:[1]}"],
    stdin: "null",
    stdout: "{\n\t\"a\": [\n\t\t1\n\t]\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-c then --indent 3 indents",
    args: ["-c", "--indent", "3", "{a:[1]}"],
    stdin: "null",
    stdout: "{\n   \"a\": [\n      1\n   ]\n}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--tab then -c is compact",
    args: ["--tab", "-c", "{a:[1]}"],
    stdin: "null",
    stdout: "{\"a\":[1]}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-S sorts keys at every level",
    args: ["-S", "-c", "."],
    stdin: "{\"b\":{\"d\":1,\"c\":2},\"a\":[{\"z\":1,\"y\":2}]}",
    stdout: "{\"a\":[{\"y\":2,\"z\":1}],\"b\":{\"c\":2,\"d\":1}}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-a escapes non-ASCII",
    args: ["-a", "-c", "."],
    stdin: "[\"é😀\\u0001\\u007f\", {\"ключ\": \"值\"}]",
    stdout: "[\"\\u00e9\\ud83d\\ude00\\u0001\\u007f\",{\"\\u043a\\u043b\\u044e\\u0447\":\"\\u503c\"}]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-r prints strings raw and other values as JSON",
    args: ["-r", ".[]"],
    stdin: "[\"a\\tb\", 1, [\"x\"], null]",
    stdout: "a\tb\n1\n[\n  \"x\"\n]\nnull\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-r keeps NUL characters",
    args: ["-r", "."],
    stdin: "\"a\\u0000b\"",
    stdout: "a\u0000b\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-j joins outputs without newlines",
    args: ["-j", ".[]"],
    stdin: "[\"a\", 1, [2], \"b\"]",
    stdout: "a1[\n  2\n]b",
    stderr: "",
    code: 0,
  },
  {
    name: "-r -a prints strings quoted (jq 1.6)",
    args: ["-r", "-a", ".[]"],
    stdin: "[\"é\", \"x\"]",
    stdout: "\"\\u00e9\"\n\"x\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "combined short flags",
    args: ["-cr", ".[]"],
    stdin: "[\"a\", {\"b\":1}]",
    stdout: "a\n{\"b\":1}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "several inputs, any whitespace",
    args: ["-c", "."],
    stdin: "1 2\n\n[3]\t{\"a\":4}\r\n\"5\"",
    stdout: "1\n2\n[3]\n{\"a\":4}\n\"5\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "texts need no whitespace between them",
    args: ["-c", "."],
    stdin: "1[2]{\"a\":3}\"x\"[]3",
    stdout: "1\n[2]\n{\"a\":3}\n\"x\"\n[]\n3\n",
    stderr: "",
    code: 0,
  },
  { name: "empty input gives no output", args: ["."], stdout: "", stderr: "", code: 0 },
  { name: "only whitespace gives no output", args: ["."], stdin: " \n\t\n", stdout: "", stderr: "", code: 0 },
  {
    name: "numbers print like jq",
    args: ["-c", "."],
    stdin: "[1e1000, -1e1000, 100000000000000000000, 1e17, 1e16, 0.1, 1.5e-7, 0.00001, 0.0001, -0, 3.0, 1.23456789012345678, NaN, 5e-324]",
    stdout: "[1.7976931348623157e+308,-1.7976931348623157e+308,1e+20,1e+17,1e+16,0.1,1.5e-07,1e-05,0.0001,-0,3,1.2345678901234567,null,5e-324]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "strings escape like jq",
    args: ["-c", "."],
    stdin: "\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\\\"\\\\/</script>\\u2028é\"",
    stdout: "\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\\\"\\\\/</script>\u2028é\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "lone surrogate escapes become U+FFFD",
    args: ["-c", "."],
    stdin: "\"\\udc00x\"",
    stdout: "\"�x\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "invalid UTF-8 becomes U+FFFD",
    args: ["-c", "."],
    stdin: hex('2261ffc3222022eda08022'),
    stdout: "\"a��\"\n\"�\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "a UTF-8 byte order mark is skipped",
    args: ["-c", "."],
    stdin: "﻿[1]",
    stdout: "[1]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "object keys keep their order, the last duplicate wins",
    args: ["-c", "."],
    stdin: "{\"b\":1,\"a\":2,\"b\":3}",
    stdout: "{\"b\":3,\"a\":2}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-n uses null as the input",
    args: ["-n", "1, 2"],
    stdin: "ignored",
    stdout: "1\n2\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-n does not read the files",
    args: ["-n", ".", "f1.json", "nonexist.json"],
    stdout: "null\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-s slurps all inputs into an array",
    args: ["-c", "-s", "."],
    stdin: "1 [2] {\"a\":3}",
    stdout: "[1,[2],{\"a\":3}]\n",
    stderr: "",
    code: 0,
  },
  { name: "-s on empty input is []", args: ["-c", "-s", "."], stdout: "[]\n", stderr: "", code: 0 },
  {
    name: "-s -n: . is null and input is the array",
    args: ["-c", "-s", "-n", "., input"],
    stdin: "1 2",
    stdout: "null\n[1,2]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-R reads lines as strings",
    args: ["-R", "."],
    stdin: "a b\n\nc",
    stdout: "\"a b\"\n\"\"\n\"c\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-R -s reads everything as one string",
    args: ["-Rs", "."],
    stdin: "a\nb\n",
    stdout: "\"a\\nb\\n\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-R -n with inputs",
    args: ["-Rn", "-c", "[inputs]"],
    stdin: "x\ny",
    stdout: "[\"x\",\"y\"]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-R -r round-trips lines",
    args: ["-Rr", "."],
    stdin: "é\n\"q\"\n",
    stdout: "é\n\"q\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "input files are read in order",
    args: ["-c", ".", "f1.json", "two.json"],
    stdout: "{\"a\":1}\n[1]\n[2]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "texts run on across file ends",
    args: ["-c", ".", "a.json", "b.json"],
    stdout: "12\n",
    stderr: "",
    code: 0,
  },
  {
    name: "- names standard input",
    args: ["-c", ".", "-", "f1.json"],
    stdin: "7",
    stdout: "7\n{\"a\":1}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-R across files joins the unterminated line",
    args: ["-R", "-c", ".", "raw.txt", "f2.json"],
    stdout: "\"a\"\n\"b2\"\n\"3\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-s across files",
    args: ["-c", "-s", ".", "f1.json", "f2.json"],
    stdout: "[{\"a\":1},2,3]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "input reads the next input",
    args: ["-c", "[., input]"],
    stdin: "1 2 3 4",
    stdout: "[1,2]\n[3,4]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "inputs reads the rest",
    args: ["-c", "-n", "[inputs]"],
    stdin: "1 2 3",
    stdout: "[1,2,3]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-n input reads files",
    args: ["-c", "-n", "input, input", "f1.json", "f2.json"],
    stdout: "{\"a\":1}\n2\n",
    stderr: "",
    code: 0,
  },
  {
    name: "first(inputs) leaves the rest for the main loop",
    args: ["-c", "first(inputs)"],
    stdin: "1 2 3 4 5",
    stdout: "2\n4\n",
    stderr: "",
    code: 0,
  },
  {
    name: "input_filename and input_line_number",
    args: ["-c", "[., input_filename, input_line_number]", "f2.json", "f1.json"],
    stdout: "[2,\"f2.json\",1]\n[3,\"f1.json\",1]\n[{\"a\":1},\"f1.json\",1]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "input_filename is <stdin> for standard input",
    args: ["input_filename"],
    stdin: "1",
    stdout: "\"<stdin>\"\n",
    stderr: "",
    code: 0,
  },
  { name: "input_filename is null with -n", args: ["-n", "input_filename"], stdout: "null\n", stderr: "", code: 0 },
  {
    name: "$__loc__",
    args: ["-c", "-n", "$__loc__"],
    stdout: "{\"file\":\"<top-level>\",\"line\":1}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--arg binds a string",
    args: ["-n", "-c", "[$a, $b]", "--arg", "a", "1", "--arg", "b", "x y"],
    stdout: "[\"1\",\"x y\"]\n",
    stderr: "",
    code: 0,
  },
  { name: "--arg before the program", args: ["--arg", "x", "y", "-n", "$x"], stdout: "\"y\"\n", stderr: "", code: 0 },
  {
    name: "--argjson binds JSON",
    args: ["-n", "-c", "$v", "--argjson", "v", " {\"a\":[1,2]} "],
    stdout: "{\"a\":[1,2]}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "the first --arg of a name wins",
    args: ["-n", "-c", "[$a, $ARGS.named]", "--arg", "a", "1", "--argjson", "a", "2"],
    stdout: "[\"1\",{\"a\":\"1\"}]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "$ARGS.named",
    args: ["-n", "-c", "$ARGS", "--arg", "a", "b", "--argjson", "c", "{\"x\":1}"],
    stdout: "{\"positional\":[],\"named\":{\"a\":\"b\",\"c\":{\"x\":1}}}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--args gives positional strings",
    args: ["-n", "-c", "$ARGS", "--args", "a", "b"],
    stdout: "{\"positional\":[\"a\",\"b\"],\"named\":{}}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--jsonargs gives positional JSON",
    args: ["-n", "-c", "$ARGS.positional", "--jsonargs", "1", "{\"a\":2}", "null"],
    stdout: "[1,{\"a\":2},null]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--args and --jsonargs switch modes",
    args: ["-n", "-c", "$ARGS.positional", "--args", "a", "--jsonargs", "1", "--args", "c"],
    stdout: "[\"a\",1,\"c\"]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--args after files",
    args: ["-c", "[., $ARGS.positional]", "f1.json", "--args", "x"],
    stdout: "[{\"a\":1},[\"x\"]]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--slurpfile binds an array of the texts",
    args: ["-n", "-c", "$f", "--slurpfile", "f", "f2.json"],
    stdout: "[2,3]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--argfile unwraps a single text",
    args: ["-n", "-c", "[$f, $g]", "--argfile", "f", "one.json", "--argfile", "g", "two.json"],
    stdout: "[{\"x\":1},[[1],[2]]]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--rawfile binds the text",
    args: ["-n", "$f", "--rawfile", "f", "raw.txt"],
    stdout: "\"a\\nb\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-f reads the program from a file",
    args: ["-f", "prog.jq", "f1.json"],
    stdout: "\"1\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-f with input from stdin",
    args: ["-f", "prog.jq"],
    stdin: "{\"a\":[1]}",
    stdout: "\"[1]\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "$ENV and env",
    args: ["-n", "-c", "[$ENV.FOO, env.FOO, ($ENV|has(\"HOME\"))]"],
    stdout: "[\"bar\",\"bar\",true]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-- ends options",
    args: ["-n", "-c", "[$ARGS.positional, .]", "--args", "--", "-n", "-c"],
    stdout: "[[\"-n\",\"-c\"],null]\n",
    stderr: "",
    code: 0,
  },
  { name: "a program that starts with - is not an option", args: ["-n", "-1"], stdout: "-1\n", stderr: "", code: 0 },
  { name: "an empty program is the identity", args: ["-c", ""], stdin: "[1]", stdout: "[1]\n", stderr: "", code: 0 },
  {
    name: "debug prints to stderr compactly",
    args: ["-c", ".[] | debug | . + 1"],
    stdin: "[1, {\"b\":2}]",
    stdout: "2\n",
    stderr: "[\"DEBUG:\",1]\n[\"DEBUG:\",{\"b\":2}]\njq: error (at <stdin>:0): object ({\"b\":2}) and number (1) cannot be added\n",
    code: 5,
  },
  {
    name: "debug follows -S and -a",
    args: ["-n", "-S", "-a", "{\"b\":\"é\",\"a\":1} | debug | empty"],
    stdout: "",
    stderr: "[\"DEBUG:\",{\"a\":1,\"b\":\"\\u00e9\"}]\n",
    code: 0,
  },
  {
    name: "stderr prints compact JSON without newline",
    args: ["-n", "\"x\\n\", {\"a\":1} | stderr | empty"],
    stdout: "",
    stderr: "\"x\\n\"{\"a\":1}",
    code: 0,
  },
  {
    name: "--seq writes RS before each JSON text",
    args: ["--seq", "-c", ".[]"],
    stdin: "[\"a\", 1]",
    stdout: "",
    stderr: "ignoring parse error: Unfinished abandoned text at EOF at line 1, column 8\n",
    code: 0,
  },
  {
    name: "--seq -r writes raw strings without RS",
    args: ["--seq", "-r", ".[]"],
    stdin: "[\"a\", 1]",
    stdout: "",
    stderr: "ignoring parse error: Unfinished abandoned text at EOF at line 1, column 8\n",
    code: 0,
  },
  {
    name: "--seq reads RS-separated texts",
    args: ["--seq", "-c", "."],
    stdin: "\u001e1\n\u001e[2]\n\u001e{\"a\":3}\n",
    stdout: "\u001e1\n\u001e[2]\n\u001e{\"a\":3}\n",
    stderr: "",
    code: 0,
  },
  {
    name: "--seq ignores text before the first RS",
    args: ["--seq", "-c", "."],
    stdin: "1 x 2\u001e3\n",
    stdout: "\u001e3\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-C and -M are accepted",
    args: ["-M", "-c", "."],
    stdin: "{\"a\":1}",
    stdout: "{\"a\":1}\n",
    stderr: "",
    code: 0,
  },
  { name: "--version", args: ["--version"], stdout: "jq-1.6\n", stderr: "", code: 0 },
  {
    name: "limit over inputs",
    args: ["-n", "-c", "[limit(2; inputs)], [inputs]"],
    stdin: "1 2 3 4",
    stdout: "[1,2]\n[3,4]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-f clumped with other flags",
    args: ["-cfr", "prog.jq"],
    stdin: "{\"a\":[1]}",
    stdout: "[1]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "options after --args are still options",
    args: ["--args", "$ARGS", "x", "-n", "y", "-c"],
    stdout: "{\"positional\":[\"x\",\"y\"],\"named\":{}}\n",
    stderr: "",
    code: 0,
  },
  { name: "a program may start with -.", args: ["-."], stdin: "1", stdout: "-1\n", stderr: "", code: 0 },
  {
    name: "-r before a -. program",
    args: ["-r", "-."],
    stdin: "\"x\"",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): string (\"x\") cannot be negated\n",
    code: 5,
  },
  {
    name: "--arg accepts any name",
    args: ["-n", "-c", "$ARGS.named", "--arg", "f.oo", "10"],
    stdout: "{\"f.oo\":\"10\"}\n",
    stderr: "",
    code: 0,
  },
  { name: "-L with the path attached", args: ["-n", "-Ltestdata", "1"], stdout: "1\n", stderr: "", code: 0 },
  {
    name: "-R with halt",
    args: ["-R", "., halt, ."],
    stdin: "a\nb\n",
    stdout: "\"a\"\n\"b\"\n",
    stderr: "",
    code: 0,
  },
  { name: "-R -n ignores the input", args: ["-R", "-n", "."], stdin: "a\n", stdout: "null\n", stderr: "", code: 0 },
  {
    name: "-s -R reads one string",
    args: ["-s", "-R", "."],
    stdin: "a\nb",
    stdout: "\"a\\nb\"\n",
    stderr: "",
    code: 0,
  },
  { name: "-s -n is null", args: ["-s", "-n", "."], stdin: "1 2", stdout: "null\n", stderr: "", code: 0 },
  {
    name: "input + input",
    args: ["-n", "input + input[0]"],
    stdin: "1 [2]",
    stdout: "",
    stderr: "jq: error (at <stdin>:0): Cannot index number with number\n",
    code: 5,
  },
  {
    name: "reduce inputs",
    args: ["-n", "reduce inputs as $x (0; . + $x)"],
    stdin: "1 2 3",
    stdout: "6\n",
    stderr: "",
    code: 0,
  },
  {
    name: "inputs with -R",
    args: ["-n", "-R", "-c", "[inputs]"],
    stdin: "a\nb\n",
    stdout: "[\"a\",\"b\"]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "input_filename with - for stdin between files",
    args: ["input_filename", "-", "f1.json", "-"],
    stdin: "1",
    stdout: "\"f1.json\"\n\"f1.json\"\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-n inputs and input_filename",
    args: ["-n", "-c", "., inputs, (try input catch .) | input_filename", "f1.json", "f2.json"],
    stdout: "null\n\"f1.json\"\n\"f2.json\"\n\"f2.json\"\nnull\n",
    stderr: "",
    code: 0,
  },
  {
    name: "$ENV is not the process environment",
    args: ["-n", "-c", "$ENV | keys"],
    stdout: "[\"FOO\",\"HOME\"]\n",
    stderr: "",
    code: 0,
  },
  {
    name: "a big document round-trips",
    args: ["-c", "[.[] | {id, v: (.v * 2)}]"],
    stdin: "[{\"id\":0,\"v\":0.5,\"s\":\"\"},{\"id\":1,\"v\":1.5,\"s\":\"x\"},{\"id\":2,\"v\":2.5,\"s\":\"xx\"},{\"id\":3,\"v\":3.5,\"s\":\"xxx\"},{\"id\":4,\"v\":4.5,\"s\":\"xxxx\"},{\"id\":5,\"v\":5.5,\"s\":\"xxxxx\"},{\"id\":6,\"v\":6.5,\"s\":\"xxxxxx\"},{\"id\":7,\"v\":7.5,\"s\":\"\"},{\"id\":8,\"v\":8.5,\"s\":\"x\"},{\"id\":9,\"v\":9.5,\"s\":\"xx\"},{\"id\":10,\"v\":10.5,\"s\":\"xxx\"},{\"id\":11,\"v\":11.5,\"s\":\"xxxx\"},{\"id\":12,\"v\":12.5,\"s\":\"xxxxx\"},{\"id\":13,\"v\":13.5,\"s\":\"xxxxxx\"},{\"id\":14,\"v\":14.5,\"s\":\"\"},{\"id\":15,\"v\":15.5,\"s\":\"x\"},{\"id\":16,\"v\":16.5,\"s\":\"xx\"},{\"id\":17,\"v\":17.5,\"s\":\"xxx\"},{\"id\":18,\"v\":18.5,\"s\":\"xxxx\"},{\"id\":19,\"v\":19.5,\"s\":\"xxxxx\"},{\"id\":20,\"v\":20.5,\"s\":\"xxxxxx\"},{\"id\":21,\"v\":21.5,\"s\":\"\"},{\"id\":22,\"v\":22.5,\"s\":\"x\"},{\"id\":23,\"v\":23.5,\"s\":\"xx\"},{\"id\":24,\"v\":24.5,\"s\":\"xxx\"},{\"id\":25,\"v\":25.5,\"s\":\"xxxx\"},{\"id\":26,\"v\":26.5,\"s\":\"xxxxx\"},{\"id\":27,\"v\":27.5,\"s\":\"xxxxxx\"},{\"id\":28,\"v\":28.5,\"s\":\"\"},{\"id\":29,\"v\":29.5,\"s\":\"x\"},{\"id\":30,\"v\":30.5,\"s\":\"xx\"},{\"id\":31,\"v\":31.5,\"s\":\"xxx\"},{\"id\":32,\"v\":32.5,\"s\":\"xxxx\"},{\"id\":33,\"v\":33.5,\"s\":\"xxxxx\"},{\"id\":34,\"v\":34.5,\"s\":\"xxxxxx\"},{\"id\":35,\"v\":35.5,\"s\":\"\"},{\"id\":36,\"v\":36.5,\"s\":\"x\"},{\"id\":37,\"v\":37.5,\"s\":\"xx\"},{\"id\":38,\"v\":38.5,\"s\":\"xxx\"},{\"id\":39,\"v\":39.5,\"s\":\"xxxx\"},{\"id\":40,\"v\":40.5,\"s\":\"xxxxx\"},{\"id\":41,\"v\":41.5,\"s\":\"xxxxxx\"},{\"id\":42,\"v\":42.5,\"s\":\"\"},{\"id\":43,\"v\":43.5,\"s\":\"x\"},{\"id\":44,\"v\":44.5,\"s\":\"xx\"},{\"id\":45,\"v\":45.5,\"s\":\"xxx\"},{\"id\":46,\"v\":46.5,\"s\":\"xxxx\"},{\"id\":47,\"v\":47.5,\"s\":\"xxxxx\"},{\"id\":48,\"v\":48.5,\"s\":\"xxxxxx\"},{\"id\":49,\"v\":49.5,\"s\":\"\"},{\"id\":50,\"v\":50.5,\"s\":\"x\"},{\"id\":51,\"v\":51.5,\"s\":\"xx\"},{\"id\":52,\"v\":52.5,\"s\":\"xxx\"},{\"id\":53,\"v\":53.5,\"s\":\"xxxx\"},{\"id\":54,\"v\":54.5,\"s\":\"xxxxx\"},{\"id\":55,\"v\":55.5,\"s\":\"xxxxxx\"},{\"id\":56,\"v\":56.5,\"s\":\"\"},{\"id\":57,\"v\":57.5,\"s\":\"x\"},{\"id\":58,\"v\":58.5,\"s\":\"xx\"},{\"id\":59,\"v\":59.5,\"s\":\"xxx\"},{\"id\":60,\"v\":60.5,\"s\":\"xxxx\"},{\"id\":61,\"v\":61.5,\"s\":\"xxxxx\"},{\"id\":62,\"v\":62.5,\"s\":\"xxxxxx\"},{\"id\":63,\"v\":63.5,\"s\":\"\"},{\"id\":64,\"v\":64.5,\"s\":\"x\"},{\"id\":65,\"v\":65.5,\"s\":\"xx\"},{\"id\":66,\"v\":66.5,\"s\":\"xxx\"},{\"id\":67,\"v\":67.5,\"s\":\"xxxx\"},{\"id\":68,\"v\":68.5,\"s\":\"xxxxx\"},{\"id\":69,\"v\":69.5,\"s\":\"xxxxxx\"},{\"id\":70,\"v\":70.5,\"s\":\"\"},{\"id\":71,\"v\":71.5,\"s\":\"x\"},{\"id\":72,\"v\":72.5,\"s\":\"xx\"},{\"id\":73,\"v\":73.5,\"s\":\"xxx\"},{\"id\":74,\"v\":74.5,\"s\":\"xxxx\"},{\"id\":75,\"v\":75.5,\"s\":\"xxxxx\"},{\"id\":76,\"v\":76.5,\"s\":\"xxxxxx\"},{\"id\":77,\"v\":77.5,\"s\":\"\"},{\"id\":78,\"v\":78.5,\"s\":\"x\"},{\"id\":79,\"v\":79.5,\"s\":\"xx\"},{\"id\":80,\"v\":80.5,\"s\":\"xxx\"},{\"id\":81,\"v\":81.5,\"s\":\"xxxx\"},{\"id\":82,\"v\":82.5,\"s\":\"xxxxx\"},{\"id\":83,\"v\":83.5,\"s\":\"xxxxxx\"},{\"id\":84,\"v\":84.5,\"s\":\"\"},{\"id\":85,\"v\":85.5,\"s\":\"x\"},{\"id\":86,\"v\":86.5,\"s\":\"xx\"},{\"id\":87,\"v\":87.5,\"s\":\"xxx\"},{\"id\":88,\"v\":88.5,\"s\":\"xxxx\"},{\"id\":89,\"v\":89.5,\"s\":\"xxxxx\"},{\"id\":90,\"v\":90.5,\"s\":\"xxxxxx\"},{\"id\":91,\"v\":91.5,\"s\":\"\"},{\"id\":92,\"v\":92.5,\"s\":\"x\"},{\"id\":93,\"v\":93.5,\"s\":\"xx\"},{\"id\":94,\"v\":94.5,\"s\":\"xxx\"},{\"id\":95,\"v\":95.5,\"s\":\"xxxx\"},{\"id\":96,\"v\":96.5,\"s\":\"xxxxx\"},{\"id\":97,\"v\":97.5,\"s\":\"xxxxxx\"},{\"id\":98,\"v\":98.5,\"s\":\"\"},{\"id\":99,\"v\":99.5,\"s\":\"x\"},{\"id\":100,\"v\":100.5,\"s\":\"xx\"},{\"id\":101,\"v\":101.5,\"s\":\"xxx\"},{\"id\":102,\"v\":102.5,\"s\":\"xxxx\"},{\"id\":103,\"v\":103.5,\"s\":\"xxxxx\"},{\"id\":104,\"v\":104.5,\"s\":\"xxxxxx\"},{\"id\":105,\"v\":105.5,\"s\":\"\"},{\"id\":106,\"v\":106.5,\"s\":\"x\"},{\"id\":107,\"v\":107.5,\"s\":\"xx\"},{\"id\":108,\"v\":108.5,\"s\":\"xxx\"},{\"id\":109,\"v\":109.5,\"s\":\"xxxx\"},{\"id\":110,\"v\":110.5,\"s\":\"xxxxx\"},{\"id\":111,\"v\":111.5,\"s\":\"xxxxxx\"},{\"id\":112,\"v\":112.5,\"s\":\"\"},{\"id\":113,\"v\":113.5,\"s\":\"x\"},{\"id\":114,\"v\":114.5,\"s\":\"xx\"},{\"id\":115,\"v\":115.5,\"s\":\"xxx\"},{\"id\":116,\"v\":116.5,\"s\":\"xxxx\"},{\"id\":117,\"v\":117.5,\"s\":\"xxxxx\"},{\"id\":118,\"v\":118.5,\"s\":\"xxxxxx\"},{\"id\":119,\"v\":119.5,\"s\":\"\"},{\"id\":120,\"v\":120.5,\"s\":\"x\"},{\"id\":121,\"v\":121.5,\"s\":\"xx\"},{\"id\":122,\"v\":122.5,\"s\":\"xxx\"},{\"id\":123,\"v\":123.5,\"s\":\"xxxx\"},{\"id\":124,\"v\":124.5,\"s\":\"xxxxx\"},{\"id\":125,\"v\":125.5,\"s\":\"xxxxxx\"},{\"id\":126,\"v\":126.5,\"s\":\"\"},{\"id\":127,\"v\":127.5,\"s\":\"x\"},{\"id\":128,\"v\":128.5,\"s\":\"xx\"},{\"id\":129,\"v\":129.5,\"s\":\"xxx\"},{\"id\":130,\"v\":130.5,\"s\":\"xxxx\"},{\"id\":131,\"v\":131.5,\"s\":\"xxxxx\"},{\"id\":132,\"v\":132.5,\"s\":\"xxxxxx\"},{\"id\":133,\"v\":133.5,\"s\":\"\"},{\"id\":134,\"v\":134.5,\"s\":\"x\"},{\"id\":135,\"v\":135.5,\"s\":\"xx\"},{\"id\":136,\"v\":136.5,\"s\":\"xxx\"},{\"id\":137,\"v\":137.5,\"s\":\"xxxx\"},{\"id\":138,\"v\":138.5,\"s\":\"xxxxx\"},{\"id\":139,\"v\":139.5,\"s\":\"xxxxxx\"},{\"id\":140,\"v\":140.5,\"s\":\"\"},{\"id\":141,\"v\":141.5,\"s\":\"x\"},{\"id\":142,\"v\":142.5,\"s\":\"xx\"},{\"id\":143,\"v\":143.5,\"s\":\"xxx\"},{\"id\":144,\"v\":144.5,\"s\":\"xxxx\"},{\"id\":145,\"v\":145.5,\"s\":\"xxxxx\"},{\"id\":146,\"v\":146.5,\"s\":\"xxxxxx\"},{\"id\":147,\"v\":147.5,\"s\":\"\"},{\"id\":148,\"v\":148.5,\"s\":\"x\"},{\"id\":149,\"v\":149.5,\"s\":\"xx\"},{\"id\":150,\"v\":150.5,\"s\":\"xxx\"},{\"id\":151,\"v\":151.5,\"s\":\"xxxx\"},{\"id\":152,\"v\":152.5,\"s\":\"xxxxx\"},{\"id\":153,\"v\":153.5,\"s\":\"xxxxxx\"},{\"id\":154,\"v\":154.5,\"s\":\"\"},{\"id\":155,\"v\":155.5,\"s\":\"x\"},{\"id\":156,\"v\":156.5,\"s\":\"xx\"},{\"id\":157,\"v\":157.5,\"s\":\"xxx\"},{\"id\":158,\"v\":158.5,\"s\":\"xxxx\"},{\"id\":159,\"v\":159.5,\"s\":\"xxxxx\"},{\"id\":160,\"v\":160.5,\"s\":\"xxxxxx\"},{\"id\":161,\"v\":161.5,\"s\":\"\"},{\"id\":162,\"v\":162.5,\"s\":\"x\"},{\"id\":163,\"v\":163.5,\"s\":\"xx\"},{\"id\":164,\"v\":164.5,\"s\":\"xxx\"},{\"id\":165,\"v\":165.5,\"s\":\"xxxx\"},{\"id\":166,\"v\":166.5,\"s\":\"xxxxx\"},{\"id\":167,\"v\":167.5,\"s\":\"xxxxxx\"},{\"id\":168,\"v\":168.5,\"s\":\"\"},{\"id\":169,\"v\":169.5,\"s\":\"x\"},{\"id\":170,\"v\":170.5,\"s\":\"xx\"},{\"id\":171,\"v\":171.5,\"s\":\"xxx\"},{\"id\":172,\"v\":172.5,\"s\":\"xxxx\"},{\"id\":173,\"v\":173.5,\"s\":\"xxxxx\"},{\"id\":174,\"v\":174.5,\"s\":\"xxxxxx\"},{\"id\":175,\"v\":175.5,\"s\":\"\"},{\"id\":176,\"v\":176.5,\"s\":\"x\"},{\"id\":177,\"v\":177.5,\"s\":\"xx\"},{\"id\":178,\"v\":178.5,\"s\":\"xxx\"},{\"id\":179,\"v\":179.5,\"s\":\"xxxx\"},{\"id\":180,\"v\":180.5,\"s\":\"xxxxx\"},{\"id\":181,\"v\":181.5,\"s\":\"xxxxxx\"},{\"id\":182,\"v\":182.5,\"s\":\"\"},{\"id\":183,\"v\":183.5,\"s\":\"x\"},{\"id\":184,\"v\":184.5,\"s\":\"xx\"},{\"id\":185,\"v\":185.5,\"s\":\"xxx\"},{\"id\":186,\"v\":186.5,\"s\":\"xxxx\"},{\"id\":187,\"v\":187.5,\"s\":\"xxxxx\"},{\"id\":188,\"v\":188.5,\"s\":\"xxxxxx\"},{\"id\":189,\"v\":189.5,\"s\":\"\"},{\"id\":190,\"v\":190.5,\"s\":\"x\"},{\"id\":191,\"v\":191.5,\"s\":\"xx\"},{\"id\":192,\"v\":192.5,\"s\":\"xxx\"},{\"id\":193,\"v\":193.5,\"s\":\"xxxx\"},{\"id\":194,\"v\":194.5,\"s\":\"xxxxx\"},{\"id\":195,\"v\":195.5,\"s\":\"xxxxxx\"},{\"id\":196,\"v\":196.5,\"s\":\"\"},{\"id\":197,\"v\":197.5,\"s\":\"x\"},{\"id\":198,\"v\":198.5,\"s\":\"xx\"},{\"id\":199,\"v\":199.5,\"s\":\"xxx\"},{\"id\":200,\"v\":200.5,\"s\":\"xxxx\"},{\"id\":201,\"v\":201.5,\"s\":\"xxxxx\"},{\"id\":202,\"v\":202.5,\"s\":\"xxxxxx\"},{\"id\":203,\"v\":203.5,\"s\":\"\"},{\"id\":204,\"v\":204.5,\"s\":\"x\"},{\"id\":205,\"v\":205.5,\"s\":\"xx\"},{\"id\":206,\"v\":206.5,\"s\":\"xxx\"},{\"id\":207,\"v\":207.5,\"s\":\"xxxx\"},{\"id\":208,\"v\":208.5,\"s\":\"xxxxx\"},{\"id\":209,\"v\":209.5,\"s\":\"xxxxxx\"},{\"id\":210,\"v\":210.5,\"s\":\"\"},{\"id\":211,\"v\":211.5,\"s\":\"x\"},{\"id\":212,\"v\":212.5,\"s\":\"xx\"},{\"id\":213,\"v\":213.5,\"s\":\"xxx\"},{\"id\":214,\"v\":214.5,\"s\":\"xxxx\"},{\"id\":215,\"v\":215.5,\"s\":\"xxxxx\"},{\"id\":216,\"v\":216.5,\"s\":\"xxxxxx\"},{\"id\":217,\"v\":217.5,\"s\":\"\"},{\"id\":218,\"v\":218.5,\"s\":\"x\"},{\"id\":219,\"v\":219.5,\"s\":\"xx\"},{\"id\":220,\"v\":220.5,\"s\":\"xxx\"},{\"id\":221,\"v\":221.5,\"s\":\"xxxx\"},{\"id\":222,\"v\":222.5,\"s\":\"xxxxx\"},{\"id\":223,\"v\":223.5,\"s\":\"xxxxxx\"},{\"id\":224,\"v\":224.5,\"s\":\"\"},{\"id\":225,\"v\":225.5,\"s\":\"x\"},{\"id\":226,\"v\":226.5,\"s\":\"xx\"},{\"id\":227,\"v\":227.5,\"s\":\"xxx\"},{\"id\":228,\"v\":228.5,\"s\":\"xxxx\"},{\"id\":229,\"v\":229.5,\"s\":\"xxxxx\"},{\"id\":230,\"v\":230.5,\"s\":\"xxxxxx\"},{\"id\":231,\"v\":231.5,\"s\":\"\"},{\"id\":232,\"v\":232.5,\"s\":\"x\"},{\"id\":233,\"v\":233.5,\"s\":\"xx\"},{\"id\":234,\"v\":234.5,\"s\":\"xxx\"},{\"id\":235,\"v\":235.5,\"s\":\"xxxx\"},{\"id\":236,\"v\":236.5,\"s\":\"xxxxx\"},{\"id\":237,\"v\":237.5,\"s\":\"xxxxxx\"},{\"id\":238,\"v\":238.5,\"s\":\"\"},{\"id\":239,\"v\":239.5,\"s\":\"x\"},{\"id\":240,\"v\":240.5,\"s\":\"xx\"},{\"id\":241,\"v\":241.5,\"s\":\"xxx\"},{\"id\":242,\"v\":242.5,\"s\":\"xxxx\"},{\"id\":243,\"v\":243.5,\"s\":\"xxxxx\"},{\"id\":244,\"v\":244.5,\"s\":\"xxxxxx\"},{\"id\":245,\"v\":245.5,\"s\":\"\"},{\"id\":246,\"v\":246.5,\"s\":\"x\"},{\"id\":247,\"v\":247.5,\"s\":\"xx\"},{\"id\":248,\"v\":248.5,\"s\":\"xxx\"},{\"id\":249,\"v\":249.5,\"s\":\"xxxx\"},{\"id\":250,\"v\":250.5,\"s\":\"xxxxx\"},{\"id\":251,\"v\":251.5,\"s\":\"xxxxxx\"},{\"id\":252,\"v\":252.5,\"s\":\"\"},{\"id\":253,\"v\":253.5,\"s\":\"x\"},{\"id\":254,\"v\":254.5,\"s\":\"xx\"},{\"id\":255,\"v\":255.5,\"s\":\"xxx\"},{\"id\":256,\"v\":256.5,\"s\":\"xxxx\"},{\"id\":257,\"v\":257.5,\"s\":\"xxxxx\"},{\"id\":258,\"v\":258.5,\"s\":\"xxxxxx\"},{\"id\":259,\"v\":259.5,\"s\":\"\"},{\"id\":260,\"v\":260.5,\"s\":\"x\"},{\"id\":261,\"v\":261.5,\"s\":\"xx\"},{\"id\":262,\"v\":262.5,\"s\":\"xxx\"},{\"id\":263,\"v\":263.5,\"s\":\"xxxx\"},{\"id\":264,\"v\":264.5,\"s\":\"xxxxx\"},{\"id\":265,\"v\":265.5,\"s\":\"xxxxxx\"},{\"id\":266,\"v\":266.5,\"s\":\"\"},{\"id\":267,\"v\":267.5,\"s\":\"x\"},{\"id\":268,\"v\":268.5,\"s\":\"xx\"},{\"id\":269,\"v\":269.5,\"s\":\"xxx\"},{\"id\":270,\"v\":270.5,\"s\":\"xxxx\"},{\"id\":271,\"v\":271.5,\"s\":\"xxxxx\"},{\"id\":272,\"v\":272.5,\"s\":\"xxxxxx\"},{\"id\":273,\"v\":273.5,\"s\":\"\"},{\"id\":274,\"v\":274.5,\"s\":\"x\"},{\"id\":275,\"v\":275.5,\"s\":\"xx\"},{\"id\":276,\"v\":276.5,\"s\":\"xxx\"},{\"id\":277,\"v\":277.5,\"s\":\"xxxx\"},{\"id\":278,\"v\":278.5,\"s\":\"xxxxx\"},{\"id\":279,\"v\":279.5,\"s\":\"xxxxxx\"},{\"id\":280,\"v\":280.5,\"s\":\"\"},{\"id\":281,\"v\":281.5,\"s\":\"x\"},{\"id\":282,\"v\":282.5,\"s\":\"xx\"},{\"id\":283,\"v\":283.5,\"s\":\"xxx\"},{\"id\":284,\"v\":284.5,\"s\":\"xxxx\"},{\"id\":285,\"v\":285.5,\"s\":\"xxxxx\"},{\"id\":286,\"v\":286.5,\"s\":\"xxxxxx\"},{\"id\":287,\"v\":287.5,\"s\":\"\"},{\"id\":288,\"v\":288.5,\"s\":\"x\"},{\"id\":289,\"v\":289.5,\"s\":\"xx\"},{\"id\":290,\"v\":290.5,\"s\":\"xxx\"},{\"id\":291,\"v\":291.5,\"s\":\"xxxx\"},{\"id\":292,\"v\":292.5,\"s\":\"xxxxx\"},{\"id\":293,\"v\":293.5,\"s\":\"xxxxxx\"},{\"id\":294,\"v\":294.5,\"s\":\"\"},{\"id\":295,\"v\":295.5,\"s\":\"x\"},{\"id\":296,\"v\":296.5,\"s\":\"xx\"},{\"id\":297,\"v\":297.5,\"s\":\"xxx\"},{\"id\":298,\"v\":298.5,\"s\":\"xxxx\"},{\"id\":299,\"v\":299.5,\"s\":\"xxxxx\"}]",
    stdout: "[{\"id\":0,\"v\":1},{\"id\":1,\"v\":3},{\"id\":2,\"v\":5},{\"id\":3,\"v\":7},{\"id\":4,\"v\":9},{\"id\":5,\"v\":11},{\"id\":6,\"v\":13},{\"id\":7,\"v\":15},{\"id\":8,\"v\":17},{\"id\":9,\"v\":19},{\"id\":10,\"v\":21},{\"id\":11,\"v\":23},{\"id\":12,\"v\":25},{\"id\":13,\"v\":27},{\"id\":14,\"v\":29},{\"id\":15,\"v\":31},{\"id\":16,\"v\":33},{\"id\":17,\"v\":35},{\"id\":18,\"v\":37},{\"id\":19,\"v\":39},{\"id\":20,\"v\":41},{\"id\":21,\"v\":43},{\"id\":22,\"v\":45},{\"id\":23,\"v\":47},{\"id\":24,\"v\":49},{\"id\":25,\"v\":51},{\"id\":26,\"v\":53},{\"id\":27,\"v\":55},{\"id\":28,\"v\":57},{\"id\":29,\"v\":59},{\"id\":30,\"v\":61},{\"id\":31,\"v\":63},{\"id\":32,\"v\":65},{\"id\":33,\"v\":67},{\"id\":34,\"v\":69},{\"id\":35,\"v\":71},{\"id\":36,\"v\":73},{\"id\":37,\"v\":75},{\"id\":38,\"v\":77},{\"id\":39,\"v\":79},{\"id\":40,\"v\":81},{\"id\":41,\"v\":83},{\"id\":42,\"v\":85},{\"id\":43,\"v\":87},{\"id\":44,\"v\":89},{\"id\":45,\"v\":91},{\"id\":46,\"v\":93},{\"id\":47,\"v\":95},{\"id\":48,\"v\":97},{\"id\":49,\"v\":99},{\"id\":50,\"v\":101},{\"id\":51,\"v\":103},{\"id\":52,\"v\":105},{\"id\":53,\"v\":107},{\"id\":54,\"v\":109},{\"id\":55,\"v\":111},{\"id\":56,\"v\":113},{\"id\":57,\"v\":115},{\"id\":58,\"v\":117},{\"id\":59,\"v\":119},{\"id\":60,\"v\":121},{\"id\":61,\"v\":123},{\"id\":62,\"v\":125},{\"id\":63,\"v\":127},{\"id\":64,\"v\":129},{\"id\":65,\"v\":131},{\"id\":66,\"v\":133},{\"id\":67,\"v\":135},{\"id\":68,\"v\":137},{\"id\":69,\"v\":139},{\"id\":70,\"v\":141},{\"id\":71,\"v\":143},{\"id\":72,\"v\":145},{\"id\":73,\"v\":147},{\"id\":74,\"v\":149},{\"id\":75,\"v\":151},{\"id\":76,\"v\":153},{\"id\":77,\"v\":155},{\"id\":78,\"v\":157},{\"id\":79,\"v\":159},{\"id\":80,\"v\":161},{\"id\":81,\"v\":163},{\"id\":82,\"v\":165},{\"id\":83,\"v\":167},{\"id\":84,\"v\":169},{\"id\":85,\"v\":171},{\"id\":86,\"v\":173},{\"id\":87,\"v\":175},{\"id\":88,\"v\":177},{\"id\":89,\"v\":179},{\"id\":90,\"v\":181},{\"id\":91,\"v\":183},{\"id\":92,\"v\":185},{\"id\":93,\"v\":187},{\"id\":94,\"v\":189},{\"id\":95,\"v\":191},{\"id\":96,\"v\":193},{\"id\":97,\"v\":195},{\"id\":98,\"v\":197},{\"id\":99,\"v\":199},{\"id\":100,\"v\":201},{\"id\":101,\"v\":203},{\"id\":102,\"v\":205},{\"id\":103,\"v\":207},{\"id\":104,\"v\":209},{\"id\":105,\"v\":211},{\"id\":106,\"v\":213},{\"id\":107,\"v\":215},{\"id\":108,\"v\":217},{\"id\":109,\"v\":219},{\"id\":110,\"v\":221},{\"id\":111,\"v\":223},{\"id\":112,\"v\":225},{\"id\":113,\"v\":227},{\"id\":114,\"v\":229},{\"id\":115,\"v\":231},{\"id\":116,\"v\":233},{\"id\":117,\"v\":235},{\"id\":118,\"v\":237},{\"id\":119,\"v\":239},{\"id\":120,\"v\":241},{\"id\":121,\"v\":243},{\"id\":122,\"v\":245},{\"id\":123,\"v\":247},{\"id\":124,\"v\":249},{\"id\":125,\"v\":251},{\"id\":126,\"v\":253},{\"id\":127,\"v\":255},{\"id\":128,\"v\":257},{\"id\":129,\"v\":259},{\"id\":130,\"v\":261},{\"id\":131,\"v\":263},{\"id\":132,\"v\":265},{\"id\":133,\"v\":267},{\"id\":134,\"v\":269},{\"id\":135,\"v\":271},{\"id\":136,\"v\":273},{\"id\":137,\"v\":275},{\"id\":138,\"v\":277},{\"id\":139,\"v\":279},{\"id\":140,\"v\":281},{\"id\":141,\"v\":283},{\"id\":142,\"v\":285},{\"id\":143,\"v\":287},{\"id\":144,\"v\":289},{\"id\":145,\"v\":291},{\"id\":146,\"v\":293},{\"id\":147,\"v\":295},{\"id\":148,\"v\":297},{\"id\":149,\"v\":299},{\"id\":150,\"v\":301},{\"id\":151,\"v\":303},{\"id\":152,\"v\":305},{\"id\":153,\"v\":307},{\"id\":154,\"v\":309},{\"id\":155,\"v\":311},{\"id\":156,\"v\":313},{\"id\":157,\"v\":315},{\"id\":158,\"v\":317},{\"id\":159,\"v\":319},{\"id\":160,\"v\":321},{\"id\":161,\"v\":323},{\"id\":162,\"v\":325},{\"id\":163,\"v\":327},{\"id\":164,\"v\":329},{\"id\":165,\"v\":331},{\"id\":166,\"v\":333},{\"id\":167,\"v\":335},{\"id\":168,\"v\":337},{\"id\":169,\"v\":339},{\"id\":170,\"v\":341},{\"id\":171,\"v\":343},{\"id\":172,\"v\":345},{\"id\":173,\"v\":347},{\"id\":174,\"v\":349},{\"id\":175,\"v\":351},{\"id\":176,\"v\":353},{\"id\":177,\"v\":355},{\"id\":178,\"v\":357},{\"id\":179,\"v\":359},{\"id\":180,\"v\":361},{\"id\":181,\"v\":363},{\"id\":182,\"v\":365},{\"id\":183,\"v\":367},{\"id\":184,\"v\":369},{\"id\":185,\"v\":371},{\"id\":186,\"v\":373},{\"id\":187,\"v\":375},{\"id\":188,\"v\":377},{\"id\":189,\"v\":379},{\"id\":190,\"v\":381},{\"id\":191,\"v\":383},{\"id\":192,\"v\":385},{\"id\":193,\"v\":387},{\"id\":194,\"v\":389},{\"id\":195,\"v\":391},{\"id\":196,\"v\":393},{\"id\":197,\"v\":395},{\"id\":198,\"v\":397},{\"id\":199,\"v\":399},{\"id\":200,\"v\":401},{\"id\":201,\"v\":403},{\"id\":202,\"v\":405},{\"id\":203,\"v\":407},{\"id\":204,\"v\":409},{\"id\":205,\"v\":411},{\"id\":206,\"v\":413},{\"id\":207,\"v\":415},{\"id\":208,\"v\":417},{\"id\":209,\"v\":419},{\"id\":210,\"v\":421},{\"id\":211,\"v\":423},{\"id\":212,\"v\":425},{\"id\":213,\"v\":427},{\"id\":214,\"v\":429},{\"id\":215,\"v\":431},{\"id\":216,\"v\":433},{\"id\":217,\"v\":435},{\"id\":218,\"v\":437},{\"id\":219,\"v\":439},{\"id\":220,\"v\":441},{\"id\":221,\"v\":443},{\"id\":222,\"v\":445},{\"id\":223,\"v\":447},{\"id\":224,\"v\":449},{\"id\":225,\"v\":451},{\"id\":226,\"v\":453},{\"id\":227,\"v\":455},{\"id\":228,\"v\":457},{\"id\":229,\"v\":459},{\"id\":230,\"v\":461},{\"id\":231,\"v\":463},{\"id\":232,\"v\":465},{\"id\":233,\"v\":467},{\"id\":234,\"v\":469},{\"id\":235,\"v\":471},{\"id\":236,\"v\":473},{\"id\":237,\"v\":475},{\"id\":238,\"v\":477},{\"id\":239,\"v\":479},{\"id\":240,\"v\":481},{\"id\":241,\"v\":483},{\"id\":242,\"v\":485},{\"id\":243,\"v\":487},{\"id\":244,\"v\":489},{\"id\":245,\"v\":491},{\"id\":246,\"v\":493},{\"id\":247,\"v\":495},{\"id\":248,\"v\":497},{\"id\":249,\"v\":499},{\"id\":250,\"v\":501},{\"id\":251,\"v\":503},{\"id\":252,\"v\":505},{\"id\":253,\"v\":507},{\"id\":254,\"v\":509},{\"id\":255,\"v\":511},{\"id\":256,\"v\":513},{\"id\":257,\"v\":515},{\"id\":258,\"v\":517},{\"id\":259,\"v\":519},{\"id\":260,\"v\":521},{\"id\":261,\"v\":523},{\"id\":262,\"v\":525},{\"id\":263,\"v\":527},{\"id\":264,\"v\":529},{\"id\":265,\"v\":531},{\"id\":266,\"v\":533},{\"id\":267,\"v\":535},{\"id\":268,\"v\":537},{\"id\":269,\"v\":539},{\"id\":270,\"v\":541},{\"id\":271,\"v\":543},{\"id\":272,\"v\":545},{\"id\":273,\"v\":547},{\"id\":274,\"v\":549},{\"id\":275,\"v\":551},{\"id\":276,\"v\":553},{\"id\":277,\"v\":555},{\"id\":278,\"v\":557},{\"id\":279,\"v\":559},{\"id\":280,\"v\":561},{\"id\":281,\"v\":563},{\"id\":282,\"v\":565},{\"id\":283,\"v\":567},{\"id\":284,\"v\":569},{\"id\":285,\"v\":571},{\"id\":286,\"v\":573},{\"id\":287,\"v\":575},{\"id\":288,\"v\":577},{\"id\":289,\"v\":579},{\"id\":290,\"v\":581},{\"id\":291,\"v\":583},{\"id\":292,\"v\":585},{\"id\":293,\"v\":587},{\"id\":294,\"v\":589},{\"id\":295,\"v\":591},{\"id\":296,\"v\":593},{\"id\":297,\"v\":595},{\"id\":298,\"v\":597},{\"id\":299,\"v\":599}]\n",
    stderr: "",
    code: 0,
  },

];

describe('sluice-jq: output, options and inputs (as jq 1.6)', () => runCases(CASES));

describe('sluice-jq: where it is not a recording of jq', () => {
  const io = (argv: string[], extra: Partial<Parameters<typeof runCli>[0]> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = runCli({ argv, stdin: '', stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readFile, env: ENV, ...extra });
    return { stdout, stderr, code };
  };

  it('prints its own help on standard output', () => {
    const r = io(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sluice-jq - commandline JSON processor, compatible with jq 1\.6\n/);
    expect(r.stdout).toContain('--slurpfile a f');
    expect(io(['-h']).stdout).toBe(r.stdout);
  });

  it('prints the short usage and exits 2 for `--` before a program', () => {
    const r = io(['--', '.']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/For a listing of options, use sluice-jq --help\.\n$/);
  });

  it('runs `.` without a program unless both streams are terminals (as jq)', () => {
    expect(io([], { stdin: '{"a":1}' }).stdout).toBe('{\n  "a": 1\n}\n');
    const tty = io([], { isTTY: { stdin: true, stdout: true } });
    expect([tty.code, tty.stdout]).toEqual([2, '']);
    expect(tty.stderr).toMatch(/^sluice-jq - /);
  });

  it('does not read standard input when it does not need to', () => {
    let reads = 0;
    const stdin = () => {
      reads++;
      return new Uint8Array(0);
    };
    expect(io(['-n', '1'], { stdin }).stdout).toBe('1\n');
    expect(reads).toBe(0);
    expect(io(['-n', '[inputs]', '-c'], { stdin }).stdout).toBe('[]\n');
    expect(reads).toBe(1);
  });

  it('prints each value before reading the next piece of a pulled standard input', () => {
    const pieces = ['{"n":1}\n', '{"n":2}\n'];
    const seen: string[] = [];
    let stdout = '';
    runCli({
      argv: ['-c', '.n'],
      stdin: () => ({
        read: () => {
          seen.push(stdout);
          const piece = pieces.shift();
          return piece === undefined ? null : new TextEncoder().encode(piece);
        },
      }),
      stdout: (s) => (stdout += s),
      stderr: () => {},
      readFile,
      env: ENV,
    });
    expect(seen).toEqual(['', '1\n', '1\n2\n']);
  });

  it('accepts bytes from readFile and standard input', () => {
    const r = io(['-c', '.', 'x.bin'], { readFile: () => new TextEncoder().encode('[1]'), stdin: hex('5b325d') });
    expect(r.stdout).toBe('[1]\n');
  });

  it('passes only the given environment to $ENV', () => {
    expect(io(['-n', '-c', '$ENV'], { env: { ONLY: '1', GONE: undefined } }).stdout).toBe('{"ONLY":"1"}\n');
  });

  it('rejects jq options it does not implement', () => {
    expect(io(['--stream', '.'])).toEqual({
      stdout: '',
      stderr: 'jq: --stream is not supported by sluice-jq\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n',
      code: 2,
    });
  });
});
