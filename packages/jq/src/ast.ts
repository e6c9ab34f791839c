/**
 * The jq abstract syntax tree: what the parser produces, the printer prints and the compiler
 * compiles. Every node carries `start`/`end` source offsets (UTF-16 code units into the program).
 * @module
 */

/** A JSON value as the engine sees it: plain JS data, objects keep insertion order. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Source span of a node: offsets into the program text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Binary arithmetic and comparison operators, by their jq spelling. */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Assignment operators, by their jq spelling. */
export type AssignOp = '=' | '|=' | '+=' | '-=' | '*=' | '/=' | '%=' | '//=';

/** One part of a string literal: literal text, or an interpolated expression `\(e)`. */
export type StringPart = string | Node;

/** A key in object construction `{...}`. */
export type ObjectKey =
  /** `{a: ...}` or `{a}`: a bare identifier or keyword used as a key. */
  | { kind: 'ident'; name: string }
  /** `{$x}`: key "x", value `$x` (value is always null in the entry). */
  | { kind: 'var'; name: string }
  /** `{"a b": ...}` / `{"\(.k)": ...}` / `{@base64 "x": ...}`: a string literal, maybe interpolated. */
  | { kind: 'string'; node: StringNode }
  /** `{(.k): ...}`: a parenthesized expression whose outputs are the keys; `node` is what is inside the parentheses. */
  | { kind: 'expr'; node: Node };

/** An entry of object construction. `value` is null for the shorthand forms `{a}`, `{$x}`, `{"a"}`. */
export interface ObjectEntry {
  key: ObjectKey;
  value: Node | null;
}

/** A destructuring pattern after `as`. */
export type Pattern =
  | ({ kind: 'var'; name: string } & Span)
  | ({ kind: 'array'; elements: Pattern[] } & Span)
  | ({ kind: 'object'; entries: ObjectPatternEntry[] } & Span);

/**
 * An entry of an object pattern:
 * `{$a}` → key {var a}, value null; `{$a: [$b]}` → key {var a} and value pattern (binds both);
 * `{a: $x}` → key {ident a}; `{"a": $x}` / `{"\(.k)": $x}` → key {string}; `{(e): $x}` → key {expr}.
 */
export interface ObjectPatternEntry {
  key: ObjectKey;
  value: Pattern | null;
}

/** A string literal, possibly with interpolation and a format (`@base64 "x\(.a)"`). */
export interface StringNode extends Span {
  kind: 'String';
  /** Literal text and interpolated expressions, in order. A constant string has one string part (or none). */
  parts: StringPart[];
  /** The format applied to interpolated values, e.g. "@base64"; null means `tostring` (plain strings). */
  format: string | null;
}

/** Every expression node. */
export type Node =
  /** `.` */
  | ({ kind: 'Identity' } & Span)
  /** `..` */
  | ({ kind: 'RecurseDefault' } & Span)
  /** A number, `true`, `false` or `null` literal. (Strings are StringNode.) */
  | ({ kind: 'Literal'; value: number | boolean | null } & Span)
  | StringNode
  /** A standalone format such as `@base64`, applied to `.`; `name` keeps the `@`. */
  | ({ kind: 'Format'; name: string } & Span)
  /**
   * `.foo`, `."foo"`, `.[e]`, `t.foo`, `t[e]`. `target` is the term indexed (Identity for a leading dot).
   * `.foo` has `index` = String node "foo".
   */
  | ({ kind: 'Index'; target: Node; index: Node } & Span)
  /** `t[from:to]`; either bound may be null. */
  | ({ kind: 'Slice'; target: Node; from: Node | null; to: Node | null } & Span)
  /** `t[]` */
  | ({ kind: 'Iterate'; target: Node } & Span)
  /**
   * `try body catch handler`; `body?` and `try body` have handler null. `indexOnly` is true on jq
   * 1.6's postfix `?` of an indexing term (`t.foo?`, `t."s"?`, `t[e]?`, `t[]?`, `t[a:b]?`; `body` is
   * then that Index/Slice/Iterate): there jq 1.6 suppresses only the error of the indexing step
   * itself (INDEX_OPT/EACH_OPT), so errors raised by `t` or `e` propagate: `1 | .a.b?` fails with
   * `Cannot index number with string "a"`, `.[error("x")]?` fails with "x".
   */
  | ({ kind: 'Try'; body: Node; handler: Node | null; indexOnly?: boolean } & Span)
  | ({ kind: 'Pipe'; left: Node; right: Node } & Span)
  | ({ kind: 'Comma'; left: Node; right: Node } & Span)
  /** Unary minus `-e`. */
  | ({ kind: 'Neg'; operand: Node } & Span)
  | ({ kind: 'Binary'; op: BinaryOp; left: Node; right: Node } & Span)
  | ({ kind: 'And'; left: Node; right: Node } & Span)
  | ({ kind: 'Or'; left: Node; right: Node } & Span)
  /** `left // right` */
  | ({ kind: 'Alternative'; left: Node; right: Node } & Span)
  | ({ kind: 'Assign'; op: AssignOp; left: Node; right: Node } & Span)
  /** `if c then t (elif c then t)* (else e)? end`; `otherwise` null means no else (jq 1.7 only; 1.6 requires else). */
  | ({ kind: 'If'; branches: { cond: Node; then: Node }[]; otherwise: Node | null } & Span)
  /**
   * `reduce source as pattern (init; update)`. jq 1.6 also allows `?//` alternatives here
   * (`reduce .[] as [$a] ?// $a (...)`): `patterns` then lists them all, `patterns[0]` being
   * `pattern`. The parser always sets `patterns`; hand-built nodes may omit it.
   */
  | ({ kind: 'Reduce'; source: Node; pattern: Pattern; patterns?: Pattern[]; init: Node; update: Node } & Span)
  /** `foreach source as pattern (init; update)` or `(init; update; extract)`; `patterns` as for Reduce. */
  | ({ kind: 'Foreach'; source: Node; pattern: Pattern; patterns?: Pattern[]; init: Node; update: Node; extract: Node | null } & Span)
  /**
   * `def name(params): body; rest`. Params are names; a `$name` param is spelled with its `$`.
   * `rest` is the expression the definition scopes over.
   */
  | ({ kind: 'FuncDef'; name: string; params: string[]; body: Node; rest: Node } & Span)
  /** A call `name` or `name(a; b)`, builtin or user-defined. */
  | ({ kind: 'Call'; name: string; args: Node[] } & Span)
  /** `$name` (without the `$`); `$__loc__` is kind Loc. */
  | ({ kind: 'Var'; name: string } & Span)
  /** `$__loc__`: `{file: "<stdin>", line}` with the 1-based line of the token. */
  | ({ kind: 'Loc'; line: number } & Span)
  /** `source as p1 ?// p2 ... | body`; `patterns` has one entry unless `?//` alternatives are used. */
  | ({ kind: 'As'; source: Node; patterns: Pattern[]; body: Node } & Span)
  /** `label $name | body` */
  | ({ kind: 'Label'; label: string; body: Node } & Span)
  /** `break $name` */
  | ({ kind: 'Break'; label: string } & Span)
  /** `[e]`; `[]` has body null. */
  | ({ kind: 'Array'; body: Node | null } & Span)
  | ({ kind: 'Object'; entries: ObjectEntry[] } & Span)
  /** `(e)`, kept so the printer can round-trip; the compiler sees through it. */
  | ({ kind: 'Paren'; body: Node } & Span);

/** A module directive at the top of a program (`module {...};`, `import "p" as n;`, `include "p";`). */
export interface Directive extends Span {
  kind: 'module' | 'import' | 'include';
  /** The path string of import/include. */
  path?: string;
  /** The alias of `import "p" as name` (`$name` for data imports, spelled with `$`). */
  alias?: string;
  /** Metadata expression, if any. */
  metadata?: Node;
}

/** A whole parsed program. */
export interface Program {
  directives: Directive[];
  body: Node;
}

/** Names that are keywords in jq 1.6 and cannot be function names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  '__loc__', 'and', 'as', 'break', 'catch', 'def', 'elif', 'else', 'end', 'foreach', 'if', 'import',
  'include', 'label', 'module', 'or', 'reduce', 'then', 'try',
]);
