/**
 * Parses YAML (or JSON) with node positions so problems found later can say `file:line:col` for a
 * JSON pointer. A small local counterpart of @sluice/engine's `parseSource`, built on `yaml`'s
 * LineCounter (the scaffolder does not depend on the engine).
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed file: its value and a pointer → position lookup. */
export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** Start of the member (its key), element or root that `pointer` names; the nearest existing parent otherwise. */
  locate(pointer: string): Position;
}

/** A syntax error with its position. */
export interface YamlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses `text`. Returns `{ errors }` with positions when the YAML is malformed.
 *
 * @example parseYamlSource('t.yaml', 'a:\n  b: 1\n').source?.locate('/a/b') // { line: 2, column: 3 }
 */
export function parseYamlSource(
  file: string,
  text: string,
): { source?: YamlSource; errors: readonly YamlSyntaxError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ message: e.message, ...at(e.pos[0]) })) };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? null;
  return { source: { file, value, locate: (pointer) => at(offsetOf(doc, pointer)) }, errors: [] };
}

/** `/a/b~1c` → `['a', 'b/c']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function offsetOf(doc: Document, pointer: string): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of pointerSegments(pointer)) {
    let next: { node: unknown; start?: number } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (pair) next = { node: pair.value, start: rangeStart(pair.key) };
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      const item = node.items[Number(segment)];
      if (item !== undefined) next = { node: item, start: rangeStart(item) };
    }
    if (!next) break;
    node = next.node;
    offset = next.start ?? rangeStart(next.node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}
