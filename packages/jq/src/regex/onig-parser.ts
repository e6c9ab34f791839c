/**
 * Recursive-descent parser for jq's regex syntax (Oniguruma's Perl_NG flavour with named groups
 * capturing). Grammar, loosely:
 *
 *     alternation := sequence ('|' sequence)*
 *     sequence    := piece+            (an empty piece where nothing follows)
 *     piece       := atom quantifier*
 *     atom        := literal run | escape | class | '(' group ')'
 *
 * The result is an {@link OnigNode} tree in which the inline options in force are already folded
 * into the leaves, so the emitter never tracks `(?i)` scopes itself. Errors carry Oniguruma's
 * message texts; when a pattern has several problems, the one met first while reading left to
 * right is reported, as jq does.
 * @module
 */
import type { ClassItem, OnigNode, OnigOptions, ParsedPattern } from './onig-ast.js';
import { parseClass, readProperty } from './onig-class.js';
import { onigError } from './onig-error.js';
import { fetchToken, type Token } from './onig-lexer.js';
import { Scanner } from './onig-scanner.js';
import { quantify } from './onig-quantifiers.js';
import { parseAbsent, parseCondition, parseContentsCallout, parseNamedCallout, type GroupParser } from './onig-special-groups.js';
import { checkPattern } from './pattern-checks.js';
import { SPACE_ATOMS, DIGIT_ATOMS, WORD_CHAR_ATOMS } from './unicode-props.js';
import { decodeUtf8Lead, isValidUtf8, utf8Length } from './utf8.js';

/** The token that ends an alternation: the end of the pattern, or the `)` of a group. */
type Closer = 'eot' | 'close';

type CallNode = Extract<OnigNode, { kind: 'call' }>;

/** What `(` introduced: a node, or an options switch that applies to the rest of the group. */
type GroupResult = { sort: 'node'; node: OnigNode } | { sort: 'switch' };

const SHORTHAND_ATOMS = { word: WORD_CHAR_ATOMS, digit: DIGIT_ATOMS, space: SPACE_ATOMS } as const;

/** A class with no members: matches nothing. */
const NOTHING: OnigNode = { kind: 'class', items: [], negated: false, ci: false, fold: false };

const EMPTY: OnigNode = { kind: 'empty' };

/**
 * Parses a pattern under the `options` given by jq's flags. Throws {@link OnigPatternError} with
 * Oniguruma's message for an invalid pattern.
 * @internal
 */
export function parseOnigPattern(pattern: string, options: OnigOptions): ParsedPattern {
  return new PatternParser(pattern, options).run();
}

class PatternParser implements GroupParser {
  readonly sc: Scanner;
  /** The options at the current point; each group restores its caller's on exit. */
  private opts: OnigOptions;
  /** The lookahead token. */
  private look: Token = { type: 'eot' };
  private readonly groupNames: (string | null)[] = [null];
  private readonly groupBodies: OnigNode[] = [EMPTY];
  /** Group numbers used by back-references, validated once all groups are known. */
  private readonly referenced: number[] = [];
  /** Subexpression calls, resolved once all groups are known. */
  private readonly pendingCalls: CallNode[] = [];

  constructor(pattern: string, options: OnigOptions) {
    this.sc = new Scanner(pattern);
    this.opts = { ...options };
  }

  run(): ParsedPattern {
    this.advance();
    const root = this.alternation('eot');
    const groupCount = this.sc.numMem;
    for (const n of this.referenced) {
      if (n > groupCount) throw onigError('INVALID_BACKREF');
    }
    for (const call of this.pendingCalls) this.resolveCall(call, groupCount);
    this.groupBodies[0] = root;
    const parsed: ParsedPattern = { root, groupCount, names: this.groupNames, groupBodies: this.groupBodies };
    checkPattern(parsed);
    return parsed;
  }

  private resolveCall(call: CallNode, groupCount: number): void {
    if (call.name === null) {
      if (call.index > groupCount) throw onigError('UNDEFINED_GROUP_REFERENCE', String(call.index));
      return;
    }
    const targets = this.sc.names.get(call.name);
    if (targets === undefined) throw onigError('UNDEFINED_NAME_REFERENCE', call.name);
    if (targets.length !== 1) throw onigError('MULTIPLEX_DEFINITION_NAME_CALL', call.name);
    call.index = targets[0]!;
  }

  private advance(): void {
    this.look = fetchToken(this.sc, this.opts);
  }

  private atBranchEnd(closer: Closer): boolean {
    const t = this.look.type;
    return t === closer || t === 'alt' || t === 'eot';
  }

  // ---- alternation / sequence / piece --------------------------------------------------------

  private alternation(closer: Closer): OnigNode {
    const outer = { ...this.opts };
    const branches = [this.sequence(closer)];
    while (this.look.type === 'alt') {
      this.advance();
      branches.push(this.sequence(closer));
    }
    if (this.look.type !== closer) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
    this.opts = outer;
    return branches.length === 1 ? branches[0]! : { kind: 'alt', alts: branches };
  }

  private sequence(closer: Closer): OnigNode {
    const pieces = [this.piece(closer)];
    while (!this.atBranchEnd(closer)) pieces.push(this.piece(closer));
    return pieces.length === 1 ? pieces[0]! : { kind: 'seq', items: pieces };
  }

  /** An atom and its quantifiers. A quantifier after a literal run binds to its last character. */
  private piece(closer: Closer): OnigNode {
    const atom = this.atom(closer);
    if (atom === undefined) return EMPTY;
    let { node } = atom;
    let prefix: OnigNode[] = [];
    let run = atom.run;
    while (this.look.type === 'repeat') {
      const q = this.look;
      if (cannotRepeat(node)) throw onigError('TARGET_OF_REPEAT_OPERATOR_INVALID');
      if (run && node.kind === 'seq') {
        prefix = node.items.slice(0, -1);
        node = node.items[node.items.length - 1]!;
      }
      run = false;
      node = quantify({ min: q.lower, max: q.upper, greedy: q.greedy }, node);
      if (q.possessive) node = { kind: 'atomic', body: node };
      this.advance();
    }
    return prefix.length === 0 ? node : { kind: 'seq', items: [...prefix, node] };
  }

  /**
   * The next atom, leaving the token after it in `look`; undefined when the branch ends here
   * (possibly after option switches such as `(?i)`). `run` marks a literal run of several
   * characters.
   */
  private atom(closer: Closer): { node: OnigNode; run: boolean } | undefined {
    for (;;) {
      if (this.atBranchEnd(closer)) return undefined;
      const t = this.look;
      switch (t.type) {
        case 'open': {
          const g = this.group();
          this.advance();
          if (g.sort === 'switch') continue;
          return { node: g.node, run: false };
        }
        case 'string':
          return this.literalRun(t.cps);
        case 'quoteOpen':
          return this.quoted();
        case 'crudeByte':
          return { node: this.rawBytes(t.byte), run: false };
        default: {
          const node = this.simple(t);
          this.advance();
          return { node, run: false };
        }
      }
    }
  }

  /** Adjacent plain characters become one run. */
  private literalRun(first: number[]): { node: OnigNode; run: boolean } {
    const cps = [...first];
    this.advance();
    while (this.look.type === 'string') {
      cps.push(...this.look.cps);
      this.advance();
    }
    return { node: this.literal(cps), run: cps.length > 1 };
  }

  /** `\Q...\E`: everything up to `\E` (or the end) is literal. */
  private quoted(): { node: OnigNode; run: boolean } {
    const { sc } = this;
    const from = sc.p;
    let to = from;
    while (to < sc.cps.length && !(sc.cps[to] === 0x5c && sc.cps[to + 1] === 0x45)) to++;
    const cps = sc.cps.slice(from, to);
    sc.p = Math.min(to + 2, sc.cps.length);
    this.advance();
    return { node: cps.length === 0 ? EMPTY : this.literal(cps), run: cps.length > 1 };
  }

  /** `\xHH` / octal escapes given as UTF-8 bytes: consecutive ones form one character. */
  private rawBytes(lead: number): OnigNode {
    const bytes = [lead];
    const want = utf8Length(lead);
    while (bytes.length < want) {
      this.advance();
      if (this.look.type !== 'crudeByte') throw onigError('TOO_SHORT_MULTI_BYTE_STRING');
      bytes.push(this.look.byte);
    }
    this.advance();
    if (!isValidUtf8(bytes)) throw onigError('INVALID_CODE_POINT_VALUE');
    const { ci } = this.opts;
    // A lone byte F5..FF is a "character" no UTF-8 text contains, except under `i`, where case
    // folding reads it as U+00F5..U+00FF (`\xff` matches ÿ).
    if (bytes.length === 1 && lead >= 0x80 && !ci) return NOTHING;
    return { kind: 'char', cp: decodeUtf8Lead(bytes), ci };
  }

  private literal(cps: number[]): OnigNode {
    const { ci } = this.opts;
    const chars: OnigNode[] = cps.map((cp) => ({ kind: 'char', cp, ci }));
    return chars.length === 1 ? chars[0]! : { kind: 'seq', items: chars };
  }

  /** Single-token atoms. */
  private simple(t: Token): OnigNode {
    const { ci, dotall } = this.opts;
    const shorthand = (item: ClassItem): OnigNode => ({ kind: 'class', items: [item], negated: false, ci, fold: false });
    switch (t.type) {
      case 'close':
        throw onigError('UNMATCHED_CLOSE_PARENTHESIS');
      case 'repeat':
        throw onigError('TARGET_OF_REPEAT_OPERATOR_NOT_SPECIFIED');
      case 'codePoint':
        // Code points whose UTF-8 lead byte would exceed F4 are refused.
        if (t.cp >= 0x140000) throw onigError('INVALID_CODE_POINT_VALUE');
        return { kind: 'char', cp: t.cp, ci };
      case 'charType':
        return shorthand({ kind: 'prop', atoms: [...SHORTHAND_ATOMS[t.ctype]], negated: t.negated, caseClosed: true });
      case 'charProperty':
        return shorthand(readProperty(this.sc, t.negated));
      case 'openClass': {
        const cls = parseClass(this.sc);
        return { kind: 'class', items: cls.items, negated: cls.negated, ci, fold: true };
      }
      case 'anychar':
        return { kind: 'any', dotall };
      case 'noNewline':
        return { kind: 'any', dotall: false };
      case 'trueAnychar':
        return { kind: 'any', dotall: true };
      case 'backref':
        this.referenced.push(...t.groups);
        return { kind: 'backref', groups: t.groups, ci };
      case 'call': {
        const call: CallNode = { kind: 'call', index: t.gnum, name: t.name };
        this.pendingCalls.push(call);
        return call;
      }
      case 'anchor':
        return { kind: 'anchor', anchor: t.anchor };
      case 'keep':
        return { kind: 'keep' };
      case 'generalNewline':
        return { kind: 'generalNewline' };
      case 'textSegment':
        return { kind: 'graphemeCluster' };
      default:
        throw new Error(`unexpected regex token ${t.type}`);
    }
  }

  // ---- groups ----------------------------------------------------------------------------------

  /** After `(`: the kind of group is decided by what follows. */
  private group(): GroupResult {
    const { sc } = this;
    const node = (n: OnigNode): GroupResult => ({ sort: 'node', node: n });
    if (sc.end()) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
    if (sc.peekIs('*')) {
      sc.inc();
      return node(parseNamedCallout(sc));
    }
    if (!sc.peekIs('?')) return node(this.capturing(null));
    sc.inc();
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    const kind = String.fromCodePoint(sc.fetch());
    switch (kind) {
      case ':':
        return node(this.body());
      case '=':
      case '!':
        return node({ kind: 'look', behind: false, negated: kind === '!', body: this.body() });
      case '>':
        return node({ kind: 'atomic', body: this.body() });
      case "'":
        return node(this.capturing(this.groupName(0x27)));
      case '<':
        return node(this.angleGroup());
      case '~':
        return node(parseAbsent(this));
      case '{':
        return node(parseContentsCallout(sc));
      case '(':
        return node(parseCondition(this));
      case '-':
      case 'i':
      case 'm':
      case 's':
      case 'x':
        return this.optionGroup(kind);
      default:
        throw onigError('UNDEFINED_GROUP_OPTION');
    }
  }

  /** After `(?<`: a look-behind or a named group. */
  private angleGroup(): OnigNode {
    const { sc } = this;
    if (sc.end()) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
    const c = sc.fetch();
    if (c === 0x3d || c === 0x21) return { kind: 'look', behind: true, negated: c === 0x21, body: this.body() };
    sc.unfetch();
    return this.capturing(this.groupName(0x3c));
  }

  /**
   * `(?imsx-imsx)` switches the options for the rest of the enclosing group; `(?imsx-imsx:...)`
   * scopes them to its body. `first` is the letter already read.
   */
  private optionGroup(first: string): GroupResult {
    const { sc } = this;
    const scoped = { ...this.opts };
    let off = false;
    for (let c = first; ; c = String.fromCodePoint(sc.fetch())) {
      if (c === ')') {
        this.opts = scoped;
        return { sort: 'switch' };
      }
      if (c === ':') {
        const outer = this.opts;
        this.opts = scoped;
        const body = this.body();
        this.opts = outer;
        return { sort: 'node', node: { kind: 'seq', items: [body] } };
      }
      switch (c) {
        case '-':
          off = true;
          break;
        case 'i':
          scoped.ci = !off;
          break;
        case 'm':
          scoped.singleline = off;
          break;
        case 's':
          scoped.dotall = !off;
          break;
        case 'x':
          scoped.extend = !off;
          break;
        default:
          throw onigError('UNDEFINED_GROUP_OPTION');
      }
      if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    }
  }

  /** Reads a group body up to its `)` (the `)` stays the lookahead token). */
  body(): OnigNode {
    this.advance();
    return this.alternation('close');
  }

  noteReferences(groups: number[]): void {
    this.referenced.push(...groups);
  }

  private groupName(open: number): string {
    const from = this.sc.p;
    const { nameEnd } = this.sc.fetchName(open, false);
    return this.sc.text(from, nameEnd);
  }

  private capturing(name: string | null): OnigNode {
    const index = ++this.sc.numMem;
    this.groupNames[index] = name;
    if (name !== null) {
      const same = this.sc.names.get(name);
      if (same) same.push(index);
      else this.sc.names.set(name, [index]);
    }
    const body = this.body();
    this.groupBodies[index] = body;
    return { kind: 'group', index, body };
  }
}

/** Anchors, look-arounds and `\K` cannot be quantified (nor an alternation containing one). */
function cannotRepeat(node: OnigNode): boolean {
  if (node.kind === 'anchor' || node.kind === 'look' || node.kind === 'keep') return true;
  return node.kind === 'alt' && node.alts.some(cannotRepeat);
}
