/**
 * Writes a parsed Oniguruma pattern as JavaScript RegExp source (`u` mode), emulating what
 * JavaScript lacks: atomic groups and possessive quantifiers (`(?=(X))\1`), `\Z`, Oniguruma's
 * line anchors, Unicode `\b`, `\K`, `\G`, subexpression calls (inlined), conditionals, and
 * back-references that fail on unset groups. See docs/regex-differences.md.
 * @module
 */
import type { PatternAnalysis } from './emit-analysis.js';
import { charSource, ciRunSource, classSource, type CharContext } from './emit-chars.js';
import type { AnchorKind, OnigNode, ParsedPattern } from './onig-ast.js';
import { unsupportedError } from './onig-error.js';
import { WORD_CHAR_ATOMS } from './unicode-props.js';

/** Per-search settings of one emitted variant. @internal */
export interface EmitSettings {
  /** Only accept matches at least this many code points long (jq's `n` flag, the `l` search). */
  minLength: number;
  /** Code point index where the search starts, for `\G`. */
  searchStart: number;
}

/** JavaScript source plus where each Oniguruma group's capture lands. @internal */
export interface EmittedRegex {
  source: string;
  /** `u`, plus `i` when JavaScript's own case folding is used. */
  flags: string;
  /** `groupSlots[g]`: JS group numbers holding group `g` (its own, then copies made for calls). */
  groupSlots: number[][];
  /**
   * `tailSlots[g]`: JS groups of copies of group `g` in the extra last iteration added after a
   * greedy loop (see `quant`); when one is set it holds the group's final value.
   */
  tailSlots: number[][];
  /** JS groups marking `\K` positions. */
  keepSlots: number[];
}

const MAX_CALL_DEPTH = 20;
/** Largest `m - n` of a greedy `{n,m}` with a nullable body that is written out iteration by iteration. */
const MAX_UNROLL = 8;
const MAX_SOURCE_LENGTH = 200_000;
const WORD = `[${WORD_CHAR_ATOMS.join('')}]`;
const EXTEND = '[\\p{Grapheme_Extend}\\p{Mc}\\u{200d}\\p{Emoji_Modifier}]';
const NO_GRAPHEME_BREAK = `(?:(?<=\\r)(?=\\n)|(?<=[\\s\\S])(?=${EXTEND})|(?<=\\u{200d})(?=\\p{Extended_Pictographic}))`;
const GRAPHEME =
  '(?:\\r\\n|\\p{Regional_Indicator}{2}|\\p{Extended_Pictographic}(?:\\u{200d}\\p{Extended_Pictographic}|' +
  EXTEND +
  ')*|[\\s\\S]' +
  EXTEND +
  '*)';

const ANCHORS: Readonly<Record<Exclude<AnchorKind, 'searchStart'>, string>> = {
  bos: '^',
  eos: '$',
  semiEos: '(?=\\n?$)',
  bol: '(?:^|(?<=\\n)(?!$))',
  eol: '(?=\\n|$)',
  wordBoundary: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  notWordBoundary: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  grapheme: `(?!${NO_GRAPHEME_BREAK})`,
  notGrapheme: NO_GRAPHEME_BREAK,
};

/** Writes `parsed` for one search setting. @internal */
export function emitRegex(parsed: ParsedPattern, analysis: PatternAnalysis, settings: EmitSettings): EmittedRegex {
  return new Emitter(parsed, analysis, settings).run();
}

class Emitter {
  private slot = 0;
  private readonly groupSlots: number[][];
  private readonly tailSlots: number[][];
  private readonly keepSlots: number[] = [];
  private tailCopy = 0;
  private readonly witness = new Map<number, [number, number]>();
  private readonly primary = new Map<number, number>();
  private noCapture = 0;
  private callDepth = 0;
  private readonly ctx: CharContext;

  constructor(
    private readonly parsed: ParsedPattern,
    private readonly analysis: PatternAnalysis,
    private readonly settings: EmitSettings,
  ) {
    this.groupSlots = Array.from({ length: parsed.groupCount + 1 }, () => []);
    this.tailSlots = Array.from({ length: parsed.groupCount + 1 }, () => []);
    this.ctx = { ciFlag: analysis.ciFlag, inLookbehind: false };
  }

  run(): EmittedRegex {
    const { minLength } = this.settings;
    const tail = minLength > 0 ? ++this.slot : 0;
    let source = this.node(this.parsed.root);
    if (minLength > 0) {
      source = `(?=[\\s\\S]{${minLength}}([\\s\\S]*))(?:${source})(?![\\s\\S]+(?:\\${tail})$)`;
    }
    source = source.replace(/\0([BP])(\d+)\0/g, (_, kind: string, g: string) =>
      kind === 'B' ? this.backref(Number(g)) : this.participated(Number(g)),
    );
    return {
      source,
      flags: this.analysis.ciFlag ? 'iu' : 'u',
      groupSlots: this.groupSlots,
      tailSlots: this.tailSlots,
      keepSlots: this.keepSlots,
    };
  }

  private node(node: OnigNode): string {
    switch (node.kind) {
      case 'empty':
        return '';
      case 'char':
        return charSource(node.cp, node.ci, this.ctx);
      case 'class':
        return classSource(node, this.ctx);
      case 'any':
        return node.dotall ? '[\\s\\S]' : '[^\\n]';
      case 'seq':
        return this.seq(node.items);
      case 'alt':
        return `(?:${node.alts.map((a) => this.node(a)).join('|')})`;
      case 'anchor':
        if (node.anchor !== 'searchStart') return ANCHORS[node.anchor];
        return this.settings.searchStart === 0 ? '^' : `(?<=^[\\s\\S]{${this.settings.searchStart}})`;
      case 'look': {
        const saved = this.ctx.inLookbehind;
        if (node.behind) this.ctx.inLookbehind = true;
        const body = this.node(node.body);
        this.ctx.inLookbehind = saved;
        return `(?${node.behind ? '<' : ''}${node.negated ? '!' : '='}${body})`;
      }
      case 'group':
        return this.group(node.index, node.body, false);
      case 'atomic':
        return this.atomic(() => this.node(node.body));
      case 'quant':
        return this.quant(node);
      case 'backref':
        return `(?:${node.groups.map((g) => `\0B${g}\0`).join('|')})`;
      case 'call':
        return this.call(node.index);
      case 'condition': {
        const check = `(?:${node.groups.map((g) => `\0P${g}\0`).join('|')})`;
        if (!node.yes) return `(?=${check})`;
        const no = node.no ? this.node(node.no) : '';
        return `(?:(?=${check})${this.node(node.yes)}|(?!${check})${no})`;
      }
      case 'conditionPattern': {
        const cond = this.atomic(() => this.node(node.cond));
        const yes = this.node(node.yes);
        this.noCapture++;
        const condCopy = this.node(node.cond);
        this.noCapture--;
        return `(?:${cond}${yes}|(?!${condCopy})${node.no ? this.node(node.no) : ''})`;
      }
      case 'absent': {
        const stop = this.node(node.body);
        if (!node.expr) return `(?:(?!${stop})[\\s\\S])*`;
        // The expression must end before the absent pattern next starts: capture what follows
        // that point, then check the expression left at least that much.
        const rest = ++this.slot;
        return `(?:(?=(?:(?!${stop})[\\s\\S])*([\\s\\S]*))(?:${this.node(node.expr)})(?=[\\s\\S]*(?:\\${rest})$))`;
      }
      case 'keep': {
        if (this.noCapture > 0) return '';
        this.keepSlots.push(++this.slot);
        return '()';
      }
      case 'generalNewline':
        return '(?:\\r\\n|(?!\\r\\n)[\\n\\v\\f\\r\\u{85}\\u{2028}\\u{2029}])';
      case 'graphemeCluster':
        return this.atomic(() => GRAPHEME);
    }
  }

  /** A sequence; runs of case-insensitive characters get multi-character foldings. */
  private seq(items: OnigNode[]): string {
    let out = '';
    for (let i = 0; i < items.length; ) {
      const item = items[i]!;
      if (item.kind === 'char' && item.ci && !this.ctx.inLookbehind) {
        const run: number[] = [];
        while (i < items.length) {
          const c = items[i]!;
          if (c.kind !== 'char' || !c.ci) break;
          run.push(c.cp);
          i++;
        }
        out += run.length > 1 ? ciRunSource(run, this.ctx) : charSource(run[0]!, true, this.ctx);
        continue;
      }
      out += this.node(item);
      i++;
    }
    return out;
  }

  /** A capture group (a copy when `copy`), with the hidden "it matched" witness when needed. */
  private group(index: number, body: OnigNode, copy: boolean): string {
    if (this.noCapture > 0) return `(?:${this.node(body)})`;
    const slot = ++this.slot;
    (this.tailCopy > 0 ? this.tailSlots : this.groupSlots)[index]!.push(slot);
    if (!copy && !this.primary.has(index)) this.primary.set(index, slot);
    const inner = this.node(body);
    if (copy || this.tailCopy > 0 || !this.analysis.participation.has(index) || this.witness.has(index)) {
      return `(${inner})`;
    }
    const before = ++this.slot;
    const after = ++this.slot;
    this.witness.set(index, [before, after]);
    return `(${inner}(?<=^([\\s\\S]*))(?=([\\s\\S]*)))`;
  }

  /** `(?>X)` as `(?=(X))\n`: the look-ahead cannot be backtracked into. */
  private atomic(body: () => string): string {
    if (this.noCapture > 0) return `(?:${body()})`;
    const slot = ++this.slot;
    return `(?=(${body()}))(?:\\${slot})`;
  }

  /**
   * A quantifier. JavaScript drops a loop iteration that matched empty (with its captures) and
   * backtracks into the body for a longer match; Oniguruma accepts it and ends the loop. So a
   * nullable body is written out: `X?` as `(?:X|)` (`(a?)?` on "" sets group 1 to ""), a greedy
   * `X{n,m}` with a small `m - n` as `X{n}(?:X(?:X|)|)`, and a greedy unbounded loop with groups
   * gets one extra optional iteration whose captures win when set (`(^)*a` sets group 1).
   */
  private quant(node: Extract<OnigNode, { kind: 'quant' }>): string {
    const write = (): string => {
      const { min, max, greedy } = node;
      const lazy = greedy ? '' : '?';
      const captures = hasGroup(node.body);
      // Copies of a group that a back-reference names would not be seen by it: keep those loops.
      const copyable = !hasGroup(node.body, this.analysis.referenced);
      const emptyBody = nullable(node.body);
      if (min === 0 && max === 1 && (captures || emptyBody)) {
        const body = this.node(node.body);
        return greedy ? `(?:${body}|)` : `(?:|${body})`;
      }
      if (greedy && emptyBody && copyable && max !== Infinity && max > min && max - min <= MAX_UNROLL) {
        const base = min === 0 ? '' : atom(this.node(node.body)) + (min === 1 ? '' : `{${min}}`);
        this.tailCopy++;
        const optional = (k: number): string => (k === 0 ? '' : `(?:${this.node(node.body)}${optional(k - 1)}|)`);
        const rest = optional(max - min);
        this.tailCopy--;
        return base + rest;
      }
      const body = atom(this.node(node.body));
      let tail = '';
      if (captures && copyable && greedy && max === Infinity && emptyBody) {
        this.tailCopy++;
        tail = `(?:${this.node(node.body)}|)`;
        this.tailCopy--;
      }
      let q: string;
      if (min === 0 && max === Infinity) q = '*';
      else if (min === 1 && max === Infinity) q = '+';
      else if (min === 0 && max === 1) q = '?';
      else if (min === max) q = `{${min}}`;
      else q = max === Infinity ? `{${min},}` : `{${min},${max}}`;
      return body + q + lazy + tail;
    };
    return node.possessive ? this.atomic(write) : write();
  }

  /** `\g<n>`: the group's body inlined as a capturing copy, up to a recursion depth. */
  private call(index: number): string {
    if (this.callDepth >= MAX_CALL_DEPTH) return '(?!)';
    this.callDepth++;
    try {
      const body = index === 0 ? this.parsed.root : this.parsed.groupBodies[index]!;
      const out = index === 0 ? `(?:${this.node(body)})` : this.group(index, body, true);
      if (out.length > MAX_SOURCE_LENGTH) throw unsupportedError('a subexpression call this deeply recursive');
      return out;
    } finally {
      this.callDepth--;
    }
  }

  private backref(group: number): string {
    const slot = this.primary.get(group);
    if (slot === undefined) return '(?!)';
    const ref = `(?:\\${slot})`;
    return this.analysis.participation.has(group) ? `(?:${this.participated(group)}${ref})` : ref;
  }

  /**
   * True once group `g` has matched: its witness captured the text before and after its end; one
   * of the two is non-empty unless the input is empty, and an unset capture matches as empty.
   * Groups the analysis found always set by then need no check.
   */
  private participated(group: number): string {
    if (!this.analysis.participation.has(group)) return '(?:)';
    const w = this.witness.get(group);
    if (!w) return '(?!)';
    return `(?:(?=[\\s\\S]*$(?!\\${w[0]}))|(?=[\\s\\S]*$(?!\\${w[1]})))`;
  }
}

/** Whether a node holds a capture group (one of `among`, when given). */
function hasGroup(node: OnigNode, among?: ReadonlySet<number>): boolean {
  switch (node.kind) {
    case 'group':
      return !among || among.has(node.index) || hasGroup(node.body, among);
    case 'seq':
      return node.items.some((n) => hasGroup(n, among));
    case 'alt':
      return node.alts.some((n) => hasGroup(n, among));
    case 'quant':
    case 'atomic':
    case 'look':
      return hasGroup(node.body, among);
    default:
      return false;
  }
}

/** Whether a node can match the empty string (calls and back-references are assumed to). */
function nullable(node: OnigNode): boolean {
  switch (node.kind) {
    case 'char':
    case 'class':
    case 'any':
    case 'generalNewline':
    case 'graphemeCluster':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.alts.some(nullable);
    case 'group':
    case 'atomic':
      return nullable(node.body);
    case 'quant':
      return node.min === 0 || nullable(node.body);
    case 'conditionPattern':
      return true;
    default:
      return true;
  }
}

/** A quantifiable atom: a single character or class as it is, anything else in `(?:...)`. */
function atom(source: string): string {
  return /^(?:[A-Za-z0-9_]|\\u\{[0-9a-f]+\}|\[(?:[^\]\\]|\\.)*\])$/.test(source) ? source : `(?:${source})`;
}
