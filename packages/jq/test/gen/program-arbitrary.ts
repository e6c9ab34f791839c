/**
 * fast-check arbitraries for random jq 1.6 programs: paths, literals, operators with precedence,
 * pipes, commas, `if`, `reduce`, `foreach`, `try`, `?`, `//`, object and array construction, `as`
 * bindings and destructuring, `def`, `label`/`break`, string interpolation, assignment operators and
 * builtin calls. Variables, functions and labels are only used where they are in scope.
 * @module
 */
import fc from 'fast-check';
import { BUILTINS, DATE_FORMATS, REGEX_FLAGS, REGEXES, type ArgKind } from './builtins.js';
import { KEYS, NUMBERS, STRINGS } from './json-values.js';
import { PREC, leaf, printNode, slot, type GenNode, type GenPart } from './program-tree.js';

/** A user-defined function in scope: its name and, per parameter, a filter or a `$value`. */
interface FunctionSig {
  name: string;
  params: readonly ('filter' | 'value')[];
}

/** What is in scope at a point of the program. */
interface Scope {
  vars: readonly string[];
  funcs: readonly FunctionSig[];
  labels: readonly string[];
}

const ROOT: Scope = { vars: [], funcs: [], labels: [] };
const VAR_NAMES = ['x', 'y', 'v'] as const;
const FUNC_NAMES = ['f', 'g'] as const;

/** Binary operators: spelling, precedence, least precedence of the left and right operands. */
const BINARY: readonly { op: string; prec: number; left: number; right: number }[] = [
  { op: ' | ', prec: PREC.PIPE, left: PREC.COMMA, right: PREC.PIPE },
  { op: ', ', prec: PREC.COMMA, left: PREC.COMMA, right: PREC.ALT },
  { op: ' // ', prec: PREC.ALT, left: PREC.ASSIGN, right: PREC.ALT },
  { op: ' or ', prec: PREC.OR, left: PREC.OR, right: PREC.AND },
  { op: ' and ', prec: PREC.AND, left: PREC.AND, right: PREC.COMPARE },
  ...['==', '!=', '<', '<=', '>', '>='].map((op) => ({ op: ` ${op} `, prec: PREC.COMPARE, left: PREC.ADD, right: PREC.ADD })),
  ...['+', '-'].map((op) => ({ op: ` ${op} `, prec: PREC.ADD, left: PREC.ADD, right: PREC.MUL })),
  ...['*', '/', '%'].map((op) => ({ op: ` ${op} `, prec: PREC.MUL, left: PREC.MUL, right: PREC.MUL + 1 })),
];

const ASSIGN_OPS = ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='] as const;

/** `def`, `label` and `as` bodies run on to the right: parenthesize them in every operand. */
const OPEN = 0;

function node(prec: number, ...parts: GenPart[]): GenNode {
  return { prec, parts };
}

function numberLeaf(n: number): GenNode {
  return n < 0 ? node(PREC.ADD, '-', slot(leaf(String(-n), PREC.ATOM), PREC.MUL)) : leaf(String(n), PREC.ATOM);
}

function stringLeaf(s: string): GenNode {
  return leaf(JSON.stringify(s));
}

function keyText(key: string): string {
  return /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key) ? key : JSON.stringify(key);
}

function scopeKey(scope: Scope): string {
  return `${scope.vars.join(',')}|${scope.funcs.map((f) => `${f.name}/${f.params.join('')}`).join(',')}|${scope.labels.join(',')}`;
}

function withVars(scope: Scope, names: readonly string[]): Scope {
  return { ...scope, vars: [...new Set([...scope.vars, ...names])].sort() };
}

function withFunc(scope: Scope, sig: FunctionSig): Scope {
  return { ...scope, funcs: [...scope.funcs.filter((f) => f.name !== sig.name || f.params.length !== sig.params.length), sig] };
}

/**
 * Builds the program arbitraries. Arbitraries are created lazily and memoized per scope and depth,
 * so deep grammars do not blow up at construction time.
 */
class ProgramArbitraries {
  private readonly memo = new Map<string, fc.Arbitrary<GenNode>>();

  /** A program of at most `depth` levels of nesting, in `scope`. */
  expr(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const key = `${depth}#${scopeKey(scope)}`;
    let arb = this.memo.get(key);
    if (!arb) {
      arb = this.build(scope, depth);
      this.memo.set(key, arb);
    }
    return arb;
  }

  private sub(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc.constant(null).chain(() => this.expr(scope, Math.max(0, depth)));
  }

  private leaves(scope: Scope): fc.WeightedArbitrary<GenNode>[] {
    const out: fc.WeightedArbitrary<GenNode>[] = [
      { arbitrary: fc.constant(leaf('.')), weight: 40 },
      { arbitrary: this.simplePath(), weight: 80 },
      { arbitrary: fc.constantFrom(...NUMBERS.filter((n) => n >= 0 && n < 1e6)).map((n) => leaf(String(n), PREC.ATOM)), weight: 30 },
      { arbitrary: fc.constantFrom(...STRINGS).map(stringLeaf), weight: 30 },
      { arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}').map((t) => leaf(t)), weight: 20 },
      {
        arbitrary: fc.constantFrom(...BUILTINS.filter((b) => b.args.length === 0)).map((b) => leaf(b.name, b.name.startsWith('@') ? PREC.ATOM : PREC.TERM)),
        weight: 50,
      },
      { arbitrary: fc.constantFrom('$__loc__', '..').map((t) => leaf(t, t === '..' ? PREC.ATOM : PREC.TERM)), weight: 3 },
    ];
    if (scope.vars.length > 0) out.push({ arbitrary: fc.constantFrom(...scope.vars).map((v) => leaf(`$${v}`)), weight: 40 });
    const nullary = scope.funcs.filter((f) => f.params.length === 0);
    if (nullary.length > 0) out.push({ arbitrary: fc.constantFrom(...nullary).map((f) => leaf(f.name)), weight: 30 });
    if (scope.labels.length > 0) out.push({ arbitrary: fc.constantFrom(...scope.labels).map((l) => leaf(`break $${l}`, PREC.ATOM)), weight: 10 });
    return out;
  }

  /** `.a`, `.a.b`, `.[0]`, `.[]`, `."a b"`, `.a[]?`: one to three steps from `.`. */
  simplePath(): fc.Arbitrary<GenNode> {
    const step = fc.oneof(
      { arbitrary: fc.constantFrom(...KEYS).map((k) => ({ field: k })), weight: 50 },
      { arbitrary: fc.constantFrom(-1, 0, 1, 2).map((i) => ({ text: `[${i}]` })), weight: 20 },
      { arbitrary: fc.constant({ text: '[]' }), weight: 20 },
      { arbitrary: fc.constantFrom(...KEYS).map((k) => ({ text: `[${JSON.stringify(k)}]` })), weight: 10 },
    );
    return fc
      .tuple(fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 9 }))
      .map(([steps, q]) => {
        let text = '';
        steps.forEach(([s, optional], i) => {
          if ('field' in s) text += /^[a-zA-Z_]\w*$/.test(s.field) ? `.${s.field}` : `.${JSON.stringify(s.field)}`;
          else text += i === 0 ? `.${s.text}` : s.text;
          if (optional && q < 3) text += '?';
        });
        return leaf(text);
      });
  }

  /** A path expression for assignments, `path`, `del`, `paths`: mostly valid, sometimes not. */
  pathExpr(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const cond = this.condition(scope, depth - 1);
    return fc.oneof(
      { arbitrary: this.simplePath(), weight: 80 },
      { arbitrary: fc.constantFrom('.', '..', '.[]?', 'empty', 'first(.[])', 'getpath(["a","b"])', 'recurse', '.[1:]', '.[:-1]').map((t) => leaf(t)), weight: 30 },
      { arbitrary: cond.map((c) => node(PREC.PIPE, '.[] | select(', slot(c, OPEN), ')')), weight: 20 },
      { arbitrary: fc.tuple(this.simplePath(), this.simplePath()).map(([a, b]) => node(PREC.ALT, slot(a, PREC.ASSIGN), ' // ', slot(b, PREC.ALT))), weight: 10 },
      { arbitrary: fc.tuple(cond, this.simplePath(), this.simplePath()).map(([c, a, b]) => node(PREC.ATOM, 'if ', slot(c, OPEN), ' then ', slot(a, OPEN), ' else ', slot(b, OPEN), ' end')), weight: 10 },
      { arbitrary: this.sub(scope, depth - 1), weight: 10 },
    );
  }

  /** A condition: a comparison of the input, or any program. */
  condition(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom('>', '<', '==', '!=', '>='), fc.constantFrom(...NUMBERS.slice(0, 6))).map(([op, n]) => leaf(`. ${op} ${n}`, PREC.COMPARE)), weight: 20 },
      { arbitrary: fc.constantFrom('type == "string"', 'type == "number"', '. == "a"', 'length > 1', '.a != null', 'startswith("a")').map((t) => leaf(t, PREC.COMPARE)), weight: 20 },
      { arbitrary: this.sub(scope, depth), weight: 20 },
    );
  }

  private arg(kind: ArgKind, scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    switch (kind) {
      case 'f':
        return this.sub(scope, depth);
      case 'c':
        return this.condition(scope, depth);
      case 'p':
        return this.pathExpr(scope, depth);
      case 's':
        return fc.oneof({ arbitrary: fc.constantFrom(...STRINGS).map(stringLeaf), weight: 40 }, { arbitrary: this.sub(scope, depth), weight: 10 });
      case 'n':
        return fc.constantFrom(0, 1, 2, 3, -1).map(numberLeaf);
      case 'r':
        return fc.constantFrom(...REGEXES).map(stringLeaf);
      case 'x':
        return fc.constantFrom(...REGEX_FLAGS).map(stringLeaf);
      case 'pa':
        return fc.constantFrom('["a"]', '["a","b"]', '[0]', '["a",0]', '[]', '["x",1,"c"]').map((t) => leaf(t));
      case 'pas':
        return fc.constantFrom('[["a"]]', '[["a"],["b"]]', '[[0]]', '[]', '[["a",0],["b"]]').map((t) => leaf(t));
      case 'fmt':
        return fc.constantFrom(...DATE_FORMATS).map(stringLeaf);
    }
  }

  private call(name: string, args: GenNode[]): GenNode {
    if (args.length === 0) return leaf(name);
    const parts: GenPart[] = [`${name}(`];
    args.forEach((a, i) => {
      if (i > 0) parts.push('; ');
      parts.push(slot(a, PREC.PIPE));
    });
    parts.push(')');
    return node(PREC.TERM, ...parts);
  }

  /** A destructuring pattern and the variables it binds. */
  private pattern(): fc.Arbitrary<{ text: string; vars: string[] }> {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...VAR_NAMES).map((v) => ({ text: `$${v}`, vars: [v] })), weight: 60 },
      { arbitrary: fc.tuple(fc.constantFrom(...VAR_NAMES), fc.constantFrom(...VAR_NAMES)).map(([a, b]) => ({ text: `[$${a}, $${b}]`, vars: [a, b] })), weight: 10 },
      { arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VAR_NAMES)).map(([k, v]) => ({ text: `{${keyText(k)}: $${v}}`, vars: [v] })), weight: 10 },
      { arbitrary: fc.constantFrom(...VAR_NAMES).map((v) => ({ text: `{$${v}}`, vars: [v] })), weight: 10 },
      { arbitrary: fc.tuple(fc.constantFrom(...VAR_NAMES), fc.constantFrom(...VAR_NAMES)).map(([a, b]) => ({ text: `{"b": [$${a}], $${b}}`, vars: [a, b] })), weight: 5 },
    );
  }

  private build(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const leaves = this.leaves(scope);
    if (depth <= 0) return fc.oneof(...leaves);
    const d = depth - 1;
    const sub = this.sub(scope, d);
    const composites: fc.WeightedArbitrary<GenNode>[] = [
      {
        arbitrary: fc.tuple(fc.constantFrom(...BINARY), sub, sub).map(([b, l, r]) => node(b.prec, slot(l, b.left), b.op, slot(r, b.right))),
        weight: 140,
      },
      { arbitrary: sub.map((e) => node(PREC.ADD, '-', slot(e, PREC.MUL))), weight: 10 },
      {
        arbitrary: fc.tuple(sub, this.postfix(scope, d)).map(([base, post]) =>
          // `.` followed by `.a` is `.a`, not `..a`.
          printNode(base) === '.' && typeof post[0] === 'string' && post[0].startsWith('.')
            ? node(PREC.TERM, ...post)
            : // A bare `?` is jq 1.6's `Exp '?'`, not a term: `"a"? as $x` and `$x?.a` do not parse.
              node(post[0] === '?' ? PREC.ATOM : PREC.TERM, slot(base, PREC.TERM), ...post),
        ),
        weight: 50,
      },
      { arbitrary: sub.map((e) => node(PREC.TERM, '[', slot(e, OPEN), ']')), weight: 30 },
      { arbitrary: fc.array(this.objectEntry(scope, d), { minLength: 1, maxLength: 3 }).map((entries) => this.object(entries)), weight: 30 },
      { arbitrary: this.interpolation(scope, d), weight: 20 },
      { arbitrary: this.ifExpr(scope, d), weight: 30 },
      { arbitrary: this.tryExpr(scope, d), weight: 20 },
      { arbitrary: this.reduceOrForeach(scope, d), weight: 20 },
      { arbitrary: this.binding(scope, d), weight: 30 },
      { arbitrary: this.definition(scope, d), weight: 20 },
      { arbitrary: this.labelExpr(scope, d), weight: 7 },
      { arbitrary: this.assignment(scope, d), weight: 40 },
      { arbitrary: this.builtinCall(scope, d), weight: 120 },
    ];
    const callable = scope.funcs.filter((f) => f.params.length > 0);
    if (callable.length > 0) {
      composites.push({
        arbitrary: fc.constantFrom(...callable).chain((f) => fc.tuple(...f.params.map(() => sub)).map((args) => this.call(f.name, args))),
        weight: 30,
      });
    }
    return fc.oneof(...leaves.map((l) => ({ ...l, weight: Math.round(l.weight * 0.6) })), ...composites);
  }

  private postfix(scope: Scope, depth: number): fc.Arbitrary<GenPart[]> {
    const small = this.sub(scope, Math.min(depth, 1));
    return fc.oneof(
      fc.constantFrom(...KEYS).map((k): GenPart[] => [/^\w+$/.test(k) ? `.${k}` : `.${JSON.stringify(k)}`]),
      small.map((e): GenPart[] => ['[', slot(e, OPEN), ']']),
      fc.tuple(small, fc.option(small)).map(([a, b]): GenPart[] => (b ? ['[', slot(a, PREC.ALT), ':', slot(b, PREC.ALT), ']'] : ['[', slot(a, PREC.ALT), ':]'])),
      fc.constantFrom<GenPart[]>(['[]'], ['?'], ['[]?']),
    );
  }

  private objectEntry(scope: Scope, depth: number): fc.Arbitrary<GenPart[]> {
    const value = this.sub(scope, depth);
    const options: fc.WeightedArbitrary<GenPart[]>[] = [
      { arbitrary: fc.tuple(fc.constantFrom(...KEYS, 'if', 'and'), value).map(([k, v]): GenPart[] => [`${keyText(k)}: `, slot(v, PREC.TERM)]), weight: 60 },
      { arbitrary: fc.constantFrom('a', 'b', 'foo', '"x"', '"a b"').map((k): GenPart[] => [k]), weight: 20 },
      { arbitrary: fc.tuple(this.sub(scope, 0), value).map(([k, v]): GenPart[] => ['(', slot(k, OPEN), '): ', slot(v, PREC.TERM)]), weight: 20 },
      { arbitrary: fc.tuple(this.sub(scope, 0), value).map(([k, v]): GenPart[] => ['"k\\(', slot(k, OPEN), ')": ', slot(v, PREC.TERM)]), weight: 10 },
      { arbitrary: value.map((v): GenPart[] => ['@base64 "k": ', slot(v, PREC.TERM)]), weight: 3 },
    ];
    if (scope.vars.length > 0) options.push({ arbitrary: fc.constantFrom(...scope.vars).map((v): GenPart[] => [`$${v}`]), weight: 10 });
    return fc.oneof(...options);
  }

  private object(entries: GenPart[][]): GenNode {
    const parts: GenPart[] = ['{'];
    entries.forEach((entry, i) => {
      if (i > 0) parts.push(', ');
      parts.push(...entry);
    });
    parts.push('}');
    return node(PREC.TERM, ...parts);
  }

  private interpolation(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc
      .tuple(fc.constantFrom('', '@base64 ', '@json ', '@html ', '@uri ', '@sh ', '@csv ', '@text '), fc.constantFrom('', 'a', 'x: '), this.sub(scope, depth), fc.constantFrom('', '!', ' b'))
      .map(([format, before, e, after]) => node(format === '' ? PREC.TERM : PREC.ATOM, `${format}"${before}\\(`, slot(e, OPEN), `)${after}"`));
  }

  private ifExpr(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const sub = this.sub(scope, depth);
    const elif = fc.oneof({ arbitrary: fc.constant(null), weight: 30 }, { arbitrary: fc.tuple(sub, sub), weight: 10 });
    // jq 1.6 requires `else`; one `if` in ~30 leaves it out, to check that we reject that too.
    const elseBranch = fc.option(sub, { freq: 30 });
    return fc.tuple(sub, sub, elif, elseBranch).map(([c, t, elifBranch, otherwise]) => {
      const parts: GenPart[] = ['if ', slot(c, OPEN), ' then ', slot(t, OPEN)];
      if (elifBranch) parts.push(' elif ', slot(elifBranch[0], OPEN), ' then ', slot(elifBranch[1], OPEN));
      if (otherwise) parts.push(' else ', slot(otherwise, OPEN));
      parts.push(' end');
      return node(PREC.ATOM, ...parts);
    });
  }

  private tryExpr(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const sub = this.sub(scope, depth);
    return fc.tuple(sub, fc.option(sub)).map(([body, handler]) =>
      handler
        ? node(PREC.PIPE, 'try ', slot(body, PREC.TERM), ' catch ', slot(handler, PREC.TERM))
        : node(PREC.PIPE, 'try ', slot(body, PREC.TERM)),
    );
  }

  private reduceOrForeach(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc.tuple(fc.boolean(), this.sub(scope, depth), this.pattern(), fc.boolean()).chain(([isReduce, source, pat, extract]) => {
      const inner = withVars(scope, pat.vars);
      const body = this.sub(inner, depth);
      return fc.tuple(this.sub(scope, depth), body, body).map(([init, update, ext]) => {
        const head: GenPart[] = [isReduce ? 'reduce ' : 'foreach ', slot(source, PREC.TERM), ` as ${pat.text} (`, slot(init, PREC.PIPE), '; ', slot(update, PREC.PIPE)];
        if (!isReduce && extract) head.push('; ', slot(ext, PREC.PIPE));
        return node(PREC.ATOM, ...head, ')');
      });
    });
  }

  private binding(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc.tuple(this.sub(scope, depth), this.pattern(), fc.integer({ min: 0, max: 9 })).chain(([source, pat, alt]) => {
      const body = this.sub(withVars(scope, pat.vars), depth);
      // One in ten uses jq 1.6's destructuring alternative `?//` with a plain variable fallback.
      const alternative = alt === 0 && pat.vars.length === 1 && pat.text !== `$${pat.vars[0]}` ? ` ?// $${pat.vars[0]}` : '';
      return body.map((b) => node(OPEN, slot(source, PREC.TERM), ` as ${pat.text}${alternative} | `, slot(b, PREC.PIPE)));
    });
  }

  private definition(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const kinds: readonly (readonly ('filter' | 'value')[])[] = [[], ['filter'], ['value'], ['filter', 'value']];
    return fc.tuple(fc.constantFrom(...FUNC_NAMES), fc.constantFrom(...kinds)).chain(([name, params]) => {
      let bodyScope = scope;
      const paramText: string[] = [];
      for (const p of params) {
        if (p === 'filter') {
          bodyScope = withFunc(bodyScope, { name: 'h', params: [] });
          paramText.push('h');
        } else {
          bodyScope = withVars(bodyScope, ['p']);
          paramText.push('$p');
        }
      }
      const head = params.length === 0 ? `def ${name}: ` : `def ${name}(${paramText.join('; ')}): `;
      const rest = withFunc(scope, { name, params });
      return fc.tuple(this.sub(bodyScope, depth), this.sub(rest, depth)).map(([body, after]) => node(OPEN, head, slot(body, OPEN), '; ', slot(after, OPEN)));
    });
  }

  private labelExpr(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const inner: Scope = { ...scope, labels: [...new Set([...scope.labels, 'out'])] };
    return this.sub(inner, depth).map((body) => node(OPEN, 'label $out | ', slot(body, PREC.PIPE)));
  }

  private assignment(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    return fc
      .tuple(this.pathExpr(scope, depth), fc.constantFrom(...ASSIGN_OPS), this.sub(scope, depth))
      .map(([lhs, op, rhs]) => node(PREC.ASSIGN, slot(lhs, PREC.OR), ` ${op} `, slot(rhs, PREC.OR)));
  }

  private builtinCall(scope: Scope, depth: number): fc.Arbitrary<GenNode> {
    const withArgs = BUILTINS.filter((b) => b.args.length > 0);
    return fc.constantFrom(...withArgs).chain((b) => fc.tuple(...b.args.map((kind) => this.arg(kind, scope, depth))).map((args) => this.call(b.name, args)));
  }
}

/** A random program of nesting depth 1 to `maxDepth` (default 3), as a tree. */
export function programArb(maxDepth = 3): fc.Arbitrary<GenNode> {
  const arbitraries = new ProgramArbitraries();
  return fc.integer({ min: 1, max: maxDepth }).chain((depth) => arbitraries.expr(ROOT, depth));
}
