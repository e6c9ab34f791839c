/**
 * Reads the catalog folder: every `*.yaml` / `*.yml` file under it (recursively, hidden files and
 * folders skipped), parsed into entities and problems. A missing folder has no files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { parseEntityFile, type ParsedEntityFile } from './parse-entity-file.js';

/** One file's entities, by its path relative to the folder (`/`-separated). */
export interface CatalogFile extends ParsedEntityFile {
  readonly path: string;
}

/** The folder's files in path order, and problems with the folder itself. */
export async function readCatalogFolder(folder: string): Promise<{ files: CatalogFile[]; problems: string[] }> {
  let names: string[];
  try {
    if (!(await stat(folder)).isDirectory()) return { files: [], problems: [`${folder}: the catalog folder is not a directory`] };
    names = await readdir(folder, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], problems: [] };
    return { files: [], problems: [`${folder}: ${(err as Error).message}`] };
  }
  const paths = names
    .map((n) => n.split(sep).join('/'))
    .filter((p) => /\.ya?ml$/i.test(p) && !p.split('/').some((s) => s.startsWith('.')))
    .sort();
  const files: CatalogFile[] = [];
  for (const path of paths) {
    const full = join(folder, path);
    let text: string;
    try {
      if (!(await stat(full)).isFile()) continue;
      text = await readFile(full, 'utf8');
    } catch (err) {
      files.push({ path, entities: [], problems: [`${full}:1:1 ${(err as Error).message}`], complete: false });
      continue;
    }
    files.push({ path, ...parseEntityFile(full, text) });
  }
  return { files, problems: [] };
}
