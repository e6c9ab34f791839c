/**
 * jq 1.6's regex builtins on Oniguruma patterns, run natively by translating each pattern to a
 * JavaScript RegExp (see docs/regex-differences.md for what cannot be emulated).
 * @module
 */
export { makeTester, matchValues } from './match.js';
export { capture, match, scan, splitRegex, splits, test } from './builtins.js';
export { sub, subIterate, type FlagsArgument, type Replacement } from './sub.js';
export { clearPatternCache, compilePattern, CompiledPattern } from './translate.js';
export { OnigPatternError } from './onig-error.js';
