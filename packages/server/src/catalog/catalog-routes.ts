/**
 * The Backstage catalog routes Sluice serves (`/api/catalog`): entity list with `filter`, by name,
 * by refs; plus registration and removal for administrators and services (Backstage registers
 * through locations instead; entities from catalog files cannot be replaced or removed here).
 * Reads need any signed-in principal.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { notFound } from '../http/http-error.js';
import { requireAdmin, requireAuthenticated } from '../http/request-principal.js';
import { parseEntityFilter } from './entity-filter.js';
import { stringifyEntityRef } from './entity-ref.js';

/** The source recorded for entities registered through `POST /api/catalog/entities`. */
export const API_SOURCE = 'api';

interface ByName {
  kind: string;
  namespace: string;
  name: string;
}

const BY_NAME = {
  type: 'object',
  required: ['kind', 'namespace', 'name'],
  properties: { kind: { type: 'string', minLength: 1 }, namespace: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 } },
} as const;

// Guards run before validation, so an anonymous caller gets 401 whatever it sent.
const READ = {
  preValidation: async (req: FastifyRequest): Promise<void> => {
    requireAuthenticated(req);
  },
};
const WRITE = {
  preValidation: async (req: FastifyRequest): Promise<void> => {
    requireAdmin(req);
  },
};

const noEntity = (p: ByName): Error => notFound(`No entity named '${p.name}' found, with kind '${p.kind}' in namespace '${p.namespace}'`);

export async function registerCatalogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { filter?: string[]; limit?: number; offset?: number } }>(
    '/api/catalog/entities',
    {
      ...READ,
      schema: {
        querystring: {
          type: 'object',
          properties: { filter: { type: 'array', items: { type: 'string' } }, limit: { type: 'integer', minimum: 0 }, offset: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (req) => {
      const { filter, limit, offset } = req.query;
      return ctx.catalog.list({ filter: parseEntityFilter(filter), ...(limit !== undefined ? { limit } : {}), ...(offset !== undefined ? { offset } : {}) });
    },
  );

  app.get<{ Params: ByName }>('/api/catalog/entities/by-name/:kind/:namespace/:name', { ...READ, schema: { params: BY_NAME } }, async (req) => {
    const entity = await ctx.catalog.get(stringifyEntityRef(req.params));
    if (!entity) throw noEntity(req.params);
    return entity;
  });

  app.get<{ Querystring: { entityRef?: string[] } }>(
    '/api/catalog/entities/by-refs',
    { ...READ, schema: { querystring: { type: 'object', properties: { entityRef: { type: 'array', items: { type: 'string' } } } } } },
    async (req) => ({ items: await ctx.catalog.getByRefs(req.query.entityRef ?? []) }),
  );

  app.post<{ Body: { entityRefs: string[] } }>(
    '/api/catalog/entities/by-refs',
    {
      ...READ,
      schema: {
        body: { type: 'object', required: ['entityRefs'], properties: { entityRefs: { type: 'array', maxItems: 10000, items: { type: 'string' } } } },
      },
    },
    async (req) => ({ items: await ctx.catalog.getByRefs(req.body.entityRefs) }),
  );

  app.post('/api/catalog/entities', WRITE, async (req, reply) => {
    const entity = await ctx.catalog.register(req.body, { source: API_SOURCE });
    return reply.status(201).send(entity);
  });

  app.delete<{ Params: ByName }>('/api/catalog/entities/by-name/:kind/:namespace/:name', { ...WRITE, schema: { params: BY_NAME } }, async (req, reply) => {
    const ref = stringifyEntityRef(req.params);
    if ((await ctx.catalog.sourceOf(ref)) === undefined) throw noEntity(req.params);
    await ctx.catalog.unregister(ref);
    return reply.status(204).send();
  });
}
