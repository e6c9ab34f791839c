/**
 * Converts between a directory on disk and Backstage's dry-run `directoryContents`
 * (`[{ path, base64Content, executable }]`).
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from './list-files.js';
import { resolveSafeChildPath } from './safe-child-path.js';

/** One file of a serialized directory. */
export interface SerializedFile {
  readonly path: string;
  readonly base64Content: string;
  readonly executable?: boolean;
}

/** Reads every file under `dir`. */
export async function readDirectoryContents(dir: string): Promise<SerializedFile[]> {
  const out: SerializedFile[] = [];
  for (const path of await listFiles(dir)) {
    const full = join(dir, path);
    const [content, info] = await Promise.all([readFile(full), stat(full)]);
    out.push({ path, base64Content: content.toString('base64'), executable: (info.mode & 0o111) !== 0 });
  }
  return out;
}

/** Writes `files` under `dir` (paths may not leave it). */
export async function writeDirectoryContents(dir: string, files: readonly SerializedFile[]): Promise<void> {
  for (const f of files) {
    const full = resolveSafeChildPath(dir, f.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, Buffer.from(f.base64Content, 'base64'));
    if (f.executable) await chmod(full, 0o755);
  }
}
