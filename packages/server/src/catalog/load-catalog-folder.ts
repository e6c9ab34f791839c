/**
 * Brings the entity table in line with the catalog folder: entities from its files are upserted
 * with source `file:<path relative to the folder>`, and file entities whose file (or document) is
 * gone are removed. A file with problems keeps the entities it had, so a typo never signs users out.
 * File entities win over ones registered through the API with the same ref (reported). A ref
 * defined twice: the first file in path order wins (the other is reported).
 */
import { join } from 'node:path';
import type { Clock, IdSource } from '@sluice/engine';
import { entityRefOf } from './entity.js';
import type { EntityStore } from './entity-store.js';
import { prepareEntity } from './prepare-entity.js';
import { readCatalogFolder } from './read-catalog-folder.js';

/** The source of entities from the catalog file at `path` (relative to the folder). */
export const fileSource = (path: string): string => `file:${path}`;

/** True for sources the catalog folder owns. */
export const isFileSource = (source: string): boolean => source.startsWith('file:');

/** Loads `folder` into `store`; returns the problems (`file:line:col message`). @internal */
export async function loadCatalogFolder(folder: string, o: { store: EntityStore; clock: Clock; ids: IdSource }): Promise<string[]> {
  const { files, problems } = await readCatalogFolder(folder);
  const stored = new Map((await o.store.all()).map((s) => [s.ref, s]));
  const definedIn = new Map<string, string>();
  const keep = new Set(files.filter((f) => !f.complete).map((f) => fileSource(f.path)));
  const now = o.clock.now();
  for (const file of files) {
    problems.push(...file.problems);
    const source = fileSource(file.path);
    for (const { entity, line, column } of file.entities) {
      const ref = entityRefOf(entity);
      const at = `${join(folder, file.path)}:${line}:${column}`;
      const first = definedIn.get(ref);
      if (first !== undefined) {
        problems.push(`${at} ${ref} is already defined in ${first.slice('file:'.length)}; this one is ignored`);
        continue;
      }
      definedIn.set(ref, source);
      const previous = stored.get(ref);
      if (previous && !isFileSource(previous.source)) problems.push(`${at} ${ref} replaces the entity registered by ${previous.source}`);
      const next = prepareEntity(entity, previous?.entity, o.ids);
      if (previous?.source === source && previous.entity.metadata.etag === next.metadata.etag) continue;
      await o.store.put(next, source, now);
    }
  }
  for (const s of stored.values()) {
    if (isFileSource(s.source) && !definedIn.has(s.ref) && !keep.has(s.source)) await o.store.delete(s.ref, s.source);
  }
  return problems;
}
