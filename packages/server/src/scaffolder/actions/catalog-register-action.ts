/**
 * `catalog:register` (Backstage's input): registers the entities of a catalog file in Sluice's
 * catalog with source `task:<task id>`. The file comes from `catalogInfoUrl`, from `repoContentsUrl`
 * + `catalogInfoPath` (default `/catalog-info.yaml`), or, with only `catalogInfoPath`, from the task
 * workspace (a Sluice extension for templates that write the file locally). Output: `entityRef`
 * (the first entity that is not a Location) and `catalogInfoUrl`. `optional: true` turns failures
 * into a logged warning.
 */
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { createTemplateAction, resolveSafeChildPath, type TemplateAction } from '@sluice/scaffolder';
import type { EntityCatalog } from '../../catalog/entity-catalog.js';
import { registerEntity } from '../../catalog/register-entity.js';

export interface CatalogRegisterInput {
  readonly catalogInfoUrl?: string;
  readonly repoContentsUrl?: string;
  readonly catalogInfoPath?: string;
  readonly optional?: boolean;
}

export function createCatalogRegisterAction(o: { catalog: EntityCatalog; fetchFn?: typeof fetch }): TemplateAction<CatalogRegisterInput> {
  return createTemplateAction<CatalogRegisterInput>({
    id: 'catalog:register',
    description: 'Registers entities from a catalog descriptor file in the software catalog.',
    examples: [{ description: 'Register with the catalog', example: 'steps:\n  - action: catalog:register\n    id: register\n    input:\n      catalogInfoPath: catalog-info.yaml\n' }],
    schema: {
      input: {
        type: 'object',
        properties: {
          catalogInfoUrl: { type: 'string', title: 'Catalog Info URL' },
          repoContentsUrl: { type: 'string', title: 'Repository Contents URL' },
          catalogInfoPath: { type: 'string', title: 'Fetch URL (or workspace path)' },
          optional: { type: 'boolean', title: 'Optional' },
        },
      },
      output: { type: 'object', properties: { entityRef: { type: 'string' }, catalogInfoUrl: { type: 'string' } } },
    },
    async handler(ctx) {
      const { input } = ctx;
      try {
        let text: string;
        let where: string;
        if (input.catalogInfoUrl || input.repoContentsUrl) {
          where = input.catalogInfoUrl ?? `${input.repoContentsUrl!.replace(/\/+$/, '')}/${(input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, '')}`;
          const res = await (o.fetchFn ?? fetch)(where, { signal: ctx.signal });
          if (!res.ok) throw new Error(`could not fetch ${where}: HTTP ${res.status}`);
          text = await res.text();
        } else if (input.catalogInfoPath) {
          where = input.catalogInfoPath;
          text = await readFile(resolveSafeChildPath(ctx.workspacePath, input.catalogInfoPath), 'utf8');
        } else {
          throw new Error('catalog:register needs catalogInfoUrl, repoContentsUrl or catalogInfoPath');
        }
        const docs = parseAllDocuments(text).map((d) => d.toJS() as unknown).filter((e) => e !== null && typeof e === 'object');
        if (docs.length === 0) throw new Error(`${where} holds no entity`);
        let entityRef: string | undefined;
        for (const doc of docs) {
          const stored = await registerEntity(o.catalog, doc, { source: `task:${ctx.taskId}` });
          const ref = `${stored.kind.toLowerCase()}:${stored.metadata.namespace ?? 'default'}/${stored.metadata.name}`;
          ctx.logger.info(`Registered ${ref}`);
          if (!entityRef && stored.kind.toLowerCase() !== 'location') entityRef = ref;
        }
        ctx.output('entityRef', entityRef ?? 'unknown');
        ctx.output('catalogInfoUrl', where);
      } catch (err) {
        if (!input.optional) throw err;
        ctx.logger.warn(`Failed to register with the catalog: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
}
