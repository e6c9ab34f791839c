/** `debug:log`: writes a message, and optionally the workspace's files, to the task log. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../fs/list-files.js';
import { createTemplateAction, type TemplateAction } from './template-action.js';

/** Input of `debug:log`. */
export interface DebugLogInput {
  readonly message?: string;
  /** `true` or `with-filenames` lists the files; `with-contents` adds each file's text. */
  readonly listWorkspace?: boolean | 'with-filenames' | 'with-contents';
}

/** Creates the `debug:log` action. */
export function createDebugLogAction(): TemplateAction<DebugLogInput> {
  return createTemplateAction<DebugLogInput>({
    id: 'debug:log',
    description: 'Writes a message into the log and/or lists all files in the workspace.',
    supportsDryRun: true,
    examples: [{ description: 'Write a debug message', example: 'steps:\n  - action: debug:log\n    id: write-debug-line\n    name: Write "Hello Backstage!" log line\n    input:\n      message: Hello Backstage!\n' }],
    schema: {
      input: {
        type: 'object',
        properties: {
          message: { type: 'string', title: 'Message to output.' },
          listWorkspace: {
            title: 'List all files in the workspace, if true.',
            oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['with-filenames', 'with-contents'] }],
          },
        },
      },
    },
    async handler(ctx) {
      if (ctx.input.message) ctx.logger.info(ctx.input.message);
      const mode = ctx.input.listWorkspace;
      if (!mode) return;
      const files = await listFiles(ctx.workspacePath);
      const lines: string[] = [];
      for (const f of files) {
        if (mode === 'with-contents') lines.push(`  ${f}:\n  \`\`\`\n${await readFile(join(ctx.workspacePath, f), 'utf8')}\n  \`\`\``);
        else lines.push(`  ${f}`);
      }
      ctx.logger.info(`Workspace:\n${lines.join('\n')}`);
    },
  });
}
