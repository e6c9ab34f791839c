/**
 * Whole JSON texts parsed the way jq 1.6's command line does for `--argjson`/`--jsonargs`
 * (`jv_parse`: exactly one text) and `--slurpfile`/`--argfile` (`jv_load_file`: all of them).
 * @module
 */
import type { Json } from '../ast.js';
import { JvParser } from '../jv-parser.js';

export { parseOneJson } from '../jv-parser.js';

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
