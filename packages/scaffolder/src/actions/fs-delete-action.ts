/** `fs:delete`: deletes files and directories in the workspace matching glob patterns. */
import { rm } from 'node:fs/promises';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { globToRegExp } from '../fs/glob-to-regexp.js';
import { listEntries } from '../fs/list-files.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';
import { createTemplateAction, type TemplateAction } from './template-action.js';

/** Input of `fs:delete`. */
export interface FsDeleteInput {
  readonly files: readonly string[];
}

/** Creates `fs:delete`. */
export function createFsDeleteAction(): TemplateAction<FsDeleteInput> {
  return createTemplateAction<FsDeleteInput>({
    id: 'fs:delete',
    description: 'Deletes files and directories from the workspace',
    supportsDryRun: true,
    schema: {
      input: {
        type: 'object',
        required: ['files'],
        properties: {
          files: { title: 'Files', description: 'A list of files and directories that will be deleted (glob patterns)', type: 'array', items: { type: 'string' } },
        },
      },
    },
    async handler(ctx) {
      for (const pattern of ctx.input.files) {
        if (pattern.split('/').includes('..') || pattern.startsWith('/')) {
          throw new ScaffolderError('PATH_NOT_ALLOWED', `Relative path is not allowed to refer to a directory outside its parent: ${pattern}`);
        }
      }
      const patterns = ctx.input.files.map(globToRegExp);
      const deleted: string[] = [];
      for (const entry of await listEntries(ctx.workspacePath)) {
        if (deleted.some((d) => entry.path.startsWith(`${d}/`))) continue;
        if (!patterns.some((re) => re.test(entry.path))) continue;
        await rm(resolveSafeChildPath(ctx.workspacePath, entry.path), { recursive: true, force: true });
        deleted.push(entry.path);
        ctx.logger.info(`File ${entry.path} deleted successfully`);
      }
    },
  });
}
