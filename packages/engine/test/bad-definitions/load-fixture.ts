/**
 * Test helper: reads a definition file and the resources it names from disk into the `NormalizeInput`
 * shape (the real loader does this with positions; here `locate` knows none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { NormalizeInput, ResourceSet, SourceDocument } from '../../src/load/document.js';
import type { Json } from '../../src/model/json.js';

/** A document without positions. */
export function docOf(file: string, value: Json): SourceDocument {
  return { file, value, locate: () => undefined };
}

/** Resources read relative to `dir` (YAML or JSON), parsed once; missing files give `undefined`. */
export function folderResources(dir: string): ResourceSet {
  const cache = new Map<string, SourceDocument | undefined>();
  return {
    get(uri: string) {
      if (!cache.has(uri)) {
        const path = join(dir, uri);
        cache.set(uri, existsSync(path) ? docOf(uri, parse(readFileSync(path, 'utf8')) as Json) : undefined);
      }
      return cache.get(uri);
    },
  };
}

/** The normalize input for a definition file on disk; jq `now` is fixed at 2026-01-01T00:00:00Z. */
export function inputFromFile(path: string): NormalizeInput {
  const value = parse(readFileSync(path, 'utf8')) as Json;
  return { doc: docOf(path, value), resources: folderResources(dirname(path)), now: () => 1_767_225_600 };
}
