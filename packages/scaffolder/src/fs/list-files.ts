/** Lists the entries under a directory as sorted POSIX paths relative to it. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One entry under a directory. */
export interface ListedEntry {
  /** POSIX path relative to the listed directory. */
  readonly path: string;
  readonly kind: 'file' | 'directory' | 'symlink';
}

/**
 * Every file, directory and symlink under `dir` (recursively; symlinks are listed, not followed),
 * parents before children, sorted.
 */
export async function listEntries(dir: string): Promise<ListedEntry[]> {
  const out: ListedEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) out.push({ path, kind: 'symlink' });
      else if (e.isDirectory()) {
        out.push({ path, kind: 'directory' });
        await walk(path);
      } else if (e.isFile()) out.push({ path, kind: 'file' });
    }
  };
  await walk('');
  return out;
}

/** The files (not directories) under `dir`. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await listEntries(dir)).filter((e) => e.kind === 'file').map((e) => e.path);
}
