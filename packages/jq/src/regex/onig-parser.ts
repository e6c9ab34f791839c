/**
 * The Oniguruma pattern parser: a port of 6.9.8's `prs_alts`/`prs_branch`/`prs_exp`/`prs_bag`
 * for ONIG_SYNTAX_PERL_NG with jq's ONIG_OPTION_CAPTURE_GROUP, giving the same errors in the
 * same order. Produces an {@link OnigNode} tree with options resolved into the leaves.
 * @module
 */
import type { OnigNode, OnigOptions, ParsedPattern } from './onig-ast.js';
import { parseClass, readProperty } from './onig-class.js';
import { onigError } from './onig-error.js';
import { fetchToken, type Token } from './onig-lexer.js';
import { Scanner } from './onig-scanner.js';
import { quantify } from './onig-quantifiers.js';
import { parseAbsent, parseCondition, parseContentsCallout, parseNamedCallout, type GroupParser } from './onig-special-groups.js';
import { checkPattern } from './pattern-checks.js';
import { SPACE_ATOMS, DIGIT_ATOMS, WORD_CHAR_ATOMS } from './unicode-props.js';
import { decodeUtf8Lead, isValidUtf8, utf8Length } from './utf8.js';

type Term = 'eot' | 'close';

const CTYPE_ATOMS = { word: WORD_CHAR_ATOMS, digit: DIGIT_ATOMS, space: SPACE_ATOMS } as const;
const NEVER: OnigNode = { kind: 'class', items: [], negated: false, ci: false, fold: false };

/**
 * Parses an Oniguruma (Perl_NG) pattern under the initial `options` (from jq's flags). Throws
 * {@link OnigPatternError} with Oniguruma's message for an invalid pattern.
 * @internal
 */
export function parseOnigPattern(pattern: string, options: OnigOptions): ParsedPattern {
  return new Parser(pattern, options).parse();
}

class Parser implements GroupParser {
  readonly sc: Scanner;
  private options: OnigOptions;
  private tok: Token = { type: 'eot' };
  private readonly names: (string | null)[] = [null];
  private readonly bodies: OnigNode[] = [{ kind: 'empty' }];
  private readonly backrefs: number[] = [];
  private readonly calls: Extract<OnigNode, { kind: 'call' }>[] = [];

  constructor(pattern: string, options: OnigOptions) {
    this.sc = new Scanner(pattern);
    this.options = { ...options };
  }

  parse(): ParsedPattern {
    this.next();
    const root = this.alts('eot');
    const groupCount = this.sc.numMem;
    if (this.backrefs.some((n) => n > groupCount)) throw onigError('INVALID_BACKREF');
    for (const call of this.calls) {
      if (call.name !== null) {
        const groups = this.sc.names.get(call.name);
        if (!groups) throw onigError('UNDEFINED_NAME_REFERENCE', call.name);
        if (groups.length > 1) throw onigError('MULTIPLEX_DEFINITION_NAME_CALL', call.name);
        call.index = groups[0]!;
      } else if (call.index > groupCount) {
        throw onigError('UNDEFINED_GROUP_REFERENCE', String(call.index));
      }
    }
    this.bodies[0] = root;
    const parsed = { root, groupCount, names: this.names, groupBodies: this.bodies };
    checkPattern(parsed);
    return parsed;
  }

  private next(): void {
    this.tok = fetchToken(this.sc, this.options);
  }

  private alts(term: Term): OnigNode {
    const saved = { ...this.options };
    const first = this.branch(term);
    let top = first;
    if (this.tok.type === 'alt') {
      const alts = [first];
      while (this.tok.type === 'alt') {
        this.next();
        alts.push(this.branch(term));
      }
      top = { kind: 'alt', alts };
    }
    if (this.tok.type !== term) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
    this.options = saved;
    return top;
  }

  private branch(term: Term): OnigNode {
    const items: OnigNode[] = [];
    do items.push(this.exp(term));
    while (this.tok.type !== 'eot' && this.tok.type !== term && this.tok.type !== 'alt');
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  }

  /** One atom with its quantifiers; leaves the following token in `this.tok`. */
  private exp(term: Term): OnigNode {
    let atom: OnigNode;
    let isString = false;
    let isGroup = false;
    for (;;) {
      const tok = this.tok;
      if (tok.type === term || tok.type === 'alt' || tok.type === 'eot') return { kind: 'empty' };
      if (tok.type === 'open') {
        const bag = this.bag();
        if (bag === 'options') {
          this.next();
          continue;
        }
        atom = bag.node;
        isGroup = bag.plain;
        this.next();
        break;
      }
      if (tok.type === 'string') {
        const cps = [...tok.cps];
        this.next();
        while (this.tok.type === 'string') {
          cps.push(...this.tok.cps);
          this.next();
        }
        atom = this.chars(cps);
        isString = cps.length > 1;
        break;
      }
      if (tok.type === 'quoteOpen') {
        const { cps } = this.sc;
        let end = this.sc.p;
        while (end < cps.length && !(cps[end] === 0x5c && cps[end + 1] === 0x45)) end++;
        const quoted = cps.slice(this.sc.p, end);
        this.sc.p = Math.min(end + 2, cps.length);
        atom = quoted.length === 0 ? { kind: 'empty' } : this.chars(quoted);
        isString = quoted.length > 1;
        this.next();
        break;
      }
      if (tok.type === 'crudeByte') {
        const bytes = [tok.byte];
        while (bytes.length < utf8Length(bytes[0]!)) {
          this.next();
          if (this.tok.type !== 'crudeByte') throw onigError('TOO_SHORT_MULTI_BYTE_STRING');
          bytes.push(this.tok.byte);
        }
        this.next();
        if (!isValidUtf8(bytes)) throw onigError('INVALID_CODE_POINT_VALUE');
        // A lone byte F5..FF is a valid "character" to Oniguruma that no UTF-8 text contains,
        // except under `i`, where case folding reads it as U+00F5..U+00FF (`\xff` matches ÿ).
        const { ci } = this.options;
        atom =
          bytes.length === 1 && bytes[0]! >= 0x80 && !ci
            ? NEVER
            : { kind: 'char', cp: decodeUtf8Lead(bytes), ci };
        break;
      }
      atom = this.simpleAtom(tok);
      this.next();
      break;
    }
    let head: OnigNode[] = [];
    while (this.tok.type === 'repeat') {
      const r = this.tok;
      if (invalidQuantifierTarget(atom)) throw onigError('TARGET_OF_REPEAT_OPERATOR_INVALID');
      if (isString && atom.kind === 'seq' && !isGroup) {
        head = atom.items.slice(0, -1);
        atom = atom.items[atom.items.length - 1]!;
      }
      isString = false;
      atom = quantify({ min: r.lower, max: r.upper, greedy: r.greedy }, atom);
      if (r.possessive) atom = { kind: 'atomic', body: atom };
      this.next();
    }
    return head.length > 0 ? { kind: 'seq', items: [...head, atom] } : atom;
  }

  private chars(cps: number[]): OnigNode {
    const ci = this.options.ci;
    if (cps.length === 1) return { kind: 'char', cp: cps[0]!, ci };
    return { kind: 'seq', items: cps.map((cp) => ({ kind: 'char', cp, ci })) };
  }

  private simpleAtom(tok: Token): OnigNode {
    const { ci } = this.options;
    switch (tok.type) {
      case 'close':
        throw onigError('UNMATCHED_CLOSE_PARENTHESIS');
      case 'codePoint':
        // Oniguruma encodes the code point and then rejects a lead byte above F4.
        if (tok.cp >= 0x140000) throw onigError('INVALID_CODE_POINT_VALUE');
        return { kind: 'char', cp: tok.cp, ci };
      case 'charType':
        return { kind: 'class', items: [prop(CTYPE_ATOMS[tok.ctype], tok.negated)], negated: false, ci, fold: false };
      case 'charProperty':
        return { kind: 'class', items: [readProperty(this.sc, tok.negated)], negated: false, ci, fold: false };
      case 'openClass': {
        const { items, negated } = parseClass(this.sc);
        return { kind: 'class', items, negated, ci, fold: true };
      }
      case 'anychar':
        return { kind: 'any', dotall: this.options.dotall };
      case 'noNewline':
        return { kind: 'any', dotall: false };
      case 'trueAnychar':
        return { kind: 'any', dotall: true };
      case 'backref':
        this.backrefs.push(...tok.groups);
        return { kind: 'backref', groups: tok.groups, ci };
      case 'call': {
        const call: Extract<OnigNode, { kind: 'call' }> = { kind: 'call', index: tok.gnum, name: tok.name };
        this.calls.push(call);
        return call;
      }
      case 'anchor':
        return { kind: 'anchor', anchor: tok.anchor };
      case 'repeat':
        throw onigError('TARGET_OF_REPEAT_OPERATOR_NOT_SPECIFIED');
      case 'keep':
        return { kind: 'keep' };
      case 'generalNewline':
        return { kind: 'generalNewline' };
      case 'textSegment':
        return { kind: 'graphemeCluster' };
      default:
        throw new Error(`unexpected regex token ${tok.type}`);
    }
  }

  /**
   * `prs_bag` after `(`: a group of some kind. Returns `'options'` for an isolated `(?i)` (which
   * changes the options of the rest of the enclosing group), else the node; `plain` marks a
   * `(?:...)` whose node is its body itself (Oniguruma then checks the body as a quantifier target).
   */
  private bag(): 'options' | { node: OnigNode; plain: boolean } {
    const sc = this.sc;
    if (sc.end()) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
    if (sc.peekIs('*')) {
      sc.inc();
      return { node: parseNamedCallout(sc), plain: false };
    }
    if (!sc.peekIs('?')) return { node: this.capture(null), plain: false };
    sc.inc();
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    let c = String.fromCodePoint(sc.fetch());
    switch (c) {
      case ':':
        return { node: this.body(), plain: true };
      case '=':
      case '!':
        return { node: { kind: 'look', behind: false, negated: c === '!', body: this.body() }, plain: false };
      case '>':
        return { node: { kind: 'atomic', body: this.body() }, plain: false };
      case "'":
        return { node: this.capture(this.groupName(0x27)), plain: false };
      case '<': {
        if (sc.end()) throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
        const d = sc.fetch();
        if (d === 0x3d || d === 0x21) {
          return { node: { kind: 'look', behind: true, negated: d === 0x21, body: this.body() }, plain: false };
        }
        sc.unfetch();
        return { node: this.capture(this.groupName(0x3c)), plain: false };
      }
      case '~':
        return { node: parseAbsent(this), plain: false };
      case '{':
        return { node: parseContentsCallout(sc), plain: false };
      case '(':
        return { node: parseCondition(this), plain: false };
      case '-': case 'i': case 'm': case 's': case 'x': {
        const option = { ...this.options };
        let neg = false;
        for (;;) {
          if (c === ')') {
            this.options = option;
            return 'options';
          }
          if (c === ':') {
            const saved = this.options;
            this.options = option;
            const body = this.body();
            this.options = saved;
            return { node: { kind: 'seq', items: [body] }, plain: false };
          }
          if (c === '-') neg = true;
          else if (c === 'x') option.extend = !neg;
          else if (c === 'i') option.ci = !neg;
          else if (c === 's') option.dotall = !neg;
          else if (c === 'm') option.singleline = neg;
          else throw onigError('UNDEFINED_GROUP_OPTION');
          if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
          c = String.fromCodePoint(sc.fetch());
        }
      }
      default:
        throw onigError('UNDEFINED_GROUP_OPTION');
    }
  }

  /** Reads a group body up to its `)`. */
  body(): OnigNode {
    this.next();
    return this.alts('close');
  }

  noteReferences(groups: number[]): void {
    this.backrefs.push(...groups);
  }

  private groupName(open: number): string {
    const start = this.sc.p;
    const { nameEnd } = this.sc.fetchName(open, false);
    return this.sc.text(start, nameEnd);
  }

  private capture(name: string | null): OnigNode {
    const index = ++this.sc.numMem;
    this.names[index] = name;
    if (name !== null) {
      const list = this.sc.names.get(name);
      if (list) list.push(index);
      else this.sc.names.set(name, [index]);
    }
    const body = this.body();
    this.bodies[index] = body;
    return { kind: 'group', index, body };
  }

}

function prop(atoms: readonly string[], negated: boolean): Extract<OnigNode, { kind: 'class' }>['items'][number] {
  return { kind: 'prop', atoms: [...atoms], negated, caseClosed: true };
}

/** `is_invalid_quantifier_target`: anchors (lookarounds included) and gimmicks like `\K`. */
function invalidQuantifierTarget(node: OnigNode): boolean {
  switch (node.kind) {
    case 'anchor':
    case 'look':
    case 'keep':
      return true;
    case 'alt':
      return node.alts.some(invalidQuantifierTarget);
    default:
      return false;
  }
}
