/** Expands the paths given on the command line into workflow definition files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const DEFINITION = /\.sw\.(json|ya?ml)$/;

/** Files named `*.sw.json|yaml|yml`, found recursively under folders; plain files are taken as given. */
export async function findWorkflowFiles(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) missing.push(p);
    else if (info.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(p)));
    else if (DEFINITION.test(entry.name)) out.push(p);
  }
  return out;
}
