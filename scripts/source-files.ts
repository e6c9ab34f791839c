// Shared by the packages' architecture tests: read a package's non-test sources and list what they import.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A source file: its path relative to the folder read, and its text with comments removed. */
export interface SourceFile {
  name: string;
  code: string;
}

/** Every `.ts` file under `dir` except tests, with comments stripped. */
export function readSources(dir: string): SourceFile[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const path = join(d, e.name);
      if (e.isDirectory()) return walk(path);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
    });
  return walk(dir).map((path) => ({ name: relative(dir, path), code: stripComments(readFileSync(path, 'utf8')) }));
}

/** The text without block comments and whole-line `//` comments. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Module specifiers a file imports (static `from '…'` and dynamic `import('…')`). */
export function importsOf(code: string): string[] {
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

/** `file: specifier` for every import that `allowed` rejects. */
export function forbiddenImports(files: readonly SourceFile[], allowed: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((f) => importsOf(f.code).filter((s) => !allowed(s, f.name)).map((s) => `${f.name}: ${s}`));
}
