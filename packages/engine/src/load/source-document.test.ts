import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { SourceDocument } from './document.js';
import { isJsonFile, parseSource, pointerSegments } from './source-document.js';

const SEED = new URL('../../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url);
const INVALID = new URL('../../test/spec-examples/invalid-in-source/', import.meta.url);
const EXAMPLES = new URL('../../test/spec-examples/', import.meta.url);

function parsed(file: string, text: string): SourceDocument {
  const r = parseSource(file, text);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return r.value!;
}

describe('parseSource: YAML positions', () => {
  const doc = parsed('create-ocp-namespace-swt.sw.yaml', readFileSync(SEED, 'utf8'));

  it('parses the seed workflow', () => {
    expect(doc.file).toBe('create-ocp-namespace-swt.sw.yaml');
    expect(doc.value).toMatchObject({ id: 'create-ocp-namespace-swt', version: '1.0', specVersion: '0.8' });
  });

  it('locates object members at their key and array elements at their item', () => {
    expect(doc.locate('/states/1/actions/0/functionRef/refName')).toEqual({ line: 81, column: 11 });
    expect(doc.locate('/states/1/actions')).toEqual({ line: 72, column: 5 });
    expect(doc.locate('/states/1')).toEqual({ line: 71, column: 5 });
    expect(doc.locate('/functions/12/operation')).toEqual({ line: 47, column: 5 });
    expect(doc.locate('/start/stateName')).toEqual({ line: 50, column: 3 });
    expect(doc.locate('/states/15/metadata/errorMessage')).toEqual({ line: 370, column: 7 });
  });

  it('locates the root at the first line', () => {
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('falls back to the nearest existing parent', () => {
    expect(doc.locate('/states/1/actions/0/functionRef/arguments/nope')).toEqual({ line: 77, column: 11 });
    expect(doc.locate('/states/99/name')).toEqual({ line: 51, column: 1 });
    expect(doc.locate('/states/1/name/deeper')).toEqual({ line: 83, column: 5 });
    expect(doc.locate('/nope')).toEqual({ line: 1, column: 1 });
    expect(doc.locate('not-a-pointer')).toEqual({ line: 1, column: 1 });
  });

  it('locates a key with no value at the key', () => {
    const d = parsed('x.yaml', 'a:\n  b:\n  c: 1\n');
    expect(d.value).toEqual({ a: { b: null, c: 1 } });
    expect(d.locate('/a/b')).toEqual({ line: 2, column: 3 });
    expect(d.locate('/a/b/x')).toEqual({ line: 2, column: 3 });
  });

  it('unescapes ~0 and ~1 in pointers', () => {
    const d = parsed('x.yaml', 'paths:\n  /a/{id}:\n    get: 1\n  "x~y": 2\n');
    expect(d.locate('/paths/~1a~1{id}/get')).toEqual({ line: 3, column: 5 });
    expect(d.locate('/paths/x~0y')).toEqual({ line: 4, column: 3 });
  });

  it('follows aliases and merge keys', () => {
    const d = parsed('x.yaml', 'base: &b\n  q: 1\nuse: *b\nmerged:\n  <<: *b\n  r: 2\n');
    expect(d.value).toEqual({ base: { q: 1 }, use: { q: 1 }, merged: { q: 1, r: 2 } });
    expect(d.locate('/use')).toEqual({ line: 3, column: 1 });
    expect(d.locate('/use/q')).toEqual({ line: 2, column: 3 });
    expect(d.locate('/merged/q')).toEqual({ line: 2, column: 3 });
    expect(d.locate('/merged/r')).toEqual({ line: 6, column: 3 });
  });

  it('gives null for an empty document', () => {
    const d = parsed('x.yaml', '');
    expect(d.value).toBeNull();
    expect(d.locate('/a')).toEqual({ line: 1, column: 1 });
  });

  it('reads YAML 1.2 scalars (yes stays a string, 1.0 is a number)', () => {
    expect(parsed('x.yaml', 'a: yes\nb: 1.0\nc: "1.0"\nd: ~\n').value).toEqual({ a: 'yes', b: 1, c: '1.0', d: null });
  });
});

describe('parseSource: JSON', () => {
  it('takes the value from JSON.parse and positions from the YAML parser', () => {
    const d = parsed('x.json', '{\n  "a": [1, {"b": 2.50}],\n  "big": 12345678901234567890\n}');
    expect(d.value).toEqual({ a: [1, { b: 2.5 }], big: JSON.parse('12345678901234567890') });
    expect(d.locate('/a/1/b')).toEqual({ line: 2, column: 13 });
    expect(d.locate('/big')).toEqual({ line: 3, column: 3 });
  });

  it('keeps JSON strings that YAML would read otherwise', () => {
    expect(parsed('x.json', '{"on": "yes", "n": "0x10", "e": "1e3"}').value).toEqual({ on: 'yes', n: '0x10', e: '1e3' });
  });

  it('locates the spec examples in JSON', () => {
    const text = readFileSync(new URL('greeting-example.json', EXAMPLES), 'utf8');
    const d = parsed('greeting-example.json', text);
    const line = text.split('\n').findIndex((l) => l.includes('"refName"')) + 1;
    expect(d.locate('/states/0/actions/0/functionRef/refName')?.line).toBe(line);
  });

  it('reports a JSON syntax error as PARSE with line and column', () => {
    const r = parseSource('x.json', '{\n  "a": 1,\n  "b": \n}');
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([
      { severity: 'error', code: 'PARSE', message: 'a JSON value is missing here', file: 'x.json', pointer: '', line: 3, column: 8 },
    ]);
  });

  it('says when a bare word is not JSON', () => {
    const r = parseSource('x.json', '{"a": hello}');
    expect(r.issues).toMatchObject([{ code: 'PARSE', message: '"hello" is not a JSON value (strings need double quotes)', line: 1, column: 7 }]);
  });

  it('rejects what YAML accepts but JSON does not, at the position JSON.parse names', () => {
    const r = parseSource('x.json', '{\n  "a": 1,\n}');
    expect(r.value).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'PARSE', line: 3, column: 1 });
  });

  it('treats only .json (ignoring a query) as JSON', () => {
    expect(isJsonFile('a/b.JSON')).toBe(true);
    expect(isJsonFile('http://x/y.json?v=1#frag')).toBe(true);
    expect(isJsonFile('a.sw.yaml')).toBe(false);
    expect(isJsonFile('a.yml')).toBe(false);
  });
});

describe('parseSource: YAML errors', () => {
  it('reports the spec example whose YAML does not parse (event-based transitions)', () => {
    const file = 'event-based-transitions-example.yaml';
    const r = parseSource(file, readFileSync(new URL(file, INVALID), 'utf8'));
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([
      ['PARSE', 'error', 31, 9],
      ['PARSE', 'error', 31, 9],
      ['PARSE', 'error', 36, 9],
      ['PARSE', 'error', 36, 9],
    ]);
    expect(r.issues[0]!.message).toBe('Nested mappings are not allowed in compact mappings');
  });

  it('reports the spec example whose YAML does not parse (new patient onboarding)', () => {
    const file = 'new-patient-onboarding.yaml';
    const r = parseSource(file, readFileSync(new URL(file, INVALID), 'utf8'));
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'PARSE',
        message: 'All sequence items must start at the same column',
        file,
        pointer: '',
        line: 23,
        column: 26,
      },
    ]);
  });

  it('rejects several documents in one file', () => {
    const r = parseSource('x.yaml', 'a: 1\n---\nb: 2\n');
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'PARSE', line: 2 });
  });

  it('rejects duplicate keys', () => {
    const r = parseSource('x.yaml', 'a: 1\na: 2\n');
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'PARSE', line: 2, column: 1 });
  });

  it('turns YAML warnings into PARSE warnings and keeps the value', () => {
    const r = parseSource('x.yaml', 'a: !custom x\n');
    expect(r.value?.value).toEqual({ a: 'x' });
    expect(r.issues).toMatchObject([{ severity: 'warning', code: 'PARSE', line: 1, column: 4 }]);
  });

  it('accepts an under-indented continuation of a quoted string, as SnakeYAML does, with a warning', () => {
    const text = 'states:\n  - condition: "${ .a and\n    .b }"\n    end: true\n';
    const r = parseSource('x.yaml', text);
    expect(r.value?.value).toEqual({ states: [{ condition: '${ .a and .b }', end: true }] });
    expect(r.issues).toMatchObject([{ severity: 'warning', code: 'PARSE', line: 3, column: 1 }]);
    expect(r.value?.locate('/states/0/end')).toEqual({ line: 4, column: 5 });
  });

  it('parses the spec example that needs that leniency', () => {
    const file = 'continuing-as-a-new-execution.yaml';
    const r = parseSource(file, readFileSync(new URL(file, EXAMPLES), 'utf8'));
    expect(r.issues.map((i) => [i.severity, i.line])).toEqual([['warning', 27]]);
    expect(r.value?.value).toMatchObject({
      states: [{}, { dataConditions: [{ condition: '${ try(.customerCount) != null and .customerCount > .quota.maxConsumedEvents }' }] }],
    });
  });

  it('still reports an unterminated quoted string', () => {
    const r = parseSource('x.yaml', 'a: "x\nb: 1\n');
    expect(r.value).toBeUndefined();
    expect(r.issues.some((i) => i.severity === 'error' && i.code === 'PARSE')).toBe(true);
  });
});

describe('pointerSegments', () => {
  it('splits and unescapes', () => {
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/a/b~1c/d~0e/')).toEqual(['a', 'b/c', 'd~e', '']);
    expect(pointerSegments('a')).toBeUndefined();
  });
});
