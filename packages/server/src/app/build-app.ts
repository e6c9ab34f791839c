/** The HTTP application: fastify with auth, the error handler and every route module. */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { registerApprovalRoutes } from '../approvals/approval-routes.js';
import { registerAuthRoutes } from '../auth/auth-routes.js';
import { ANONYMOUS } from '../auth/principal.js';
import { registerCatalogRoutes } from '../catalog/catalog-routes.js';
import { registerEventRoutes } from '../events/event-routes.js';
import { registerGitLabWebhookRoutes } from '../gitlab/gitlab-webhook-routes.js';
import { errorHandler } from '../http/error-handler.js';
import '../http/request-principal.js';
import { registerNotificationRoutes } from '../notifications/notification-routes.js';
import { registerOpsRoutes } from '../ops/ops-routes.js';
import { registerOrchestratorRoutes } from '../orchestrator/orchestrator-routes.js';
import { Portal, defaultPortalDir } from '../portal/portal-static.js';
import { registerPortalRoutes } from '../portal/portal-routes.js';
import { registerScaffolderRoutes } from '../scaffolder/scaffolder-routes.js';
import { registerSonataflowRoutes } from '../sonataflow/sonataflow-routes.js';
import type { AppContext } from './context.js';

/** Builds (does not start) the application. */
export async function buildApp(ctx: AppContext, logger: PinoLogger): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, strict: false } },
    forceCloseConnections: 'idle',
  });
  app.decorateRequest('principal', null as unknown as typeof ANONYMOUS);
  app.addHook('onRequest', async (req) => {
    req.principal = await ctx.auth.authenticate(req.headers.authorization);
  });
  app.setErrorHandler(errorHandler);
  const portal = await Portal.register(app, ctx.config.portalDir ?? defaultPortalDir());
  app.setNotFoundHandler((req, reply) => {
    if (portal.fallback(req, reply)) return;
    return reply.status(404).send({ error: { name: 'NotFoundError', message: `${req.url} path not found` }, request: { method: req.method, url: req.url }, response: { statusCode: 404 } });
  });
  await registerOpsRoutes(app, ctx);
  await registerAuthRoutes(app, ctx);
  await registerCatalogRoutes(app, ctx);
  await registerNotificationRoutes(app, ctx);
  await registerOrchestratorRoutes(app, ctx);
  await registerEventRoutes(app, ctx);
  await registerGitLabWebhookRoutes(app, ctx);
  await registerScaffolderRoutes(app, ctx);
  await registerApprovalRoutes(app, ctx);
  await registerPortalRoutes(app, ctx);
  // Last: its `POST /:workflowId` must not shadow anything above.
  await registerSonataflowRoutes(app, ctx);
  return app;
}
