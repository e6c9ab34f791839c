/**
 * Operations endpoints: `GET /health` (the process answers), `GET /ready` (workflows and catalog
 * loaded, runtime running; 503 before and while stopping), `GET /metrics` (Prometheus text), and the
 * hook that times every HTTP request for `sluice_http_request_duration_seconds`.
 *
 * `/metrics` is open, like `/health`: the embedded default listens on 127.0.0.1, and in a cluster
 * the port is scraped from inside (restrict it at the ingress). It shows workflow ids, route
 * patterns and counts, never instance data, users or tokens.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { countInstancesByStatus } from './count-instances.js';

/** Label for requests no route matched (404s), so that raw URLs never become label values. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Registers the endpoints and the timing hook on the root instance (so the hook sees every route). */
export async function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { metrics } = ctx;
  metrics.countInstancesWith(async () => {
    try {
      return await countInstancesByStatus(ctx.db);
    } catch (err) {
      app.log.warn({ err }, 'metrics: counting instances failed');
      return undefined;
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    metrics.observeHttp(req.method, req.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (_req, reply) => {
    if (ctx.isReady()) return { status: 'ready' };
    return reply.status(503).send({ status: 'not ready' });
  });

  app.get('/metrics', async (_req, reply) => {
    const text = await metrics.render();
    return reply.header('cache-control', 'no-store').type(metrics.contentType).send(text);
  });
}
