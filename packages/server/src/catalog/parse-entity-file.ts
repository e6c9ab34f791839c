/**
 * Parses one catalog file: YAML, any number of `---`-separated documents, each an entity. Syntax
 * errors and invalid entities become problems `file:line:col message`; the valid documents of the
 * same file are still returned.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Entity } from './entity.js';
import { validateEntity } from './validate-entity.js';

/** An entity read from a file, with where it starts. */
export interface FileEntity {
  readonly entity: Entity;
  readonly line: number;
  readonly column: number;
}

/** What a file gave. `complete` is false when some document in it could not be used. */
export interface ParsedEntityFile {
  readonly entities: FileEntity[];
  readonly problems: string[];
  readonly complete: boolean;
}

/**
 * Parses `text`; `file` is what problems name.
 *
 * @example
 * parseEntityFile('catalog/x.yaml', 'kind: User\n').problems; // ['catalog/x.yaml:1:1 apiVersion is required', ...]
 */
export function parseEntityFile(file: string, text: string): ParsedEntityFile {
  const lineCounter = new LineCounter();
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const where = (offset: number): string => {
    const p = at(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const entities: FileEntity[] = [];
  const problems: string[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`${where(e.pos[0])} ${e.message}`);
      continue;
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      problems.push(`${where(start)} ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document (a trailing `---`)
    const invalid = validateEntity(value);
    if (invalid.length > 0) {
      for (const p of invalid) problems.push(`${where(offsetOf(doc, p.pointer) ?? start)} ${p.message}`);
      continue;
    }
    entities.push({ entity: value as Entity, ...at(start) });
  }
  return { entities, problems, complete: problems.length === 0 };
}

/** Where the node a JSON pointer names starts (its nearest existing parent otherwise). */
function offsetOf(doc: Document, pointer: string): number | undefined {
  const path = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return undefined;
}
