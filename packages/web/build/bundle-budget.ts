/**
 * A Vite plugin that prints, after a build, the gzipped size of the JavaScript a first visit loads
 * (the entry chunk and its static imports) and of every lazily loaded chunk, and fails the build when
 * the initial size exceeds the budget.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  readonly code: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
}

/** The files a first visit loads: the entry chunks and, transitively, their static imports. */
export function initialChunks(bundle: Readonly<Record<string, ChunkInfo>>): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !bundle[name]) return;
    seen.add(name);
    for (const dep of bundle[name].imports) visit(dep);
  };
  for (const [name, chunk] of Object.entries(bundle)) if (chunk.isEntry) visit(name);
  return [...seen];
}

export function bundleBudget(opts: { initialGzipLimit: number }): Plugin {
  return {
    name: 'sluice-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, ChunkInfo> = {};
      for (const [name, out] of Object.entries(bundle)) {
        if (out.type === 'chunk') chunks[name] = { code: out.code, isEntry: out.isEntry, imports: out.imports };
      }
      const gz = (name: string): number => gzipSync(chunks[name]!.code).length;
      const initial = initialChunks(chunks);
      const initialSize = initial.reduce((n, name) => n + gz(name), 0);
      const lazy = Object.keys(chunks).filter((n) => !initial.includes(n));
      const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
      const lines = [`initial JavaScript: ${kb(initialSize)} gzipped in ${initial.length} file(s) (budget ${kb(opts.initialGzipLimit)})`];
      for (const name of lazy.sort((a, b) => gz(b) - gz(a)).slice(0, 12)) lines.push(`  lazy ${name}: ${kb(gz(name))} gzipped`);
      this.info(lines.join('\n'));
      process.stdout.write(`\n[bundle] ${lines.join('\n[bundle] ')}\n`);
      if (initialSize > opts.initialGzipLimit) this.error(`initial JavaScript is ${kb(initialSize)} gzipped, over the budget of ${kb(opts.initialGzipLimit)}`);
    },
  };
}
