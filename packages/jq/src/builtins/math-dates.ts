/**
 * Wires the math table and the date functions into the builtin table.
 * @module
 */
import { MATH_BUILTINS, applyMathBuiltin } from '../math.js';
import { fromdateiso8601, gmtime, localtime, mktime, strflocaltime, strftime, strptime, todateiso8601 } from '../dates.js';
import { type NativeMap, defineUnary, defineValues } from './define.js';

/** Registers the libm functions and the date builtins. */
export function registerMath(t: NativeMap): void {
  for (const m of MATH_BUILTINS) {
    if (m.arity === 0) defineUnary(t, m.name, (v) => applyMathBuiltin(m, [v]));
    else defineValues(t, m.name, m.arity, (_input, ...args) => applyMathBuiltin(m, args));
  }
  defineUnary(t, 'gmtime', gmtime);
  defineUnary(t, 'localtime', localtime);
  defineUnary(t, 'mktime', mktime);
  defineValues(t, 'strftime', 1, strftime);
  defineValues(t, 'strflocaltime', 1, strflocaltime);
  defineValues(t, 'strptime', 1, strptime);
  defineUnary(t, 'todateiso8601', todateiso8601);
  defineUnary(t, 'fromdateiso8601', fromdateiso8601);
}
