/**
 * SnakeYAML (SonataFlow's parser) accepts a quoted string whose continuation line is indented no
 * deeper than its key; YAML 1.2 and the `yaml` library do not. This re-indents such lines so the
 * text parses the way SonataFlow reads it.
 */

/** Most lines a single file gets re-indented before we give up and report the parse errors. */
const MAX_REPAIRS = 200;

/**
 * Given YAML text and the offset of a `Missing closing "quote` error (which the `yaml` library
 * puts at the end of the line before the under-indented continuation line), returns the text with
 * that next line indented one column past the opening quote, or `undefined` when the error does
 * not have that shape. Line numbers and the string's value do not change: leading blanks of a
 * continuation line are folded away anyway (YAML 1.2 §7.3).
 * @internal
 */
export function reindentContinuation(text: string, errorOffset: number, quote: '"' | "'"): string | undefined {
  const newline = text.indexOf('\n', errorOffset);
  if (newline < 0 || text.slice(errorOffset, newline).trim() !== '') return undefined;
  const open = openingQuote(text, errorOffset, quote);
  if (open < 0) return undefined;
  const column = open - (text.lastIndexOf('\n', open - 1) + 1);
  const lineStart = newline + 1;
  let indentEnd = lineStart;
  while (text[indentEnd] === ' ') indentEnd++;
  if (indentEnd - lineStart > column || text[indentEnd] === '\t') return undefined;
  return text.slice(0, lineStart) + ' '.repeat(column + 1) + text.slice(indentEnd);
}

/**
 * The offset of the quote that opened the string the error is in: the lexer looked for the closing
 * quote from there, so no unescaped quote of the same kind lies in between.
 */
function openingQuote(text: string, before: number, quote: '"' | "'"): number {
  for (let i = before - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) return i;
    } else if (text[i - 1] === "'") {
      i--;
    } else {
      return i;
    }
  }
  return -1;
}

/**
 * Repeatedly parses and re-indents until the text parses or no error has the under-indented-quote
 * shape. `firstError` returns the first error (by position) as `{ message, offset }`, or undefined.
 * Returns the new text and the 1-based numbers of the lines it re-indented (none: text unchanged).
 * @internal
 */
export function relaxQuotedIndent(
  text: string,
  firstError: (text: string) => { readonly message: string; readonly offset: number } | undefined,
): { text: string; lines: number[] } {
  const lines: number[] = [];
  let current = text;
  for (let i = 0; i < MAX_REPAIRS; i++) {
    const error = firstError(current);
    const m = error && /^Missing closing (["'])quote/.exec(error.message);
    if (!error || !m) break;
    const next = reindentContinuation(current, error.offset, m[1] as '"' | "'");
    if (next === undefined) break;
    lines.push(lineOf(current, error.offset) + 1);
    current = next;
  }
  return { text: current, lines };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
