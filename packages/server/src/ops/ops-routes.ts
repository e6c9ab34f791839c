/** Routes (skeleton: filled in by the work on this module). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';

export async function registerOpsRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
