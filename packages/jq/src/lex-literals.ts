/**
 * Number and escape literals as jq 1.6 decodes them: its lexer hands both to the JSON parser
 * (jv_parse), so their error messages are that parser's, which we reproduce here.
 * @module
 */

const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * The error jq 1.6 reports for a token of its number rule `[0-9.]+([eE][+-]?[0-9]+)?`, or
 * undefined when the token is a valid number (then `Number(text)` is its value: `1.`, `.5`,
 * `00012`, `1e1000` = Infinity are all valid).
 * @example numberLiteralError('1.2.3') // "Invalid numeric literal at EOF at line 1, column 5 (while parsing '1.2.3')"
 * @internal
 */
export function numberLiteralError(text: string): string | undefined {
  if (NUMBER.test(text)) return undefined;
  return `Invalid numeric literal at EOF at line 1, column ${text.length} (while parsing '${text}')`;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', t: '\t', n: '\n', r: '\r' };

function unhex4(s: string, at: number): number {
  if (at + 4 > s.length) return -1;
  const hex = s.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
}

/**
 * Decodes a run of backslash escapes (the text between the quotes, e.g. `\n\ud83d\ude00`) the way
 * jq 1.6's JSON parser does: JSON escapes, `\uXXXX` with surrogate pairs, a lone low surrogate
 * becomes U+FFFD. On failure returns jq's message, e.g.
 * `Invalid escape at line 1, column 4 (while parsing '"\ "')`.
 * @internal
 */
export function decodeEscapes(run: string): string | { error: string } {
  let out = '';
  let i = 0;
  const fail = (msg: string): { error: string } => ({ error: `${msg} at ${jsonPosition(`"${run}"`)} (while parsing '"${run}"')` });
  while (i < run.length) {
    // Every character of a run is part of an escape: the lexer only collects `\x` and `\uXXXX`.
    i++;
    const c = run[i++] as string;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (c !== 'u') return fail('Invalid escape');
    if (i + 4 > run.length) return fail('Invalid \\uXXXX escape');
    let cp = unhex4(run, i);
    if (cp < 0) return fail('Invalid characters in \\uXXXX escape');
    i += 4;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = run[i] === '\\' && run[i + 1] === 'u' ? unhex4(run, i + 2) : -1;
      if (low < 0xdc00 || low > 0xdfff) return fail('Invalid \\uXXXX\\uXXXX surrogate pair escape');
      i += 6;
      cp = 0x10000 + (((cp - 0xd800) << 10) | (low - 0xdc00));
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd; // jq encodes it as invalid UTF-8, which its string constructor replaces
    }
    out += String.fromCodePoint(cp);
  }
  return out;
}

const UTF8 = new TextEncoder();

/** `line L, column C` of the end of `text` as jv_parse counts them (bytes; a newline resets). */
function jsonPosition(text: string): string {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] as string;
  return `line ${lines.length}, column ${UTF8.encode(last).length}`;
}
