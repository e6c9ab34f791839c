// Differential tests against jq 1.6 itself (skipped where /usr/bin/jq is not jq 1.6): random
// programs must parse (or fail, with the same message) as jq parses them, with the same structure.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Node, ObjectKey, Pattern, StringNode } from './ast.js';
import { parse } from './parser.js';

const JQ = '/usr/bin/jq';
const hasJq16 = ((): boolean => {
  try {
    return execFileSync(JQ, ['--version'], { encoding: 'utf8' }).trim() === 'jq-1.6';
  } catch {
    return false;
  }
})();

/** A seeded generator of programs that glue pieces without regard to precedence. */
function generator(seed: number): { expression: (depth: number) => string; soup: () => string } {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const atoms = ['1', '2', '3', '0', '.', 'null', 'true', 'false', '.a', '.[0]', '.[]', '$x', 'empty', '"s"', 'length', '[]', '{}', 'f', 'error', '.a?', '.[]?', '..', 'not'];
  const ops = ['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '//', ',', '|', '?//', '=', '|=', '+='];
  const term = (d: number): string => {
    const r = d <= 0 ? 1 : rnd();
    if (r < 0.2) return `(${expression(d - 1)})`;
    if (r < 0.35) return `[${expression(d - 1)}]`;
    if (r < 0.45) return `{a: ${term(d - 1)}}`;
    if (r < 0.55) return `${term(d - 1)}[${expression(d - 1)}]`;
    if (r < 0.65) return `${term(d - 1)}.a`;
    if (r < 0.72) return `${term(d - 1)}[]?`;
    if (r < 0.8) return `${term(d - 1)}.b?`;
    if (r < 0.86) return `"x\\(${expression(d - 1)})"`;
    return pick(atoms);
  };
  const expression = (d: number): string => {
    if (d <= 0) return term(0);
    const r = rnd();
    const e = (): string => expression(d - 1);
    if (r < 0.3) return `${e()} ${pick(ops)} ${e()}`;
    if (r < 0.38) return `-${e()}`;
    if (r < 0.44) return `try ${e()}`;
    if (r < 0.5) return `try ${e()} catch ${e()}`;
    if (r < 0.56) return `${e()}?`;
    if (r < 0.62) return `${term(d - 1)} as $x | ${e()}`;
    if (r < 0.66) return `def f: ${e()}; ${e()}`;
    if (r < 0.7) return `reduce ${term(d - 1)} as $x (${e()}; ${e()})`;
    if (r < 0.75) return `if ${e()} then ${e()} else ${e()} end`;
    if (r < 0.78) return `label $out | ${e()}`;
    if (r < 0.8) return `${term(d - 1)} as [$x] ?// $x | ${e()}`;
    return term(d);
  };
  const vocab = [
    '.', '..', '.a', '1', '"s"', '"\\(', ')', '(', '[', ']', '{', '}', '|', ',', '//', '?', '?//', '=', '|=', '==', '<', '+', '-', '*', 'and',
    'or', 'as', '$x', '$', 'x', 'f', 'def', ':', ';', 'if', 'then', 'elif', 'else', 'end', 'reduce', 'foreach', 'try', 'catch', 'label',
    'break', '$__loc__', '@base64', 'import', 'include', 'module', 'null', '%', '"', '[]', '{}', 'a:', '. as $x |', 'def f:', 'f(', '.[',
    ':]', '1.2.3', '"\\ "', '"\\u12"', '!',
  ];
  const soup = (): string => Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => pick(vocab)).join(rnd() < 0.5 ? ' ' : '');
  return { expression, soup };
}

/** Prints a tree with every node parenthesized (keeping jq 1.6's index-only `t.a?` forms). */
function parenthesize(n: Node): string {
  const p = (s: string): string => `(${s})`;
  const str = (s: StringNode): string =>
    `${s.format === null ? '' : `${s.format} `}"${s.parts.map((x) => (typeof x === 'string' ? JSON.stringify(x).slice(1, -1) : `\\(${parenthesize(x)})`)).join('')}"`;
  const key = (k: ObjectKey): string => (k.kind === 'var' ? `$${k.name}` : k.kind === 'ident' ? k.name : k.kind === 'string' ? str(k.node) : `(${parenthesize(k.node)})`);
  const pat = (q: Pattern): string =>
    q.kind === 'var' ? `$${q.name}` : q.kind === 'array' ? `[${q.elements.map(pat).join(', ')}]` : `{${q.entries.map((e) => key(e.key) + (e.value ? `: ${pat(e.value)}` : '')).join(', ')}}`;
  const idx = (m: Node): string => {
    if (m.kind === 'Index') return `${parenthesize(m.target)}[${parenthesize(m.index)}]`;
    if (m.kind === 'Slice') return `${parenthesize(m.target)}[${m.from ? parenthesize(m.from) : ''}:${m.to ? parenthesize(m.to) : ''}]`;
    if (m.kind === 'Iterate') return `${parenthesize(m.target)}[]`;
    throw new Error(`not an indexing node: ${m.kind}`);
  };
  const bin = (op: string, l: Node, r: Node): string => p(`${parenthesize(l)} ${op} ${parenthesize(r)}`);
  switch (n.kind) {
    case 'Identity': return '(.)';
    case 'RecurseDefault': return '(..)';
    case 'Literal': return p(n.value === Infinity ? '1e1000' : JSON.stringify(n.value));
    case 'String': return p(str(n));
    case 'Format': return p(n.name);
    case 'Index': case 'Slice': case 'Iterate': return p(idx(n));
    case 'Try':
      if (n.indexOnly === true) return p(`${idx(n.body)}?`);
      return p(n.handler === null ? `${parenthesize(n.body)}?` : `try ${parenthesize(n.body)} catch ${parenthesize(n.handler)}`);
    case 'Pipe': return bin('|', n.left, n.right);
    case 'Comma': return bin(',', n.left, n.right);
    case 'And': return bin('and', n.left, n.right);
    case 'Or': return bin('or', n.left, n.right);
    case 'Alternative': return bin('//', n.left, n.right);
    case 'Binary': case 'Assign': return bin(n.op, n.left, n.right);
    case 'Neg': return p(`-${parenthesize(n.operand)}`);
    case 'If':
      return p(`${n.branches.map((b, i) => `${i > 0 ? ' elif' : 'if'} ${parenthesize(b.cond)} then ${parenthesize(b.then)}`).join('')}${n.otherwise ? ` else ${parenthesize(n.otherwise)}` : ''} end`);
    case 'Reduce': case 'Foreach': {
      const extract = n.kind === 'Foreach' && n.extract !== null ? `; ${parenthesize(n.extract)}` : '';
      const pats = (n.patterns ?? [n.pattern]).map(pat).join(' ?// ');
      return p(`${n.kind.toLowerCase()} ${parenthesize(n.source)} as ${pats} (${parenthesize(n.init)}; ${parenthesize(n.update)}${extract})`);
    }
    case 'FuncDef': return p(`def ${n.name}${n.params.length ? `(${n.params.join('; ')})` : ''}: ${parenthesize(n.body)}; ${parenthesize(n.rest)}`);
    case 'Call': return p(n.name + (n.args.length ? `(${n.args.map(parenthesize).join('; ')})` : ''));
    case 'Var': return p(`$${n.name}`);
    case 'Loc': return p('$__loc__');
    case 'As': return p(`${parenthesize(n.source)} as ${n.patterns.map(pat).join(' ?// ')} | ${parenthesize(n.body)}`);
    case 'Label': return p(`label $${n.label} | ${parenthesize(n.body)}`);
    case 'Break': return p(`break $${n.label}`);
    case 'Array': return p(n.body ? `[${parenthesize(n.body)}]` : '[]');
    case 'Object': return p(`{${n.entries.map((e) => key(e.key) + (e.value ? `: ${parenthesize(e.value)}` : '')).join(', ')}}`);
    case 'Paren': return p(parenthesize(n.body));
  }
}

/** jq 1.6's first compile error for a program, or null if it has none of the parser's. */
function jqParseError(program: string): string | null {
  // A leading space keeps programs starting with `-` from being read as options.
  const r = spawnSync(JQ, ['-n', ` ${program}`], { encoding: 'utf8', timeout: 10_000 });
  const m = /^jq: error: (.*?) at <top-level>, line \d+:$/m.exec(r.stderr);
  if (r.status !== 3 || m === null) return null;
  return /is not defined$|^module not found/.test(m[1] as string) ? null : (m[1] as string);
}

const ourError = (program: string): string | null => {
  try {
    parse(program);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe.skipIf(!hasJq16)('against jq 1.6', () => {
  it('parses random programs with jq 1.6\'s structure', () => {
    const gen = generator(7);
    const wrap = (p: string): string => `7 as $x | def f: 5; [limit(50; (${p}))]`;
    const pairs: string[] = [];
    for (let i = 0; i < 250; i++) {
      const program = wrap(gen.expression(3));
      if (ourError(program) !== null) continue;
      const full = parenthesize(parse(program).body);
      pairs.push(`[(try (${program}) catch "E"), (try (${full}) catch "E")]`);
    }
    expect(pairs.length).toBeGreaterThan(150);
    const out = execFileSync(JQ, ['-c', pairs.join(',\n')], { input: '{"a":[1,{"b":2},null],"b":3}', encoding: 'utf8' });
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as [unknown, unknown]);
    expect(rows).toHaveLength(pairs.length);
    rows.forEach((row, i) => expect(row[1], pairs[i]).toEqual(row[0]));
  }, 60_000);

  it('accepts and rejects random token soups as jq 1.6 does, with its messages', () => {
    const gen = generator(11);
    for (let i = 0; i < 200; i++) {
      const program = gen.soup();
      const ours = ourError(program);
      const theirs = jqParseError(program);
      if (theirs === null && ours !== null) {
        // jq reports some of its parser's semantic errors only in the compiler, after its run.
        expect(ours, program).toMatch(/^(Division by zero\?|Cannot use .* as object key)$/);
      } else {
        expect(ours, program).toBe(theirs);
      }
    }
  }, 60_000);
});
