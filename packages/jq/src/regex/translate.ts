/**
 * Oniguruma pattern → JavaScript RegExp, with an LRU cache: workflow expressions call `test` with
 * the same regex many times, and parsing plus emitting costs far more than matching.
 * @module
 */
import { analyzePattern, type PatternAnalysis } from './emit-analysis.js';
import { emitRegex, type EmittedRegex } from './js-emitter.js';
import type { OnigOptions, ParsedPattern } from './onig-ast.js';
import { OnigPatternError } from './onig-error.js';
import { parseOnigPattern } from './onig-parser.js';

/** How a RegExp variant will be driven. @internal */
export type VariantMode =
  /** `regex.test()` from the start: no `d` flag needed. */
  | 'test'
  /** `exec()` with `lastIndex`: finds the first match at or after a position (`g`, `d`). */
  | 'search'
  /** `exec()` anchored at `lastIndex` (`y`, `d`), for the longest-match (`l`) search. */
  | 'sticky';

/** A RegExp for one mode and search setting, and where its captures land. @internal */
export interface RegexVariant {
  regex: RegExp;
  emitted: EmittedRegex;
}

const MODE_FLAGS: Readonly<Record<VariantMode, string>> = { test: '', search: 'dg', sticky: 'dy' };
const MAX_VARIANTS = 32;

/** A parsed pattern; JavaScript RegExps are made per variant on demand and kept. */
export class CompiledPattern {
  readonly parsed: ParsedPattern;
  readonly analysis: PatternAnalysis;
  private readonly variants = new Map<string, RegexVariant>();

  constructor(parsed: ParsedPattern) {
    this.parsed = parsed;
    this.analysis = analyzePattern(parsed);
  }

  /** Number of capture groups. */
  get groupCount(): number {
    return this.parsed.groupCount;
  }

  /**
   * The RegExp for `mode`, accepting only matches of at least `minLength` code points, with `\G`
   * at code point `searchStart`.
   */
  variant(mode: VariantMode, minLength: number, searchStart: number): RegexVariant {
    const start = this.analysis.usesSearchStart ? searchStart : 0;
    const key = `${mode}:${minLength}:${start}`;
    let found = this.variants.get(key);
    if (!found) {
      if (this.variants.size >= MAX_VARIANTS) this.variants.clear();
      const emitted = emitRegex(this.parsed, this.analysis, { minLength, searchStart: start });
      let regex: RegExp;
      try {
        regex = new RegExp(emitted.source, emitted.flags + MODE_FLAGS[mode]);
      } catch (err) {
        throw new OnigPatternError(
          `cannot be run by this jq (${err instanceof Error ? err.message : String(err)})`,
          true,
        );
      }
      found = { regex, emitted };
      this.variants.set(key, found);
    }
    return found;
  }
}

/** Cache size: distinct (pattern, options) pairs kept. */
const CACHE_SIZE = 512;
const cache = new Map<string, CompiledPattern | OnigPatternError>();

/**
 * Parses and caches `pattern` under jq's `options`. Throws {@link OnigPatternError} (also cached)
 * for an invalid or unsupported pattern.
 * @example compilePattern('(?<y>\\d{4})', { ci: false, dotall: false, singleline: true, extend: false })
 */
export function compilePattern(pattern: string, options: OnigOptions): CompiledPattern {
  const key = `${options.ci ? 'i' : ''}${options.dotall ? 'm' : ''}${options.extend ? 'x' : ''}\0${pattern}`;
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    try {
      entry = new CompiledPattern(parseOnigPattern(pattern, options));
    } catch (err) {
      if (!(err instanceof OnigPatternError)) throw err;
      entry = err;
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  if (entry instanceof OnigPatternError) throw entry;
  return entry;
}

/** Empties the pattern cache (for tests and benchmarks). @internal */
export function clearPatternCache(): void {
  cache.clear();
}
