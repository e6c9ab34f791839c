/**
 * `fetch:plain` (a directory or file from the template, or one http(s) file, copied into the
 * workspace as is) and `fetch:plain:file` (one file to an exact path).
 */
import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';
import { fetchHttpFile, resolveFetchSource } from './fetch-source.js';
import { createTemplateAction, type TemplateAction } from './template-action.js';

/** Input of `fetch:plain`. */
export interface FetchPlainInput {
  readonly url: string;
  readonly targetPath?: string;
}

/** Options of the fetch actions. */
export interface FetchActionOptions {
  /** For http(s) URLs; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** Creates `fetch:plain`. */
export function createFetchPlainAction(opts: FetchActionOptions = {}): TemplateAction<FetchPlainInput> {
  return createTemplateAction<FetchPlainInput>({
    id: 'fetch:plain',
    description: 'Downloads content and places it in the workspace, or optionally in a subdirectory specified by the `targetPath` input option.',
    supportsDryRun: true,
    schema: {
      input: {
        type: 'object',
        required: ['url'],
        properties: {
          url: { type: 'string', title: 'Fetch URL', description: 'Relative path or absolute URL pointing to the directory tree to fetch' },
          targetPath: { type: 'string', title: 'Target Path', description: 'Target path within the working directory to download the contents to.' },
        },
      },
    },
    async handler(ctx) {
      const target = resolveSafeChildPath(ctx.workspacePath, ctx.input.targetPath ?? './');
      const source = resolveFetchSource(ctx, ctx.input.url);
      ctx.logger.info(`Fetching plain content from ${ctx.input.url}`);
      if (source.kind === 'http') {
        const body = await fetchHttpFile(opts.fetch ?? fetch, source.url, ctx.signal);
        const name = basename(new URL(source.url).pathname) || 'index';
        await mkdir(target, { recursive: true });
        await writeFile(join(target, name), body);
        return;
      }
      const info = await statOrFail(source.path, ctx.input.url);
      if (info.isDirectory()) {
        await mkdir(target, { recursive: true });
        await cp(source.path, target, { recursive: true, force: true });
      } else {
        await mkdir(target, { recursive: true });
        await cp(source.path, join(target, basename(source.path)), { force: true });
      }
    },
  });
}

/** Input of `fetch:plain:file`. */
export interface FetchPlainFileInput {
  readonly url: string;
  readonly targetPath: string;
}

/** Creates `fetch:plain:file`. */
export function createFetchPlainFileAction(opts: FetchActionOptions = {}): TemplateAction<FetchPlainFileInput> {
  return createTemplateAction<FetchPlainFileInput>({
    id: 'fetch:plain:file',
    description: 'Downloads single file and places it in the workspace.',
    supportsDryRun: true,
    schema: {
      input: {
        type: 'object',
        required: ['url', 'targetPath'],
        properties: {
          url: { type: 'string', title: 'Fetch URL', description: 'Relative path or absolute URL pointing to the single file to fetch.' },
          targetPath: { type: 'string', title: 'Target Path', description: 'Target path within the working directory to download the file as.' },
        },
      },
    },
    async handler(ctx) {
      const target = resolveSafeChildPath(ctx.workspacePath, ctx.input.targetPath);
      const source = resolveFetchSource(ctx, ctx.input.url);
      await mkdir(dirname(target), { recursive: true });
      if (source.kind === 'http') {
        await writeFile(target, await fetchHttpFile(opts.fetch ?? fetch, source.url, ctx.signal));
        return;
      }
      const info = await statOrFail(source.path, ctx.input.url);
      if (!info.isFile()) throw new ScaffolderError('FETCH_FAILED', `${ctx.input.url} is not a file`);
      await cp(source.path, target, { force: true });
    },
  });
}

async function statOrFail(path: string, url: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch (err) {
    throw new ScaffolderError('FETCH_FAILED', `Failed to fetch ${url}: not found in the template directory`, { cause: err });
  }
}
