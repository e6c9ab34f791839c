/**
 * Backstage's notifications API under `/api/notifications` with its deprecated aliases (what
 * SonataFlow workflows call: `POST /api/notifications`, `GET /api/notifications`,
 * `POST /api/notifications/update`), plus the live stream (live-route.ts). Sending is for
 * services, everything else for users (notification-guards.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { notFound } from '../http/http-error.js';
import { registerLiveRoute, type LiveRouteOptions } from './live-route.js';
import { notificationOrigin, notificationUser } from './notification-guards.js';
import { parseNotificationQuery } from './notification-query.js';

const BASE = '/api/notifications';

type Query = Record<string, string | string[] | undefined>;

export async function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext, opts: LiveRouteOptions = {}): Promise<void> {
  ctx.notifications.reportErrorsTo((err) => app.log.warn({ err }, 'notifications: live fan-out failed'));
  app.addHook('onClose', async () => ctx.notifications.close());

  const send = async (req: FastifyRequest) => ctx.notifications.send(notificationOrigin(req), req.body);
  app.post(`${BASE}/notifications`, send);
  app.post(BASE, send);

  const list = async (req: FastifyRequest) => ctx.notifications.list(notificationUser(req), parseNotificationQuery(req.query as Query));
  app.get(`${BASE}/notifications`, list);
  app.get(BASE, list);

  app.get(`${BASE}/status`, async (req) => ctx.notifications.status(notificationUser(req)));

  app.get(`${BASE}/topics`, async (req) => {
    const user = notificationUser(req);
    const { offset: _o, limit: _l, orderField: _f, ...filters } = req.query as Query;
    return ctx.notifications.topics(user, parseNotificationQuery(filters));
  });

  const update = async (req: FastifyRequest) => ctx.notifications.update(notificationUser(req), req.body);
  app.post(`${BASE}/notifications/update`, update);
  app.post(`${BASE}/update`, update);

  registerLiveRoute(app, ctx, opts);

  // After the fixed paths above (find-my-way prefers static segments anyway).
  const one = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const n = await ctx.notifications.get(notificationUser(req), req.params.id);
    if (!n) throw notFound('Not found');
    return n;
  };
  app.get(`${BASE}/notifications/:id`, one);
  app.get(`${BASE}/:id`, one);
}
