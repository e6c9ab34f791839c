/** Loads `template.yaml` from a template directory, remembering the directory as the template's base. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTemplate, type LoadedTemplate, type ParseTemplateOptions } from './parse-template.js';

/**
 * Reads and validates `<dir>/<fileName>` (default `template.yaml`). `baseDir` is `dir` and `baseUrl`
 * its `file:` URL (with a trailing slash) so `./skeleton` resolves inside it.
 *
 * @example const { template, baseDir } = await loadTemplateFromDir('/templates/namespace');
 */
export async function loadTemplateFromDir(
  dir: string,
  opts: Omit<ParseTemplateOptions, 'baseDir' | 'baseUrl'> & { fileName?: string } = {},
): Promise<LoadedTemplate> {
  const baseDir = resolve(dir);
  const file = join(baseDir, opts.fileName ?? 'template.yaml');
  const text = await readFile(file, 'utf8');
  return parseTemplate(file, text, { ...opts, baseDir, baseUrl: pathToFileURL(baseDir + '/').href });
}
