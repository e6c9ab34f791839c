/**
 * Parses Quarkus/MicroProfile `application.properties` text (the `java.util.Properties` format plus
 * quoted key segments and `%profile.` prefixes) into a flat key → value record.
 */

/** Options for {@link parseProperties}. */
export interface ParsePropertiesOptions {
  /**
   * The active configuration profile (`dev`, `test`, `prod`, ...). Keys written `%dev.x` (or
   * `%dev,test.x`) are kept as `x` only when one of their profiles is active, and then win over a
   * plain `x` wherever it appears in the file. Without a profile, every `%...` key is dropped.
   */
  readonly profile?: string;
}

/**
 * Parses `application.properties` text. Rules follow `java.util.Properties.load`:
 * - `#` and `!` start a comment line (after optional leading blanks); blank lines are skipped.
 * - The key ends at the first unescaped `=`, `:` or blank; blanks and one `=`/`:` after it are skipped.
 * - A line ending in an odd number of `\` continues on the next line, whose leading blanks are dropped.
 * - Escapes `\t \n \r \f \uXXXX`; any other `\x` stands for `x` (so `\=`, `\:`, `\ `, `\\`).
 *   A malformed `\u` escape (Java throws) is kept as the literal text after the backslash.
 * - MicroProfile addition: in a key, a `"…"` segment (`quarkus.log.category."org.apache.http".level`)
 *   is taken verbatim, quotes included, so separators inside it do not end the key.
 * Later duplicates win. Values are not expanded here (`${…}` is expanded by `createConfig`).
 *
 * @example
 * parseProperties('a.b = 1\n%dev.a.b=2\n', { profile: 'dev' }) // { 'a.b': '2' }
 */
export function parseProperties(text: string, options: ParsePropertiesOptions = {}): Record<string, string> {
  const plain = new Map<string, string>();
  const profiled = new Map<string, string>();
  for (const line of logicalLines(text)) {
    const { key, value } = splitLine(line);
    if (!key.startsWith('%')) {
      plain.set(key, value);
      continue;
    }
    const dot = key.indexOf('.');
    if (dot < 0 || options.profile === undefined) continue;
    const profiles = key.slice(1, dot).split(',').map((p) => p.trim());
    if (profiles.includes(options.profile)) profiled.set(key.slice(dot + 1), value);
  }
  for (const [k, v] of profiled) plain.set(k, v);
  return Object.fromEntries(plain);
}

const BLANK = new Set([' ', '\t', '\f']);

/** Joins continued natural lines and drops comments and blank lines. Escapes are still raw. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const piece = stripLeadingBlanks(raw);
    if (current === undefined && (piece === '' || piece.startsWith('#') || piece.startsWith('!'))) continue;
    // Java counts the backslashes of each natural line on its own.
    if (endsWithOddBackslashes(piece)) {
      current = (current ?? '') + piece.slice(0, -1);
    } else {
      out.push((current ?? '') + piece);
      current = undefined;
    }
  }
  if (current !== undefined && current !== '') out.push(current);
  return out;
}

function stripLeadingBlanks(s: string): string {
  let i = 0;
  while (i < s.length && BLANK.has(s[i]!)) i++;
  return s.slice(i);
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Splits one logical line (leading blanks removed) into its unescaped key and value. */
function splitLine(line: string): { key: string; value: string } {
  let i = 0;
  let inQuote = false;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"' && (inQuote || i === 0 || line[i - 1] === '.')) inQuote = !inQuote;
    else if (!inQuote && (c === '=' || c === ':' || BLANK.has(c))) break;
    i++;
  }
  const rawKey = line.slice(0, i);
  let j = i;
  while (j < line.length && BLANK.has(line[j]!)) j++;
  if (j < line.length && (line[j] === '=' || line[j] === ':')) {
    j++;
    while (j < line.length && BLANK.has(line[j]!)) j++;
  }
  return { key: unescape(rawKey), value: unescape(line.slice(j)) };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** Resolves `\` escapes as `Properties.load` does. */
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i === s.length - 1) {
      if (c !== '\\') out += c;
      continue;
    }
    const next = s[++i]!;
    if (next === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        out += 'u';
      }
      continue;
    }
    out += SIMPLE_ESCAPES[next] ?? next;
  }
  return out;
}
