/**
 * `GET /api/notifications/live`: a server-sent-events stream of the caller's notification events
 * (their own and broadcasts), replacing Backstage's signals WebSocket for the portal. Events are
 * named after Backstage's signal actions and carry the same messages:
 * `new_notification` `{action, notification_id}`, `notification_read` / `notification_unread`
 * `{action, notification_ids}`. A `: connected` comment follows once the stream is subscribed
 * (on PostgreSQL: listening to the other replicas), and a `: heartbeat` comment every 25 s.
 *
 * EventSource cannot send headers, so this route (only this one) also takes the portal token as
 * `?token=`; the token is never echoed (error bodies show the URL with it masked).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { toHttpAnswer } from '../http/error-handler.js';
import type { LiveEvent } from './live-feed.js';
import { notificationUser } from './notification-guards.js';
import { SseStream } from './sse-stream.js';

/** The live route's path. */
export const LIVE_PATH = '/api/notifications/live';

export interface LiveRouteOptions {
  /** Between heartbeat comments; default 25 s. */
  readonly heartbeatMs?: number;
}

/** Registers the route, and ends open streams when the server closes. */
export function registerLiveRoute(app: FastifyInstance, ctx: AppContext, opts: LiveRouteOptions = {}): void {
  const streams = new Set<SseStream>();
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.close();
  });

  app.get<{ Querystring: { token?: string } }>(LIVE_PATH, { errorHandler: maskedErrors }, async (req, reply) => {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (req.principal.type === 'anonymous' && token) req.principal = await ctx.auth.authenticate(`Bearer ${token}`);
    const user = notificationUser(req);

    reply.hijack();
    const stream = new SseStream(reply.raw, { heartbeatMs: opts.heartbeatMs ?? 25_000 });
    streams.add(stream);
    let unsubscribe: (() => void) | undefined;
    stream.onClose(() => {
      streams.delete(stream);
      unsubscribe?.();
    });
    stream.retry(3000);
    const off = await ctx.notifications.subscribe(user, (e) => forward(stream, e));
    if (stream.closed) off();
    else {
      unsubscribe = off;
      stream.comment('connected');
    }
  });
}

function forward(stream: SseStream, e: LiveEvent): void {
  if (e.action === 'new_notification') for (const id of e.ids) stream.send(e.action, { action: e.action, notification_id: id });
  else stream.send(e.action, { action: e.action, notification_ids: e.ids });
}

/** The usual error body, with any `token` query parameter masked. */
function maskedErrors(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const a = toHttpAnswer(err);
  if (a.status >= 500) req.log.error({ err }, 'request failed');
  return reply.status(a.status).send({
    error: { name: a.name, message: a.message, ...(a.details !== undefined ? { details: a.details } : {}) },
    request: { method: req.method, url: maskToken(req.url) },
    response: { statusCode: a.status },
  });
}

/** `url` with the value of every `token` query parameter replaced by `***`. */
export function maskToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1***');
}
