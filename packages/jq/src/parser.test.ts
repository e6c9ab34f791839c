// Parser tests: the tree of each construct, jq 1.6's precedences (checked against jq 1.6 itself)
// and its error messages, offsets and tokens.
import { describe, expect, it } from 'vitest';
import type { Node, ObjectKey, Pattern } from './ast.js';
import { JqCompileError } from './errors.js';
import { parse } from './parser.js';
import { constantValue } from './parse-const.js';

/** A compact S-expression of a tree, to assert structure. */
function sx(n: Node): string {
  const s = (...xs: (string | Node)[]): string => `(${xs.map((x) => (typeof x === 'string' ? x : sx(x))).join(' ')})`;
  switch (n.kind) {
    case 'Identity': return '.';
    case 'RecurseDefault': return '..';
    case 'Literal': return String(n.value);
    case 'String':
      if (n.format === null && n.parts.every((p) => typeof p === 'string')) return JSON.stringify(n.parts.join(''));
      return s('str', ...(n.format === null ? [] : [n.format]), ...n.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : p)));
    case 'Format': return n.name;
    case 'Index': return s('idx', n.target, n.index);
    case 'Slice': return s('slice', n.target, n.from === null ? '_' : sx(n.from), n.to === null ? '_' : sx(n.to));
    case 'Iterate': return s('iter', n.target);
    case 'Try': return n.indexOnly ? s('try?', n.body) : s('try', n.body, ...(n.handler === null ? [] : [n.handler]));
    case 'Pipe': return s('|', n.left, n.right);
    case 'Comma': return s(',', n.left, n.right);
    case 'Neg': return s('neg', n.operand);
    case 'Binary': case 'Assign': return s(n.op, n.left, n.right);
    case 'And': return s('and', n.left, n.right);
    case 'Or': return s('or', n.left, n.right);
    case 'Alternative': return s('//', n.left, n.right);
    case 'If': return s('if', ...n.branches.flatMap((b) => [b.cond, b.then]), n.otherwise === null ? '_' : sx(n.otherwise));
    case 'Reduce': return s('reduce', n.source, (n.patterns ?? [n.pattern]).map(px).join(' ?// '), n.init, n.update);
    case 'Foreach': return s('foreach', n.source, (n.patterns ?? [n.pattern]).map(px).join(' ?// '), n.init, n.update, ...(n.extract === null ? [] : [n.extract]));
    case 'FuncDef': return s('def', n.params.length > 0 ? `${n.name}(${n.params.join(';')})` : n.name, n.body, n.rest);
    case 'Call': return n.args.length === 0 ? n.name : s(n.name, ...n.args);
    case 'Var': return `$${n.name}`;
    case 'Loc': return s('loc', String(n.line));
    case 'As': return s('as', n.source, n.patterns.map(px).join(' ?// '), n.body);
    case 'Label': return s('label', n.label, n.body);
    case 'Break': return s('break', n.label);
    case 'Array': return n.body === null ? '[]' : `[${sx(n.body)}]`;
    case 'Object': return `{${n.entries.map((e) => `${kx(e.key)}${e.value === null ? '' : `: ${sx(e.value)}`}`).join(', ')}}`;
    case 'Paren': return s('paren', n.body);
  }
}
const kx = (k: ObjectKey): string => (k.kind === 'ident' ? k.name : k.kind === 'var' ? `$${k.name}` : k.kind === 'string' ? sx(k.node) : `(${sx(k.node)})`);
function px(p: Pattern): string {
  if (p.kind === 'var') return `$${p.name}`;
  if (p.kind === 'array') return `[${p.elements.map(px).join(', ')}]`;
  return `{${p.entries.map((e) => `${kx(e.key)}${e.value === null ? '' : `: ${px(e.value)}`}`).join(', ')}}`;
}

const tree = (src: string): string => sx(parse(src).body);
const DOT_A = '(idx . "a")';

function parseError(src: string): JqCompileError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof JqCompileError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(src)} not to parse`);
}
const SHELL = ' (Unix shell quoting issues?)';

describe('precedence and associativity (as jq 1.6 --debug-dump-disasm shows)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 % 3', '(% (/ 8 4) 3)'],
    ['1 | 2 | 3', '(| 1 (| 2 3))'],
    ['1, 2, 3', '(, (, 1 2) 3)'],
    ['1, 2 | 3, 4', '(| (, 1 2) (, 3 4))'],
    ['1 // 2 // 3', '(// 1 (// 2 3))'],
    ['1 // 2, 3', '(, (// 1 2) 3)'],
    ['.a = 1 | .b', `(| (= ${DOT_A} 1) (idx . "b"))`],
    ['.a += 1 // 2', `(// (+= ${DOT_A} 1) 2)`],
    ['.a |= . + 1', `(|= ${DOT_A} (+ . 1))`],
    ['.a //= 1 or 2', `(//= ${DOT_A} (or 1 2))`],
    ['1 or 2 and 3', '(or 1 (and 2 3))'],
    ['1 and 2 or 3', '(or (and 1 2) 3)'],
    ['1 == 2 and 3 < 4', '(and (== 1 2) (< 3 4))'],
    ['1 < 2 + 3', '(< 1 (+ 2 3))'],
    ['1 != 2 // 3', '(// (!= 1 2) 3)'],
  ])('%s', (src, expected) => expect(tree(src)).toBe(expected));

  it.each([
    ['-1 + 2', '(+ (neg 1) 2)'],
    ['-1 * 2', '(neg (* 1 2))'],
    ['- - 1', '(neg (neg 1))'],
    ['1 - -1', '(- 1 (neg 1))'],
    ['-1 as $x | $x, 2', '(neg (as 1 $x (, $x 2)))'],
    ['-.a?', `(neg (try? ${DOT_A}))`],
    ['-f?', '(neg (try f))'],
    ['-1 | 2', '(| (neg 1) 2)'],
  ])('unary minus: %s', (src, expected) => expect(tree(src)).toBe(expected));

  it.each([
    ['try .a + 1', `(+ (try ${DOT_A}) 1)`],
    ['try .a catch .b + 1', `(+ (try ${DOT_A} (idx . "b")) 1)`],
    ['try -1 * 2', '(try (neg (* 1 2)))'],
    ['try 1 | 2', '(| (try 1) 2)'],
    ['try try 1 catch 2', '(try (try 1 2))'],
    ['try (1)?', '(try (try (paren 1)))'],
    ['try . as $x | $x, 1 catch 2', '(try (as . $x (, $x 1)) 2)'],
    ['1 + f?', '(+ 1 (try f))'],
    ['1 + .a?', `(+ 1 (try? ${DOT_A}))`],
    ['f??', '(try (try f))'],
    ['.a??', `(try (try? ${DOT_A}))`],
    ['if . then 1 else 2 end?', '(try (if . 1 2))'],
    ['reduce . as $x (0; 1)?', '(try (reduce . $x 0 1))'],
  ])('try and postfix ?: %s', (src, expected) => expect(tree(src)).toBe(expected));

  it.each([
    ['1 + 3 as $x | $x, 4', '(+ 1 (as 3 $x (, $x 4)))'],
    ['. as $x | $x | $x', '(as . $x (| $x $x))'],
    ['def f: 1; f | f, 2', '(def f 1 (| f (, f 2)))'],
    ['1 + def f: 2; f | 3', '(+ 1 (def f 2 (| f 3)))'],
    ['label $out | 1, break $out', '(label out (, 1 (break out)))'],
    ['1, label $a | 2 | 3', '(, 1 (label a (| 2 3)))'],
  ])('prefix forms take everything after them: %s', (src, expected) => expect(tree(src)).toBe(expected));
});

describe('constructs', () => {
  it.each([
    ['.', '.'],
    ['..', '..'],
    ['..?', '(try ..)'],
    ['.foo.bar', '(idx (idx . "foo") "bar")'],
    ['."foo"', '(idx . "foo")'],
    ['. "foo"', '(idx . "foo")'],
    ['."a b"?', '(try? (idx . "a b"))'],
    ['.a."b\\(1)"', '(idx (idx . "a") (str "b" 1))'],
    ['.[1].a', '(idx (idx . 1) "a")'],
    ['.[.a]?', `(try? (idx . ${DOT_A}))`],
    ['.[]', '(iter .)'],
    ['.[]?', '(try? (iter .))'],
    ['.a[]?.b', '(idx (try? (iter (idx . "a"))) "b")'],
    ['.a?.b', '(idx (try? (idx . "a")) "b")'],
    ['.[1:2]', '(slice . 1 2)'],
    ['.[:2]', '(slice . _ 2)'],
    ['.[1:]?', '(try? (slice . 1 _))'],
    ['$x.foo', '(idx $x "foo")'],
    ['$x[0]', '(idx $x 0)'],
    ['$__loc__', '(loc 1)'],
    ['1 +\n\n  $__loc__', '(+ 1 (loc 3))'],
    ['"a"[0]', '(idx "a" 0)'],
    ['f(1; 2)[0]', '(idx (f 1 2) 0)'],
    ['[1, 2][0]', '(idx [(, 1 2)] 0)'],
    ['{}.a', '(idx {} "a")'],
    ['(1).a', '(idx (paren 1) "a")'],
    ['.and', '(idx . "and")'],
    ['a::b($x::y)', '(a::b $x::y)'],
    ['[]', '[]'],
    ['[.[]]', '[(iter .)]'],
    ['true, false, null', '(, (, true false) null)'],
    ['true(1)', '(true 1)'],
    ['@csv', '@csv'],
    ['@base64 "x\\(.a)y"', `(str @base64 "x" ${DOT_A} "y")`],
    ['@base64d', '@base64d'],
    ['"a\\(1 + 2)b\\("c\\(3)")"', '(str "a" (+ 1 2) "b" (str "c" 3))'],
    ['""', '""'],
    ['break $x', '(break x)'],
    ['1 # comment\n + 2 # more', '(+ 1 2)'],
    ['1\r\n+ 2', '(+ 1 2)'],
  ])('%s', (src, expected) => expect(tree(src)).toBe(expected));

  it('builds string parts: merged text, no empty parts, escapes decoded', () => {
    expect(parse('"a\\n\\u00e9\\ud83d\\ude00b"').body).toMatchObject({ kind: 'String', parts: ['a\n\u00e9\u{1f600}b'], format: null });
    expect(parse('""').body).toMatchObject({ kind: 'String', parts: [] });
    expect(parse('"\\(1)"').body).toMatchObject({ kind: 'String', parts: [{ kind: 'Literal', value: 1 }] });
  });

  it('reads numbers as jq 1.6 does', () => {
    expect(['1e1000', '.5', '1.', '00012', '1.e3'].map((s) => (parse(s).body as { value: number }).value)).toEqual([Infinity, 0.5, 1, 12, 1000]);
  });

  it.each([
    ['if . then 1 else 2 end', '(if . 1 2)'],
    ['if . then 1 elif .a then 2 else 3 end', `(if . 1 ${DOT_A} 2 3)`],
    ['if . then 1 end', '(if . 1 _)'],
    ['if . then 1 elif 2 then 3 end', '(if . 1 2 3 _)'],
    ['reduce .[] as $x (0; . + $x)', '(reduce (iter .) $x 0 (+ . $x))'],
    ['reduce .[] as [$a] ?// $a (0; .)', '(reduce (iter .) [$a] ?// $a 0 .)'],
    ['foreach .[] as $x (0; 1)', '(foreach (iter .) $x 0 1)'],
    ['foreach .[] as {a: $x} (0; 1; 2)', '(foreach (iter .) {a: $x} 0 1 2)'],
    ['reduce .a[] as $x (.; .) | 1', '(| (reduce (iter (idx . "a")) $x . .) 1)'],
    ['def f: 1; f', '(def f 1 f)'],
    ['def f(g; $x): g + $x; f(1; 2)', '(def f(g;$x) (+ g $x) (f 1 2))'],
    ['def f: def g: 1; g; f', '(def f (def g 1 g) f)'],
    ['. as [$a, {b: $c, $d, "e": $f, (1|tostring): $g, $h: [$i]}] | .', '(as . [$a, {b: $c, $d, "e": $f, ((| 1 tostring)): $g, $h: [$i]}] .)'],
    ['. as {if: $x, "a\\(1)": $y} | $x', '(as . {if: $x, (str "a" 1): $y} $x)'],
    ['. as [$a] ?// {$a} ?// $a | $a', '(as . [$a] ?// {$a} ?// $a $a)'],
  ])('%s', (src, expected) => expect(tree(src)).toBe(expected));

  it.each([
    ['{a, $b, "c", "d\\(1)", (.e): 1, @base64 "f": 2}', '{a, $b, "c", (str "d" 1), ((idx . "e")): 1, (str @base64 "f"): 2}'],
    ['{if: 1, and: 2, __loc__: 3, true: 4}', '{if: 1, and: 2, __loc__: 3, true: 4}'],
    ['{a: 1,}', '{a: 1}'],
    ['{a: -1 | 2}', '{a: (| (neg 1) 2)}'],
    ['{a: 1 | 2, b: 3}', '{a: (| 1 2), b: 3}'],
    ['{(1, 2): 3}', '{((, 1 2)): 3}'],
    ['{a::b: 1}', '{a::b: 1}'],
  ])('object %s', (src, expected) => expect(tree(src)).toBe(expected));

  it('takes any comma-free expression as an object value (jackson-jq superset)', () => {
    expect(tree('{"message": "Namespace " + .ns + " active", b: .x // 1, c: .a | length}')).toBe(
      '{"message": (+ (+ "Namespace " (idx . "ns")) " active"), b: (// (idx . "x") 1), c: (| (idx . "a") length)}',
    );
    expect(tree('{a: 1, b: 2}')).toBe('{a: 1, b: 2}');
    expect(tree('{a: . as $x | $x, b: 2}')).toBe('{a: (as . $x $x), b: 2}');
    expect(tree('{a: def f: 1; f, b: 2}')).toBe('{a: (def f 1 f), b: 2}');
    expect(tree('{a: try 1 catch 2 == 3, b: (1, 2)}')).toBe('{a: (== (try 1 2) 3), b: (paren (, 1 2))}');
  });

  it('parses a program of definitions only, or nothing, with body `.`', () => {
    expect(tree('def f: 1; def g: 2;')).toBe('(def f 1 (def g 2 .))');
    expect(tree('')).toBe('.');
    expect(tree('  # just a comment')).toBe('.');
  });

  it('parses module directives', () => {
    const p = parse('module {a: 1}; import "x/y" as y; import "d" as $d {search: "./"}; include "z"; y::f + $d::d');
    expect(p.directives).toMatchObject([
      { kind: 'module', metadata: { kind: 'Object' } },
      { kind: 'import', path: 'x/y', alias: 'y' },
      { kind: 'import', path: 'd', alias: '$d', metadata: { kind: 'Object' } },
      { kind: 'include', path: 'z' },
    ]);
    expect(p.directives[3]?.alias).toBeUndefined();
    expect(sx(p.body)).toBe('(+ y::f $d::d)');
    expect(parse('include @base64 "a"; .').directives[0]).toMatchObject({ path: 'a' });
    expect(parse('import "a" as a;').body).toMatchObject({ kind: 'Identity' });
  });

  it('records spans', () => {
    const p = parse('1 + .ab[2]');
    expect(p.body).toMatchObject({ start: 0, end: 10, right: { kind: 'Index', start: 4, end: 10, target: { start: 4, end: 7 } } });
  });
});

describe('errors', () => {
  it.each([
    ['}', `syntax error, unexpected INVALID_CHARACTER, expecting $end${SHELL}`, 0, '}'],
    ['. as [] | null', `syntax error, unexpected ']', expecting '$' or '[' or '{'${SHELL}`, 6, ']'],
    ['. as {} | null', `syntax error, unexpected '}'${SHELL}`, 6, '}'],
    ['%::wat', `syntax error, unexpected '%', expecting $end${SHELL}`, 0, '%'],
    ['1 == 2 == 3', `syntax error, unexpected ==${SHELL}`, 7, '=='],
    ['.a = 1 |= 2', `syntax error, unexpected |=${SHELL}`, 7, '|='],
    ['.a?//1', `syntax error, unexpected ?//, expecting $end${SHELL}`, 2, '?//'],
    ['f?.b', `syntax error, unexpected FIELD, expecting $end${SHELL}`, 2, '.b'],
    ['if . then 1 else 2 end.a', `syntax error, unexpected FIELD, expecting $end${SHELL}`, 22, '.a'],
    ['. foo', `syntax error, unexpected $end${SHELL}`, 2, undefined],
    ['. 1', `syntax error, unexpected LITERAL${SHELL}`, 2, '1'],
    ['.a 1', `syntax error, unexpected LITERAL, expecting $end${SHELL}`, 3, '1'],
    ['.a.[0]', `syntax error, unexpected '[', expecting FORMAT or QQSTRING_START${SHELL}`, 3, '['],
    ['. @base64 1', `syntax error, unexpected LITERAL, expecting QQSTRING_START${SHELL}`, 10, '1'],
    ['reduce .a 1', `syntax error, unexpected LITERAL, expecting FIELD or as or '.' or '['${SHELL}`, 10, '1'],
    ['reduce . 1', `syntax error, unexpected LITERAL${SHELL}`, 9, '1'],
    ['reduce . as $x 1', `syntax error, unexpected LITERAL, expecting '('${SHELL}`, 15, '1'],
    ['reduce . as $x (0)', `syntax error, unexpected ')'${SHELL}`, 17, ')'],
    ['. as $x 1', `syntax error, unexpected LITERAL, expecting '|'${SHELL}`, 8, '1'],
    ['def f 1;', `syntax error, unexpected LITERAL, expecting '(' or ':'${SHELL}`, 6, '1'],
    ['def f(): 1; 1', `syntax error, unexpected ')', expecting IDENT or '$'${SHELL}`, 6, ')'],
    ['def f(a 1): 1; 1', `syntax error, unexpected LITERAL, expecting ';' or ')'${SHELL}`, 8, '1'],
    ['def f(a) 1', `syntax error, unexpected LITERAL, expecting ':'${SHELL}`, 9, '1'],
    ['def if: 1; 1', `syntax error, unexpected if, expecting IDENT${SHELL}`, 4, 'if'],
    ['def f: 1 2', `syntax error, unexpected LITERAL${SHELL}`, 9, '2'],
    ['def f: 1; )', `syntax error, unexpected INVALID_CHARACTER, expecting $end${SHELL}`, 10, ')'],
    ['label x | 1', `syntax error, unexpected IDENT, expecting '$'${SHELL}`, 6, 'x'],
    ['break', `syntax error, unexpected $end, expecting '$'${SHELL}`, 0, undefined],
    ['$', `syntax error, unexpected $end, expecting IDENT or __loc__${SHELL}`, 0, undefined],
    ['{$__loc__}', `syntax error, unexpected __loc__, expecting IDENT${SHELL}`, 2, '__loc__'],
    ['{a: 1 2}', `syntax error, unexpected LITERAL, expecting '}'${SHELL}`, 6, '2'],
    ['{a: . 1}', `syntax error, unexpected LITERAL${SHELL}`, 6, '1'],
    ['{if}', `syntax error, unexpected '}', expecting ':'${SHELL}`, 3, '}'],
    ['{a: 1,,}', `syntax error, unexpected ','${SHELL}`, 6, ','],
    ['{(1) 2}', `syntax error, unexpected LITERAL, expecting ':'${SHELL}`, 5, '2'],
    ['. as {$a 1} | 1', `syntax error, unexpected LITERAL, expecting ',' or '}'${SHELL}`, 9, '1'],
    ['. as [$a 1] | 1', `syntax error, unexpected LITERAL, expecting ',' or ']'${SHELL}`, 9, '1'],
    ['. as {a} | 1', `syntax error, unexpected '}', expecting ':'${SHELL}`, 7, '}'],
    ['f(1 2)', `syntax error, unexpected LITERAL, expecting ';' or ')'${SHELL}`, 4, '2'],
    ['"abc', `syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END${SHELL}`, 1, undefined],
    ['"\\(1;2)"', `syntax error, unexpected ';'${SHELL}`, 4, ';'],
    ['if . then 1', `syntax error, unexpected $end${SHELL}`, 10, undefined],
    ['1 | module {}; 2', `syntax error, unexpected module${SHELL}`, 4, 'module'],
    ['module {}; module {}; 1', `syntax error, unexpected module, expecting $end${SHELL}`, 11, 'module'],
    ['import "a" 1', `syntax error, unexpected LITERAL, expecting as${SHELL}`, 11, '1'],
    ['import "a" as 1; .', `syntax error, unexpected LITERAL, expecting IDENT or '$'${SHELL}`, 14, '1'],
    ['include 1; .', `syntax error, unexpected LITERAL, expecting FORMAT or QQSTRING_START${SHELL}`, 8, '1'],
    ['try 1 catch 2 catch 3', `syntax error, unexpected catch, expecting $end${SHELL}`, 14, 'catch'],
    ['[1, 2', `syntax error, unexpected $end${SHELL}`, 4, undefined],
    ['.[:]', `syntax error, unexpected ']'${SHELL}`, 3, ']'],
  ])('%s', (src, message, offset, token) => {
    const e = parseError(src);
    expect(e.message).toBe(message);
    expect(e.offset).toBe(offset);
    expect(e.token).toBe(token);
  });

  it.each([
    ['module (.+1); 0', 'Module metadata must be constant', 7, '(.+1)'],
    ['module {a: -1}; 0', 'Module metadata must be constant', 7, '{a: -1}'],
    ['module {a: [1, (2, 3)]}; 0', 'Module metadata must be constant', 7, '{a: [1, (2, 3)]}'],
    ['include "a" (.+1); 0', 'Module metadata must be constant', 12, '(.+1)'],
    ['include "a" []; 0', 'Module metadata must be an object', 12, '[]'],
    ['include "\\ "; 0', `Invalid escape at line 1, column 4 (while parsing '"\\ "')`, 9, '\\ '],
    ['include "\\(a)"; 0', 'Import path must be constant', 8, '"\\(a)"'],
    ['1.2.3', "Invalid numeric literal at EOF at line 1, column 5 (while parsing '1.2.3')", 0, '1.2.3'],
    ['"\\uZZZZ"', `Invalid characters in \\uXXXX escape at line 1, column 8 (while parsing '"\\uZZZZ"')`, 1, '\\uZZZZ'],
    ['1/0', 'Division by zero?', 0, '1/0'],
    ['[(1 + 1) / (2 - 2)]', 'Division by zero?', 1, '(1 + 1) / (2 - 2)'],
    ['1e1000 / 1', 'Division by zero?', 0, '1e1000 / 1'],
    ['{(0):1}', 'Cannot use number (0) as object key', 1, '(0)'],
    ['{non_const:., (0):1}', 'Cannot use number (0) as object key', 14, '(0)'],
    ['-1/0', 'Division by zero?', 1, '1/0'],
    ['{(1+2):1}', 'Cannot use number (3) as object key', 1, '(1+2)'],
    ['{(null + 1): 1}', 'Cannot use number (1) as object key', 1, '(null + 1)'],
    ['{(. | true): 1}', 'Cannot use boolean (true) as object key', 1, '(. | true)'],
    ['{([1,2,3,4,5,6,7]):1}', 'Cannot use array ([1,2,3,4,5,...) as object key', 1, '([1,2,3,4,5,6,7])'],
    ['{(1e1000):1}', 'Cannot use number (1.797693134...) as object key', 1, '(1e1000)'],
    ['{(1e-7):1}', 'Cannot use number (1e-07) as object key', 1, '(1e-7)'],
    ['{({}): 1}', 'Cannot use object ({}) as object key', 1, '({})'],
    ['. as {(null): $x} | 1', 'Cannot use null (null) as object key', 7, 'null'],
  ])('%s', (src, message, offset, token) => {
    const e = parseError(src);
    expect(e.message).toBe(message);
    expect(e.offset).toBe(offset);
    expect(e.token).toBe(token);
  });

  it('reports the line and column of the offending token', () => {
    expect(parseError('1 +\n  }')).toMatchObject({ line: 2, column: 3, code: 'JQ_COMPILE_ERROR' });
  });

  it.each(['1 % 0', '0/0', '{(-1): 1}', '{(1, 2): 3}', '{("a" + null): 1}', '.a / 0', '{(.a): 1}', 'module {a: [1, 2], b: {c: "d"}}; 1'])(
    'accepts what jq 1.6 only rejects at run time: %s',
    (src) => expect(() => parse(src)).not.toThrow(),
  );
});

describe('constantValue (jq 1.6 constant folding)', () => {
  it.each([
    ['1 + 2', 3],
    ['"a" + "b"', 'ab'],
    ['null + 1', 1],
    ['1 < 2', true],
    ['. | 1', 1],
    ['[1, 2, 3]', [1, 2, 3]],
    ['[(1, 2), 3]', [1, 2, 3]],
    ['{a: [1], "b": {}}', { a: [1], b: {} }],
    ['@base64 "x"', 'x'],
    ['$__loc__', { file: '<top-level>', line: 1 }],
  ])('%s is constant', (src, value) => expect(constantValue(parse(src).body)).toEqual(value));

  it.each(['-1', '5 % 2', '[1, (2, 3)]', '"a\\(1)"', '.', '1 | 2', '{a}', '{$x}', '"a" * 2', 'true == true'])('%s is not', (src) => {
    expect(constantValue(parse(src).body)).toBeUndefined();
  });
});
