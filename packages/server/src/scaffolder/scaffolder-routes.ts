/** Every scaffolder route (`/api/scaffolder/v2/...`): templates, actions, dry-run and tasks. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { registerTaskRoutes } from './task-routes.js';
import { registerTemplateRoutes } from './template-routes.js';

export async function registerScaffolderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerTemplateRoutes(app, ctx);
  await registerTaskRoutes(app, ctx);
}
