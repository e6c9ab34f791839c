/**
 * Whole JSON texts parsed the way jq 1.6's command line does for `--argjson`/`--jsonargs`
 * (`jv_parse`: exactly one text) and `--slurpfile`/`--argfile` (`jv_load_file`: all of them).
 * @module
 */
import type { Json } from '../ast.js';
import { JvParser } from './jv-parser.js';

/**
 * Parses exactly one JSON text the way jq's `jv_parse` does (used for `--argjson` and
 * `--jsonargs`): returns the value, or an error message.
 * @internal
 */
export function parseOneJson(bytes: Uint8Array): { ok: true; value: Json } | { ok: false; message: string } {
  const p = new JvParser();
  p.setBuf(bytes, false);
  const first = p.next();
  if (first.kind === 'error') return { ok: false, message: first.message };
  if (first.kind === 'none') return { ok: false, message: 'Expected JSON value' };
  const second = p.next();
  if (second.kind === 'value') return { ok: false, message: 'Unexpected extra JSON values' };
  if (second.kind === 'error') return { ok: false, message: second.message };
  return { ok: true, value: first.value };
}

/**
 * Parses all JSON texts in `bytes` (jq's `jv_load_file` for `--slurpfile`): the values, or the
 * first error message.
 * @internal
 */
export function parseAllJson(bytes: Uint8Array): { ok: true; values: Json[] } | { ok: false; message: string } {
  const p = new JvParser();
  p.setBuf(bytes, false);
  const values: Json[] = [];
  for (;;) {
    const step = p.next();
    if (step.kind === 'none') return { ok: true, values };
    if (step.kind === 'error') return { ok: false, message: step.message };
    values.push(step.value);
  }
}
