/**
 * `fetch:template`: copies a skeleton directory of the template into the workspace, rendering file
 * and directory names and file contents with `${{ values.x }}` (Backstage's fetch:template).
 * A name segment that renders empty drops that entry (conditional files). Binary files,
 * `copyWithoutTemplating` matches (contents only; names are still rendered) and, with
 * `templateFileExtension`, files without the extension are copied as they are.
 */
import { isUtf8 } from 'node:buffer';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { globToRegExp, matchesAnyGlob } from '../fs/glob-to-regexp.js';
import { listEntries } from '../fs/list-files.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';
import type { TemplateFilter } from '../templating/filters.js';
import { createTemplater } from '../templating/templater.js';
import { resolveFetchSource } from './fetch-source.js';
import { createTemplateAction, type TemplateAction } from './template-action.js';

/** Input of `fetch:template`. */
export interface FetchTemplateInput {
  readonly url: string;
  readonly targetPath?: string;
  readonly values?: Record<string, unknown>;
  readonly copyWithoutRender?: readonly string[];
  readonly copyWithoutTemplating?: readonly string[];
  readonly cookiecutterCompat?: boolean;
  readonly templateFileExtension?: string | boolean;
  readonly replace?: boolean;
  readonly trimBlocks?: boolean;
  readonly lstripBlocks?: boolean;
  readonly token?: string;
}

/** Options of `fetch:template`. */
export interface FetchTemplateOptions {
  /** Extra filters for file contents and names (Backstage's templating extensions). */
  readonly additionalFilters?: Readonly<Record<string, TemplateFilter>>;
  readonly additionalGlobals?: Readonly<Record<string, unknown>>;
}

/** Creates `fetch:template`. */
export function createFetchTemplateAction(opts: FetchTemplateOptions = {}): TemplateAction<FetchTemplateInput> {
  return createTemplateAction<FetchTemplateInput>({
    id: 'fetch:template',
    description:
      'Downloads a skeleton, templates variables into file and directory names and content, and places the result in the workspace, or optionally in a subdirectory specified by the `targetPath` input option.',
    supportsDryRun: true,
    schema: {
      input: {
        type: 'object',
        required: ['url'],
        properties: {
          url: { type: 'string', title: 'Fetch URL', description: 'Relative path or absolute URL pointing to the directory tree to fetch' },
          targetPath: { type: 'string', title: 'Target Path', description: 'Target path within the working directory to download the contents to. Defaults to the working directory root.' },
          values: { type: 'object', title: 'Template Values', description: 'Values to pass on to the templating engine' },
          copyWithoutRender: { type: 'array', items: { type: 'string' }, title: '[Deprecated] Copy Without Render', description: 'An array of glob patterns. Any files or directories which match are copied without being processed as templates.' },
          copyWithoutTemplating: { type: 'array', items: { type: 'string' }, title: 'Copy Without Templating', description: 'An array of glob patterns. Contents of matched files or directories are copied without being processed, but paths are subject to rendering.' },
          cookiecutterCompat: { type: 'boolean', title: 'Cookiecutter compatibility mode', description: 'Not supported by Sluice.' },
          templateFileExtension: { type: ['string', 'boolean'], title: 'Template File Extension', description: 'If set, only files with the given extension will be templated. If set to `true`, the default extension `.njk` is used.' },
          replace: { type: 'boolean', title: 'Replace files', description: 'If set, replace files in targetPath instead of skipping existing ones.' },
          trimBlocks: { type: 'boolean', title: 'Trim Blocks' },
          lstripBlocks: { type: 'boolean', title: 'Lstrip Blocks' },
          token: { type: 'string', title: 'Token', description: 'An optional token to use for authentication when reading the resources.' },
        },
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      if (input.cookiecutterCompat) {
        throw new ScaffolderError('INPUT_INVALID', 'fetch:template: cookiecutterCompat is not supported');
      }
      if (input.copyWithoutRender && input.copyWithoutTemplating) {
        throw new ScaffolderError('INPUT_INVALID', 'Fetch action input copyWithoutRender and copyWithoutTemplating can not be used at the same time');
      }
      const copyWithout = input.copyWithoutTemplating ?? input.copyWithoutRender ?? [];
      if (input.templateFileExtension && copyWithout.length > 0) {
        throw new ScaffolderError('INPUT_INVALID', 'Fetch action input extension incompatible with copyWithoutRender/copyWithoutTemplating and cookiecutterCompat');
      }
      let extension: string | undefined;
      if (input.templateFileExtension) {
        extension = input.templateFileExtension === true ? '.njk' : input.templateFileExtension;
        if (!extension.startsWith('.')) extension = `.${extension}`;
      }

      const source = resolveFetchSource(ctx, input.url);
      if (source.kind !== 'local') {
        throw new ScaffolderError('FETCH_FAILED', `fetch:template: cannot fetch a directory tree from ${source.url}; use a path inside the template`);
      }
      const srcInfo = await stat(source.path).catch((err: unknown) => {
        throw new ScaffolderError('FETCH_FAILED', `fetch:template: ${input.url} not found in the template directory`, { cause: err });
      });
      if (!srcInfo.isDirectory()) throw new ScaffolderError('FETCH_FAILED', `fetch:template: ${input.url} is not a directory`);

      const outputDir = resolveSafeChildPath(ctx.workspacePath, input.targetPath ?? './');
      const templater = createTemplater({
        filters: opts.additionalFilters,
        globals: opts.additionalGlobals,
        trimBlocks: input.trimBlocks,
        lstripBlocks: input.lstripBlocks,
      });
      const context = { values: input.values ?? {} };
      const patterns = copyWithout.map(globToRegExp);
      ctx.logger.info(`Fetching template content from ${input.url}`);
      ctx.logger.info(`Processing ${patterns.length > 0 ? 'with' : 'without'} copyWithoutTemplating patterns`);

      await mkdir(outputDir, { recursive: true });
      for (const entry of await listEntries(source.path)) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        if (entry.kind === 'symlink') {
          ctx.logger.warn(`Skipping symbolic link ${entry.path}`);
          continue;
        }
        let renderContents: boolean;
        let outPath = entry.path;
        if (extension) {
          renderContents = entry.kind === 'file' && outPath.endsWith(extension);
          if (renderContents) outPath = outPath.slice(0, -extension.length);
        } else {
          renderContents = entry.kind === 'file' && !matchesAnyGlob(entry.path, patterns);
        }
        const segments = outPath.split('/').map((seg) => (seg.includes('${{') ? templater.renderString(seg, context) : seg));
        if (segments.some((seg) => seg.trim() === '')) {
          ctx.logger.info(`Skipping ${entry.path}: its name renders empty`);
          continue;
        }
        const target = resolveSafeChildPath(outputDir, segments.join('/'));
        if (entry.kind === 'directory') {
          await mkdir(target, { recursive: true });
          continue;
        }
        if (!input.replace && (await exists(target))) {
          ctx.logger.info(`Skipping ${segments.join('/')}: it exists and replace is not set`);
          continue;
        }
        const full = join(source.path, entry.path);
        const [bytes, info] = await Promise.all([readFile(full), stat(full)]);
        await mkdir(dirname(target), { recursive: true });
        if (renderContents && !isBinary(bytes)) {
          let rendered: string;
          try {
            rendered = templater.renderString(bytes.toString('utf8'), context);
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            throw new ScaffolderError('TEMPLATING_FAILED', `fetch:template: ${entry.path}: ${message}`, { cause: err });
          }
          await writeFile(target, rendered);
        } else {
          await writeFile(target, bytes);
        }
        await chmod(target, info.mode & 0o777);
      }
      ctx.logger.info(`Template result written to ${outputDir}`);
    },
  });
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0) || !isUtf8(bytes);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
