/** A ResourceReader over the local file system (and http(s) URLs) for the loader. */
import { readFile } from 'node:fs/promises';
import type { ResourceReader } from '@sluice/engine';

/** Reads files; `http(s)://` resources are fetched with a 10 s timeout. Missing ones read as undefined. */
export const fsReader: ResourceReader = {
  async read(path: string): Promise<string | undefined> {
    if (/^https?:\/\//.test(path)) {
      try {
        const res = await fetch(path, { signal: AbortSignal.timeout(10_000) });
        return res.ok ? await res.text() : undefined;
      } catch {
        return undefined;
      }
    }
    return readFile(path, 'utf8').catch(() => undefined);
  },
};
