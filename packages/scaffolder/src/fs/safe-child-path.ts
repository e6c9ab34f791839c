/** Resolves a path inside a base directory, refusing any path that would leave it. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ScaffolderError } from '../errors/scaffolder-error.js';

/**
 * `resolve(base, child)`, or `PATH_NOT_ALLOWED` when the result is outside `base` (by `..`, an
 * absolute path, or a drive change). Symlinks are not followed here.
 *
 * @example resolveSafeChildPath('/ws', './out/a.txt') // '/ws/out/a.txt'
 */
export function resolveSafeChildPath(base: string, child: string): string {
  const root = resolve(base);
  const target = resolve(root, child);
  const rel = relative(root, target);
  if (rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel))) return target;
  throw new ScaffolderError('PATH_NOT_ALLOWED', `Relative path is not allowed to refer to a directory outside its parent: ${child}`);
}
