/**
 * Does a run-time error match a definition's `errors[]` entry? SonataFlow (§18.5 of the checklist)
 * matches `code` against the Java class, a message regex and the HTTP status; we match, in order:
 * the error's domain name, its code (`404`, `HTTP:404`, `TimedOut`, engine codes), catch-all Java
 * class names, then `code` as a regular expression over the message.
 */
import type { ErrorDef, WorkflowDef } from '../model/definition.js';
import type { ErrorInfo } from '../errors/workflow-error.js';

const CATCH_ALL = new Set(['java.lang.Throwable', 'java.lang.Exception', 'java.lang.RuntimeException', '*']);

/** True when `err` is the error `def` describes. */
export function errorMatches(def: ErrorDef, err: ErrorInfo): boolean {
  if (err.name === def.name) return true;
  const code = def.code;
  if (code === undefined || code === '') return false;
  if (code === err.code || code === err.name) return true;
  if (/^HTTP:\d{3}$/i.test(code) && code.slice(5) === err.code) return true;
  if (CATCH_ALL.has(code)) return true;
  if (/^\d{3}$/.test(code)) return false;
  return messageMatches(code, err.message);
}

function messageMatches(pattern: string, message: string): boolean {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  try {
    return new RegExp(source, flags).test(message);
  } catch {
    return false;
  }
}

/** True when `err` matches any of the named errors of the definition. */
export function matchesAny(def: WorkflowDef, names: readonly string[] | undefined, err: ErrorInfo): boolean {
  if (!names) return false;
  for (const name of names) {
    const e = def.errors.get(name);
    if (e ? errorMatches(e, err) : name === err.name || name === err.code) return true;
  }
  return false;
}
