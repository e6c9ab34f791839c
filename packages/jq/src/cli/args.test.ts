// parseArgs against jq 1.6's main.c behaviour (each rule checked with /usr/bin/jq 1.6).
import { describe, expect, it } from 'vitest';
import { parseArgs, type CliOptions } from './args.js';

function run(argv: string[]): CliOptions {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'error') throw new Error(`expected error, got ${parsed.kind}`);
  return parsed.message;
}

describe('parseArgs', () => {
  it('takes the first non-option as the program and the rest as files, options anywhere', () => {
    const o = run(['.a', 'x.json', '-c', 'y.json', '-n']);
    expect([o.program, o.files, o.indent, o.nullInput]).toEqual(['.a', ['x.json', 'y.json'], 0, true]);
  });

  it('combines short flags, but rejects a repeated letter like jq (`-nn`, `-rnr`)', () => {
    const o = run(['-nrSaje', '.']);
    expect([o.nullInput, o.rawOutput, o.sortKeys, o.asciiOutput, o.joinOutput, o.exitStatus]).toEqual([true, true, true, true, true, true]);
    expect(error(['-nn', '.'])).toBe('jq: Unknown option -nn');
    expect(error(['-rnr', '.'])).toBe('jq: Unknown option -rnr');
    expect(error(['-nx', '.'])).toBe('jq: Unknown option -nx');
    expect(error(['--foo'])).toBe('jq: Unknown option --foo');
  });

  it('treats -1 and - as arguments, not options', () => {
    expect(run(['-n', '-1']).program).toBe('-1');
    expect(run(['.', '-']).files).toEqual(['-']);
  });

  it('lets the last of -c, --tab and --indent win', () => {
    expect(run(['-c', '--indent', '3', '.']).indent).toBe(3);
    expect(run(['--indent', '3', '-c', '.']).indent).toBe(0);
    expect(run(['--indent', '0', '--tab', '.']).indent).toBe('tab');
    expect(run(['--tab', '--indent', '1', '.']).indent).toBe(1);
    expect(run(['--indent', '-1', '.']).indent).toBe('tab');
    expect(run(['--indent', 'abc', '.']).indent).toBe(0);
    expect(error(['--indent', '8', '.'])).toBe('jq: --indent takes a number between -1 and 7');
    expect(error(['.', '--indent'])).toBe('jq: --indent takes one parameter');
  });

  it('keeps the first value of a repeated name, and checks --argjson text', () => {
    expect(run(['--arg', 'a', '1', '--argjson', 'a', '{', '--argjson', 'b', ' [2] ', '.']).named).toEqual([
      { kind: 'arg', name: 'a', value: '1' },
      { kind: 'argjson', name: 'b', value: [2] },
    ]);
    expect(error(['--argjson', 'x', '1 2', '.'])).toBe('jq: invalid JSON text passed to --argjson');
    expect(error(['.', '--arg', 'x'])).toBe('jq: --arg takes two parameters (e.g. --arg varname value)');
    expect(error(['.', '--argjson'])).toBe('jq: --argjson takes two parameters (e.g. --argjson varname text)');
    expect(error(['.', '--slurpfile', 'a'])).toBe('jq: --slurpfile takes two parameters (e.g. --slurpfile varname filename)');
  });

  it('switches positional modes with --args and --jsonargs', () => {
    const o = run(['-n', '$ARGS', '--args', 'a', '--jsonargs', '1', '{"b":2}', '--args', 'c']);
    expect(o.positional).toEqual(['a', 1, { b: 2 }, 'c']);
    expect(o.files).toEqual([]);
    expect(error(['-n', '.', '--jsonargs', '{'])).toBe('jq: invalid JSON text passed to --jsonargs');
  });

  it('ends options at --, and wants a program before it', () => {
    expect(run(['-n', '1', '--', '-n']).files).toEqual(['-n']);
    expect(parseArgs(['-n', '--', '1']).kind).toBe('usage');
  });

  it('reads -f as "the program is a file name"', () => {
    const o = run(['-f', 'prog.jq', 'in.json']);
    expect([o.fromFile, o.program, o.files]).toEqual([true, 'prog.jq', ['in.json']]);
  });

  it('accepts and ignores -L, -C, -M and --unbuffered', () => {
    expect(run(['-L', 'lib', '-Llib2', '-CM', '--unbuffered', '.']).files).toEqual([]);
    expect(error(['.', '-L'])).toBe('-L takes a parameter: (e.g. -L /search/path or -L/search/path)');
  });

  it('answers --help, -h, --version and -V at once', () => {
    expect(parseArgs(['-h', '--foo']).kind).toBe('help');
    expect(parseArgs(['-nh']).kind).toBe('help');
    expect(parseArgs(['--version']).kind).toBe('version');
    expect(parseArgs(['-V']).kind).toBe('version');
  });

  it('says which jq options are not implemented', () => {
    expect(error(['--stream', '.'])).toBe('jq: --stream is not supported by sluice-jq');
  });
});
