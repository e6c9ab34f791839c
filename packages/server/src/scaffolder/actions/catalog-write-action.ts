/** `catalog:write` (Backstage's input): writes `entity` as YAML to `filePath` (default `catalog-info.yaml`) in the workspace. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { createTemplateAction, resolveSafeChildPath, type TemplateAction } from '@sluice/scaffolder';

export interface CatalogWriteInput {
  readonly filePath?: string;
  readonly entity: Record<string, unknown>;
}

export function createCatalogWriteAction(): TemplateAction<CatalogWriteInput> {
  return createTemplateAction<CatalogWriteInput>({
    id: 'catalog:write',
    description: 'Writes the catalog-info.yaml for your template',
    supportsDryRun: true,
    examples: [{ description: 'Write a catalog file', example: 'steps:\n  - action: catalog:write\n    id: write\n    input:\n      entity:\n        apiVersion: backstage.io/v1alpha1\n        kind: Component\n        metadata: { name: x }\n' }],
    schema: {
      input: {
        type: 'object',
        required: ['entity'],
        properties: {
          filePath: { type: 'string', title: 'Catalog file path', description: 'Defaults to catalog-info.yaml' },
          entity: { type: 'object', title: 'Entity info to write catalog-info.yaml' },
        },
      },
    },
    async handler(ctx) {
      const path = resolveSafeChildPath(ctx.workspacePath, ctx.input.filePath ?? 'catalog-info.yaml');
      ctx.logger.info(`Writing ${ctx.input.filePath ?? 'catalog-info.yaml'}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, stringify(ctx.input.entity));
    },
  });
}
