/**
 * Resolves the `url` of a fetch action: a relative path against the template's base directory (or
 * `file:` base URL), an absolute `file:` URL inside the base directory, or an http(s) URL.
 */
import { fileURLToPath } from 'node:url';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';
import type { ActionContext } from './template-action.js';

/** Where a fetch reads from. */
export type FetchSource = { readonly kind: 'local'; readonly path: string } | { readonly kind: 'http'; readonly url: string };

/** Resolves `url` for the action running in `ctx`. */
export function resolveFetchSource(ctx: Pick<ActionContext, 'templateBaseDir' | 'templateBaseUrl'>, url: string): FetchSource {
  if (/^https?:\/\//i.test(url)) return { kind: 'http', url };
  const baseDir = ctx.templateBaseDir ?? baseDirFromUrl(ctx.templateBaseUrl);
  if (/^file:/i.test(url)) {
    if (!baseDir) throw new ScaffolderError('FETCH_FAILED', `Cannot fetch ${url}: the template has no base directory`);
    const path = fileURLToPath(url);
    return { kind: 'local', path: resolveSafeChildPath(baseDir, path) };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    throw new ScaffolderError('FETCH_FAILED', `Cannot fetch ${url}: only relative paths, file: and http(s) URLs are supported`);
  }
  if (baseDir) return { kind: 'local', path: resolveSafeChildPath(baseDir, url) };
  if (ctx.templateBaseUrl && /^https?:/i.test(ctx.templateBaseUrl)) {
    return { kind: 'http', url: new URL(url, ctx.templateBaseUrl).href };
  }
  throw new ScaffolderError('FETCH_FAILED', `Cannot fetch relative URL ${url}: the template has no base URL`);
}

function baseDirFromUrl(baseUrl: string | undefined): string | undefined {
  if (!baseUrl || !/^file:/i.test(baseUrl)) return undefined;
  return fileURLToPath(baseUrl);
}

/** Fetches one http(s) file as bytes; `FETCH_FAILED` on a non-2xx status. */
export async function fetchHttpFile(fetchFn: typeof fetch, url: string, signal: AbortSignal): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal, redirect: 'follow' });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ScaffolderError('FETCH_FAILED', `Failed to fetch ${url}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (!res.ok) throw new ScaffolderError('FETCH_FAILED', `Failed to fetch ${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
