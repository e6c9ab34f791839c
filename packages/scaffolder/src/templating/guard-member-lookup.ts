/**
 * Keeps `${{ }}` expressions from reaching JavaScript internals. Nunjucks compiles `a.b` and `a['b']`
 * to `runtime.memberLookup(a, 'b')`, so `range.constructor('return process')()` would reach the
 * Function constructor. Backstage runs nunjucks in an isolated VM; here the lookup itself refuses
 * the few property names that lead out of the data (`constructor`, `__proto__`, `prototype`, the
 * legacy getter/setter accessors), which answers `undefined` like any missing property.
 *
 * Nunjucks shares one runtime object between all environments, so the guard is installed once for
 * the process; it only ever turns those names into `undefined`.
 */
import nunjucks from 'nunjucks';

/** Property names that an expression may not look up. */
export const FORBIDDEN_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

type MemberLookup = (obj: unknown, val: unknown) => unknown;
const GUARD_MARK = Symbol.for('sluice.scaffolder.guardedMemberLookup');

/** Installs the guard (idempotent). */
export function installMemberLookupGuard(): void {
  const runtime = (nunjucks as unknown as { runtime: { memberLookup: MemberLookup & { [GUARD_MARK]?: true } } })
    .runtime;
  if (runtime.memberLookup[GUARD_MARK]) return;
  const original = runtime.memberLookup;
  const guarded: MemberLookup & { [GUARD_MARK]?: true } = (obj, val) => {
    if (FORBIDDEN_MEMBERS.has(String(val))) return undefined;
    return original(obj, val);
  };
  guarded[GUARD_MARK] = true;
  runtime.memberLookup = guarded;
}
