/**
 * The templates a server offers: every `<templates folder>/<dir>/template.yaml` and every template
 * imported from a URL (kept under `<dataDir>/imported-templates/<name>/`), loaded at start and
 * registered as catalog entities `template:<namespace>/<name>` with source `templates:<dir>` (the
 * catalog reserves `file:` sources for its own folder). Invalid templates are reported, not fatal.
 *
 * Import from a URL: the `template.yaml` is fetched, and so is every file listed (relative to it) in
 * the annotation `sluice.dev/files` (comma or newline separated, e.g. `skeleton/README.md`); they
 * are stored together so the template's relative fetch URLs (`./skeleton`) resolve locally. Files
 * that are not listed are not imported.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadTemplateFromDir, parseTemplate, resolveSafeChildPath, type LoadedTemplate } from '@sluice/scaffolder';
import type { EntityCatalog } from '../catalog/entity-catalog.js';
import { badRequest } from '../http/http-error.js';

export const FILES_ANNOTATION = 'sluice.dev/files';

export interface TemplateLibraryOptions {
  readonly folder: string;
  /** Where imported templates are stored. */
  readonly importDir: string;
  readonly catalog: EntityCatalog;
  readonly knownActions: () => readonly string[];
  readonly fetchFn?: typeof fetch;
}

export class TemplateLibrary {
  private readonly byRef = new Map<string, LoadedTemplate>();

  constructor(private readonly o: TemplateLibraryOptions) {}

  /** Loads every template; returns the problems met. */
  async loadAll(): Promise<string[]> {
    const problems: string[] = [];
    for (const [root, prefix] of [[this.o.folder, 'templates'], [this.o.importDir, 'imported']] as const) {
      for (const dir of await subdirs(root)) {
        try {
          await this.add(await loadTemplateFromDir(join(root, dir), { knownActions: this.o.knownActions() }), `${prefix}:${dir}`);
        } catch (err) {
          problems.push(`${join(root, dir)}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    return problems;
  }

  /** The template `ref` names (`name`, `template:name`, `template:ns/name`; kind defaults to template). */
  get(ref: string): LoadedTemplate | undefined {
    return this.byRef.get(normalizeTemplateRef(ref) ?? '');
  }

  /** Fetches and stores the template at `url` (see the module comment); returns its ref. */
  async importFromUrl(url: string): Promise<string> {
    if (!/^https?:\/\//i.test(url)) throw badRequest('url must be an http(s) URL of a template.yaml');
    const fetchFn = this.o.fetchFn ?? fetch;
    const text = (await fetchBytes(fetchFn, url)).toString('utf8');
    let loaded: LoadedTemplate;
    try {
      loaded = parseTemplate(url, text, { knownActions: this.o.knownActions() });
    } catch (err) {
      throw badRequest(`invalid template: ${err instanceof Error ? err.message : String(err)}`);
    }
    const name = loaded.template.metadata.name;
    const dir = join(this.o.importDir, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'template.yaml'), text);
    const listed = (loaded.template.metadata.annotations?.[FILES_ANNOTATION] ?? '').split(/[,\n]/).map((f) => f.trim()).filter(Boolean);
    for (const file of listed) {
      const target = resolveSafeChildPath(dir, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await fetchBytes(fetchFn, new URL(file, url).href));
    }
    const stored = await loadTemplateFromDir(dir, { knownActions: this.o.knownActions() });
    return this.add(stored, `imported:${name}`);
  }

  private async add(loaded: LoadedTemplate, source: string): Promise<string> {
    const t = loaded.template;
    const ref = `template:${(t.metadata.namespace ?? 'default').toLowerCase()}/${t.metadata.name.toLowerCase()}`;
    await this.o.catalog.register(t, { source });
    this.byRef.set(ref, loaded);
    return ref;
  }
}

/** `template:<ns>/<name>` in lower case, or undefined when `ref` names another kind. */
export function normalizeTemplateRef(ref: string): string | undefined {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return undefined;
  const kind = (m[1] ?? 'template').toLowerCase();
  if (kind !== 'template') return undefined;
  return `template:${(m[2] ?? 'default').toLowerCase()}/${m[3]!.toLowerCase()}`;
}

async function subdirs(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(root)).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const s = await stat(join(root, n, 'template.yaml')).catch(() => undefined);
    if (s?.isFile()) out.push(n);
  }
  return out;
}

async function fetchBytes(fetchFn: typeof fetch, url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchFn(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw badRequest(`could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) throw badRequest(`could not fetch ${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
