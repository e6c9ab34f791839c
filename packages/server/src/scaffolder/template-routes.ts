/**
 * Backstage's scaffolder template endpoints under `/api/scaffolder`: `GET /v2/actions`,
 * `GET /v2/templates/:namespace/:kind/:name/parameter-schema`, `POST /v2/dry-run`, and Sluice's
 * `POST /v2/templates/import {url}` (admins and services) that imports a template from a URL.
 */
import type { FastifyInstance } from 'fastify';
import { parameterPages, type JsonObject, type SerializedFile } from '@sluice/scaffolder';
import type { AppContext } from '../app/context.js';
import { badRequest, notFound } from '../http/http-error.js';
import { requireAdmin, requireAuthenticated } from '../http/request-principal.js';

export async function registerTemplateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const s = ctx.scaffolder;

  app.get('/api/scaffolder/v2/actions', async () => s.registry.list());

  app.get('/api/scaffolder/v2/templates/:namespace/:kind/:name/parameter-schema', async (req) => {
    requireAuthenticated(req);
    const { namespace, kind, name } = req.params as { namespace: string; kind: string; name: string };
    const loaded = kind.toLowerCase() === 'template' ? s.templates.get(`template:${namespace}/${name}`) : undefined;
    if (!loaded) throw notFound(`no template ${kind}:${namespace}/${name}`);
    const t = loaded.template;
    return {
      title: t.metadata.title ?? t.metadata.name,
      ...(t.metadata.description !== undefined ? { description: t.metadata.description } : {}),
      steps: parameterPages(t).map((page) => ({
        title: typeof page['title'] === 'string' ? page['title'] : 'Please enter the following information',
        ...(typeof page['description'] === 'string' ? { description: page['description'] } : {}),
        schema: page,
      })),
    };
  });

  app.post('/api/scaffolder/v2/dry-run', async (req) => {
    const p = requireAuthenticated(req);
    const body = (req.body ?? {}) as { template?: unknown; values?: unknown; secrets?: Record<string, string>; directoryContents?: unknown };
    if (!body.template || typeof body.template !== 'object') throw badRequest('template is required');
    const directoryContents = Array.isArray(body.directoryContents) ? (body.directoryContents as SerializedFile[]) : [];
    const r = await s.dryRun({
      template: body.template,
      values: (body.values ?? {}) as JsonObject,
      ...(body.secrets ? { secrets: body.secrets } : {}),
      directoryContents,
      ...(p.type === 'user' ? { userRef: p.userEntityRef } : {}),
    });
    return {
      log: r.log.map((e) => ({ body: e.body })),
      directoryContents: r.directoryContents ?? [],
      output: r.output,
      steps: r.steps.map((st) => ({ id: st.id, name: st.name, action: st.action, status: st.status })),
      ...(r.error ? { error: r.error } : {}),
    };
  });

  app.post('/api/scaffolder/v2/templates/import', async (req, reply) => {
    requireAdmin(req);
    const url = (req.body as { url?: unknown } | undefined)?.url;
    if (typeof url !== 'string') throw badRequest('url is required');
    const templateRef = await s.templates.importFromUrl(url);
    return reply.status(201).send({ templateRef });
  });
}

