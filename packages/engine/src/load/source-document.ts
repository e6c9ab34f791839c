/**
 * Parses a definition or resource file (JSON or YAML) into a `SourceDocument` that can map a JSON
 * pointer back to a line and column, so every later issue can say where it is.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { DefinitionIssue } from '../errors/definition-error.js';
import type { Json } from '../model/json.js';
import type { LoadResult, Position, SourceDocument } from './document.js';
import { LOAD_ISSUE_CODES } from './load-issue-codes.js';
import { relaxQuotedIndent } from './relax-quoted-indent.js';

/** True when the file name (ignoring any `?query` or `#fragment`) ends in `.json`. */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file.replace(/[?#].*$/, ''));
}

/**
 * Parses `text` as JSON when `file` ends in `.json`, as YAML 1.2 otherwise (YAML merge keys `<<`
 * allowed). Syntax errors become `PARSE` issues (severity error) with line and column; YAML warnings
 * (unknown tags, ...) become `PARSE` warnings. `value` is set only when there is no error.
 *
 * JSON goes through the YAML parser too (JSON is YAML, parsed here with the YAML JSON schema) to get
 * node positions, but the value comes from `JSON.parse`, so numbers, strings and duplicate-free
 * objects are exactly what JSON says. Text the YAML parser accepts but JSON does not (comments,
 * trailing commas) is reported at the position `JSON.parse` names.
 *
 * Leniency: a YAML quoted string whose continuation line is indented no deeper than its key is
 * accepted, as SonataFlow's SnakeYAML does (the spec's own "continuing as a new execution" example
 * needs it), with a `PARSE` warning on that line.
 *
 * `locate(pointer)` gives the start of the object member (its key), array element or root that the
 * pointer names; for a pointer past what exists, the nearest existing parent.
 *
 * @example
 * const { value: doc } = parseSource('wf.sw.yaml', 'id: x\nstates:\n  - name: A\n');
 * doc?.locate('/states/0/name'); // { line: 3, column: 5 }
 */
export function parseSource(file: string, text: string): LoadResult<SourceDocument> {
  const json = isJsonFile(file);
  let parsed = parseWithPositions(text, json);
  let relaxedLines: readonly number[] = [];
  if (parsed.doc.errors.length > 0 && !json) {
    const relaxed = relaxQuotedIndent(text, (t) => {
      const [first] = [...parseWithPositions(t, false).doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
      return first && { message: first.message, offset: first.pos[0] };
    });
    const retry = relaxed.lines.length > 0 ? parseWithPositions(relaxed.text, false) : undefined;
    if (retry && retry.doc.errors.length === 0) {
      parsed = retry;
      relaxedLines = relaxed.lines;
    }
  }
  const { doc, lineCounter } = parsed;
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  };
  const issue = (severity: 'error' | 'warning', message: string, offset: number): DefinitionIssue => ({
    severity,
    code: LOAD_ISSUE_CODES.PARSE,
    message,
    file,
    pointer: '',
    ...at(offset),
  });
  const issues = [
    ...doc.errors.map((e) => issue('error', json ? jsonMessage(e.message) : e.message, e.pos[0])),
    ...doc.warnings.map((w) => issue('warning', w.message, w.pos[0])),
    ...relaxedLines.map((line): DefinitionIssue => ({
      severity: 'warning',
      code: LOAD_ISSUE_CODES.PARSE,
      message: 'this continuation line of a quoted string must be indented deeper than its key (YAML 1.2); accepted as SonataFlow (SnakeYAML) does',
      file,
      pointer: '',
      line,
      column: 1,
    })),
  ];
  if (doc.errors.length > 0) return { issues };

  let value: Json;
  try {
    value = json ? (JSON.parse(text) as Json) : (doc.toJS({ maxAliasCount: 1000 }) as Json);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = /position (\d+)/.exec(message);
    return { issues: [...issues, issue('error', message, offset ? Number(offset[1]) : 0)] };
  }
  if (value === undefined) value = null;
  const locate = (pointer: string): Position | undefined => {
    const offset = locateOffset(doc, pointer);
    return offset === undefined ? undefined : at(offset);
  };
  return { value: { file, value, locate }, issues };
}

/** The YAML parser's words for JSON mistakes, said in JSON terms. */
function jsonMessage(message: string): string {
  if (message === 'Unresolved plain scalar ""') return 'a JSON value is missing here';
  const m = /^Unresolved plain scalar (.*)$/.exec(message);
  return m ? `${m[1]} is not a JSON value (strings need double quotes)` : message;
}

function parseWithPositions(text: string, json: boolean): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: json ? 'json' : 'core',
    merge: !json,
  });
  return { doc, lineCounter };
}

/** RFC 6901 pointer → unescaped segments; `undefined` when the text is not a pointer. @internal */
export function pointerSegments(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Offset where the member, element or root named by `pointer` starts (nearest existing parent). */
function locateOffset(doc: Document, pointer: string): number | undefined {
  const segments = pointerSegments(pointer);
  let node: unknown = doc.contents;
  let start = rangeStart(node) ?? 0;
  if (!segments) return start;
  for (const segment of segments) {
    const container = isAlias(node) ? node.resolve(doc) : node;
    const step = childOf(doc, container, segment);
    if (!step) return start;
    node = step.node;
    const here = step.keyStart ?? rangeStart(step.node);
    if (here === undefined) return start;
    start = here;
  }
  return start;
}

interface Step {
  readonly node: unknown;
  /** Where the member starts: its key for map pairs. */
  readonly keyStart?: number;
}

function childOf(doc: Document, container: unknown, segment: string, depth = 0): Step | undefined {
  if (isSeq(container)) {
    if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
    const item: unknown = container.items[Number(segment)];
    return item === undefined ? undefined : { node: item };
  }
  if (!isMap(container)) return undefined;
  for (const pair of container.items) {
    if (isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === segment) {
      return { node: pair.value, keyStart: rangeStart(pair.key) };
    }
  }
  if (depth > 20) return undefined;
  // YAML merge keys (`<<: *base` or `<<: [*a, *b]`): members come from the merged maps.
  for (const pair of container.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') continue;
    const sources: unknown[] = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const step = childOf(doc, isAlias(source) ? source.resolve(doc) : source, segment, depth + 1);
      if (step) return step;
    }
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}
