// Printer tests: faithful printing of parsed programs, parentheses for hand-built trees (a
// property test), and the round trip parse(print(parse(p))) = parse(p) over jq 1.6's test suite
// and manual.
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { KEYWORDS, type Node, type ObjectKey, type Pattern, type Program, type StringNode } from './ast.js';
import { JqCompileError } from './errors.js';
import { parse } from './parser.js';
import { printNode, printProgram } from './printer.js';

/** A tree without spans and Paren nodes, Reduce/Foreach with `patterns`, for comparison. */
function normalize(x: unknown, dropParens: boolean): unknown {
  if (Array.isArray(x)) return x.map((y) => normalize(y, dropParens));
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  if (dropParens && o.kind === 'Paren') return normalize(o.body, dropParens);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (k !== 'start' && k !== 'end' && v !== undefined) out[k] = normalize(v, dropParens);
  if ((o.kind === 'Reduce' || o.kind === 'Foreach') && o.patterns === undefined) out.patterns = [normalize(o.pattern, dropParens)];
  return out;
}
const same = (a: Program, b: Program): void => expect(normalize(b, false)).toEqual(normalize(a, false));

describe('printNode on parsed programs', () => {
  it.each([
    ['1 + (2 * 3)', '1 + (2 * 3)'],
    ['1+2*3', '1 + 2 * 3'],
    ['.a?', '.a?'],
    ['try .a', 'try .a'],
    ['(.a)?', '(.a)?'],
    ['f?', 'f?'],
    ['try f', 'try f'],
    ['.a.b."c d"[0][1:2][]?', '.a.b."c d"[0][1:2][]?'],
    ['."e5" | .e5x | .["a"]', '.e5 | .e5x | .a'.replace('.e5 ', '."e5" ')],
    ['1 .a', '1 .a'],
    ['.. .a', '.. .a'],
    ['-(1 + 2)', '-(1 + 2)'],
    ['{a: 1 | 2, "b": .c, $d, (e): 3, if: 4}', '{a: 1 | 2, "b": .c, $d, (e): 3, if: 4}'],
    ['reduce .[] as [$a, {b: $c}] (0; . + $a)', 'reduce .[] as [$a, {b: $c}] (0; . + $a)'],
    ['. as [$a] ?// $a | $a', '. as [$a] ?// $a | $a'],
    ['if . then 1 elif 2 then 3 end', 'if . then 1 elif 2 then 3 end'],
    ['def f(g; $x): g; f(1; 2)', 'def f(g; $x): g; f(1; 2)'],
    ['label $out | break $out', 'label $out | break $out'],
    ['@base64 "a\\(1)\\n\\"" | @csv', '@base64 "a\\(1)\\n\\"" | @csv'],
    ['try error("x") catch . | 1e1000', 'try error("x") catch . | 1e1000'],
  ])('%s', (src, printed) => {
    expect(printNode(parse(src).body)).toBe(printed);
  });

  it('moves $__loc__ back to its line', () => {
    const p = parse('1,\n\n$__loc__');
    expect(printNode(p.body)).toBe('1, \n\n$__loc__');
    same(p, parse(printNode(p.body)));
  });
});

describe('printProgram', () => {
  it('prints directives and omits the implicit body of definitions-only programs', () => {
    const src = 'module {a: 1}; import "x" as y; import "d" as $d {search: "./"}; include "z"; def f: 1; def g: 2;';
    expect(printProgram(parse(src))).toBe('module {a: 1}; import "x" as y; import "d" as $d {search: "./"}; include "z"; def f: 1; def g: 2;');
    expect(printProgram(parse(''))).toBe('');
    expect(printProgram(parse('def f: 1; .'))).toBe('def f: 1; .');
    same(parse(src), parse(printProgram(parse(src))));
  });
});

describe('printNode on hand-built trees', () => {
  const at = { start: 0, end: 0 };
  const lit = (value: number): Node => ({ kind: 'Literal', value, ...at });
  const bin = (op: '+' | '*' | '==', left: Node, right: Node): Node => ({ kind: 'Binary', op, left, right, ...at });

  it('adds parentheses where precedence needs them', () => {
    expect(printNode(bin('*', bin('+', lit(1), lit(2)), lit(3)))).toBe('(1 + 2) * 3');
    expect(printNode(bin('+', lit(1), bin('+', lit(2), lit(3))))).toBe('1 + (2 + 3)');
    expect(printNode(bin('==', bin('==', lit(1), lit(2)), lit(3)))).toBe('(1 == 2) == 3');
    expect(printNode({ kind: 'Neg', operand: bin('+', lit(1), lit(2)), ...at })).toBe('-(1 + 2)');
    expect(printNode(bin('*', { kind: 'Neg', operand: lit(1), ...at }, lit(2)))).toBe('(-1) * 2');
    expect(printNode(lit(-2))).toBe('-2');
    const tryA: Node = { kind: 'Try', body: { kind: 'Call', name: 'a', args: [], ...at }, handler: null, ...at };
    expect(printNode({ kind: 'Try', body: tryA, handler: lit(1), ...at })).toBe('try (try a) catch 1');
    expect(printNode({ kind: 'Index', target: bin('+', lit(1), lit(2)), index: lit(0), ...at })).toBe('(1 + 2)[0]');
  });

  it('rejects trees no source produces', () => {
    const obj: Node = { kind: 'Object', entries: [{ key: { kind: 'expr', node: lit(1) }, value: null }], ...at };
    expect(() => printNode(obj)).toThrow(TypeError);
  });

  it('prints a keyword shorthand key as the equivalent string key', () => {
    expect(printNode({ kind: 'Object', entries: [{ key: { kind: 'ident', name: 'if' }, value: null }], ...at })).toBe('{"if"}');
  });

  it('prints any tree so that it parses back to it, up to parentheses', () => {
    fc.assert(
      fc.property(arbitraryNode(), (n) => {
        const printed = printNode(n);
        let reparsed: Program;
        try {
          reparsed = parse(printed);
        } catch (e) {
          // Trees with `1/0` or a constant non-string `(key)`: the parser rightly rejects them.
          fc.pre(!(e instanceof JqCompileError && /^(Division by zero\?|Cannot use .* as object key)$/.test(e.message)));
          throw e;
        }
        expect(normalize(reparsed.body, true), printed).toEqual(normalize(n, true));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('round trip over jq 1.6 tests and manual', () => {
  const root = fileURLToPath(new URL('../../../../shared/jq-conformance/jq-1.6', import.meta.url));
  // %%FAIL programs that parse: jq 1.6 rejects them after parsing, in the compiler or module loader.
  const NOT_PARSE_ERRORS = new Set(['. as $foo | break $foo', 'import "syntaxerror" as e; .']);
  const cases = corpus(root);

  it('reads the corpus', () => expect(cases.length).toBeGreaterThan(500));

  it.each(cases.filter((c) => !c.fail).map((c) => [c.source, c.program] as const))('%s: %s', (_source, program) => {
    const ast = parse(program);
    same(ast, parse(printProgram(ast)));
  });

  it.each(cases.filter((c) => c.fail && !NOT_PARSE_ERRORS.has(c.program)).map((c) => [c.program, c.message] as const))(
    '%%FAIL %s',
    (program, message) => {
      expect(() => parse(program)).toThrow(JqCompileError);
      if (message !== undefined) expect(() => parse(program)).toThrow(message);
    },
  );
});

/** Programs of jq 1.6's tests/*.test and manual.yml; a %%FAIL block's second line is jq's error. */
function corpus(root: string): { source: string; program: string; fail: boolean; message?: string }[] {
  const out: { source: string; program: string; fail: boolean; message?: string }[] = [];
  for (const file of readdirSync(`${root}/tests`).filter((f) => f.endsWith('.test'))) {
    const blocks = readFileSync(`${root}/tests/${file}`, 'utf8').split(/\n\s*\n/);
    for (const block of blocks) {
      const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
      if (lines.length === 0) continue;
      const fail = (lines[0] as string).startsWith('%%FAIL');
      const program = fail ? (lines[1] as string) : (lines[0] as string);
      const m = fail ? /^jq: error: (.*) at <top-level>, line \d+:$/.exec(lines[2] ?? '') : null;
      out.push({ source: file, program, fail, ...(m ? { message: m[1] as string } : {}) });
    }
  }
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      const program = (x as { program?: unknown }).program;
      if (typeof program === 'string') out.push({ source: 'manual.yml', program, fail: false });
      Object.values(x).forEach(walk);
    }
  };
  walk(parseYaml(readFileSync(`${root}/docs/content/3.manual/v1.6/manual.yml`, 'utf8')));
  return out;
}

/** Random well-formed trees (those some jq source produces), spans all zero. */
function arbitraryNode(): fc.Arbitrary<Node> {
  const at = { start: 0, end: 0 };
  const name = fc.constantFrom('a', 'f', 'x_1', 'm::g', 'e5');
  const callName = fc.constantFrom('a', 'f', 'length', 'm::g', 'e5');
  const text = fc.constantFrom('a', 'b c', '"\\\n', '\u00e9\u{1f600}', '\\(', 'e5');
  const ident = fc.constantFrom('a', 'if', 'and', '__loc__', 'x::y');
  const num = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 1e21, 1.5e-7, Infinity));
  return fc.letrec<{ node: Node; str: StringNode; pat: Pattern; key: ObjectKey }>((tie) => {
    const node = tie('node');
    const opt = fc.option(node, { nil: null });
    return {
      str: fc.record({
        parts: fc.array(fc.oneof(text, node), { maxLength: 3 }).map(mergeParts),
        format: fc.constantFrom(null, '@base64', '@text'),
      }).map((s): StringNode => ({ kind: 'String', ...s, ...at })),
      key: fc.oneof(
        ident.map((n): ObjectKey => ({ kind: 'ident', name: n })),
        tie('str').map((s): ObjectKey => ({ kind: 'string', node: s })),
        node.map((n): ObjectKey => ({ kind: 'expr', node: n })),
      ),
      pat: fc.oneof(
        { depthSize: 'small' },
        name.map((n): Pattern => ({ kind: 'var', name: n, ...at })),
        fc.array(tie('pat'), { minLength: 1, maxLength: 2 }).map((elements): Pattern => ({ kind: 'array', elements, ...at })),
        fc.array(fc.oneof(
          fc.record({ key: name.map((n): ObjectKey => ({ kind: 'var', name: n })), value: fc.option(tie('pat'), { nil: null }) }),
          fc.record({ key: tie('key').filter((k) => k.kind !== 'var'), value: tie('pat') }),
        ), { minLength: 1, maxLength: 2 }).map((entries): Pattern => ({ kind: 'object', entries, ...at })),
      ),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom<Node>({ kind: 'Identity', ...at }, { kind: 'RecurseDefault', ...at }, { kind: 'Format', name: '@csv', ...at }, { kind: 'Loc', line: 1, ...at }),
        fc.oneof(num, fc.constantFrom(true, false, null)).map((value): Node => ({ kind: 'Literal', value, ...at })),
        tie('str'),
        fc.record({ target: node, index: node }).map((r): Node => ({ kind: 'Index', ...r, ...at })),
        fc.record({ target: node, from: opt, to: node }).map((r): Node => ({ kind: 'Slice', ...r, ...at })),
        node.map((target): Node => ({ kind: 'Iterate', target, ...at })),
        fc.record({ body: node, handler: opt, postfix: fc.boolean(), indexOnly: fc.boolean() }).map(({ body, handler, postfix, indexOnly }): Node => {
          const indexing = body.kind === 'Index' || body.kind === 'Slice' || body.kind === 'Iterate';
          return { kind: 'Try', body, handler, ...(indexOnly && indexing && handler === null ? { indexOnly } : {}), start: 0, end: postfix ? 1 : 0 };
        }),
        fc.record({ kind: fc.constantFrom('Pipe', 'Comma', 'And', 'Or', 'Alternative'), left: node, right: node }).map((r): Node => ({ ...r, ...at }) as Node),
        fc.record({ op: fc.constantFrom('+', '-', '*', '/', '%', '==', '<'), left: node, right: node }).map((r): Node => ({ kind: 'Binary', ...r, ...at })),
        fc.record({ op: fc.constantFrom('=', '|=', '//='), left: node, right: node }).map((r): Node => ({ kind: 'Assign', ...r, ...at })),
        node.map((operand): Node => ({ kind: 'Neg', operand, ...at })),
        fc.record({ branches: fc.array(fc.record({ cond: node, then: node }), { minLength: 1, maxLength: 2 }), otherwise: opt }).map((r): Node => ({ kind: 'If', ...r, ...at })),
        fc.record({ source: node, patterns: fc.array(tie('pat'), { minLength: 1, maxLength: 2 }), init: node, update: node, extract: opt, reduce: fc.boolean() }).map(
          ({ reduce, extract, patterns, ...r }): Node => (reduce
            ? { kind: 'Reduce', ...r, pattern: patterns[0] as Pattern, patterns, ...at }
            : { kind: 'Foreach', ...r, pattern: patterns[0] as Pattern, patterns, extract, ...at }),
        ),
        fc.record({ name: callName, params: fc.array(fc.constantFrom('g', '$v'), { maxLength: 2 }), body: node, rest: node }).map((r): Node => ({ kind: 'FuncDef', ...r, ...at })),
        fc.record({ name: callName, args: fc.array(node, { maxLength: 2 }) }).map((r): Node => ({ kind: 'Call', ...r, ...at })),
        name.map((n): Node => ({ kind: 'Var', name: n, ...at })),
        fc.record({ source: node, patterns: fc.array(tie('pat'), { minLength: 1, maxLength: 2 }), body: node }).map((r): Node => ({ kind: 'As', ...r, ...at })),
        fc.record({ label: name, body: node }).map((r): Node => ({ kind: 'Label', ...r, ...at })),
        name.map((label): Node => ({ kind: 'Break', label, ...at })),
        opt.map((body): Node => ({ kind: 'Array', body, ...at })),
        fc.array(fc.oneof(
          fc.record({ key: tie('key').filter((k) => k.kind !== 'expr' && !(k.kind === 'ident' && KEYWORDS.has(k.name))), value: fc.constant(null) }),
          fc.record({ key: tie('key'), value: node }).filter((e) => e.key.kind !== 'var'),
        ), { maxLength: 3 }).map((entries): Node => ({ kind: 'Object', entries, ...at })),
      ),
    };
  }).node;
}

/** String parts as the parser makes them: adjacent text merged, no empty text. */
function mergeParts(parts: (string | Node)[]): (string | Node)[] {
  const out: (string | Node)[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out.filter((p) => p !== '');
}
