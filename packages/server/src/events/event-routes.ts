/**
 * CloudEvents in over HTTP: `POST /api/events`, and `POST /` as SonataFlow accepts them (binary mode
 * with `ce-kogitoprocrefid`, structured and batch modes too). Answers 202
 * `{id, delivered: [instanceIds], started: [instanceIds]}` (`duplicate: true` for an event already
 * received), a batch `{events: [...]}`; 400 naming what is wrong with an event.
 *
 * Auth: a service (static token) or a signed-in user; anonymous callers get 401. SonataFlow took
 * events from anyone who could reach it; Sluice's port is the portal's, so it asks for a token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { requireAuthenticated } from '../http/request-principal.js';
import type { IntakeResult } from './event-intake.js';
import { parseCloudEvents } from './parse-cloud-events.js';

/** Largest event request body (CloudEvents asks brokers for 64 KiB; data such as a webhook's can be larger). */
export const EVENT_BODY_LIMIT = 1024 * 1024;

export async function registerEventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // An encapsulated scope: the raw-body parser for every content type applies to these routes only.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVENT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const handler = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      requireAuthenticated(req);
      const body = Buffer.isBuffer(req.body) ? req.body : undefined;
      const { mode, events } = parseCloudEvents(req.headers, body);
      const results: IntakeResult[] = [];
      for (const event of events) results.push(await ctx.events.receive(event));
      return reply.status(202).send(mode === 'batch' ? { events: results.map(answer) } : answer(results[0]!));
    };
    scope.post('/api/events', handler);
    scope.post('/', handler);
  });
}

function answer(r: IntakeResult): Record<string, unknown> {
  return { id: r.id, ...(r.duplicate ? { duplicate: true } : {}), delivered: r.delivered, started: r.started };
}
