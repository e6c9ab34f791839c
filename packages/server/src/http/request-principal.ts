/** The authenticated principal on each request, and guards routes use. */
import type { FastifyRequest } from 'fastify';
import type { Principal, ServicePrincipal, UserPrincipal } from '../auth/principal.js';
import { forbidden, unauthorized } from './http-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Any signed-in caller (user or service); 401 otherwise. */
export function requireAuthenticated(req: FastifyRequest): UserPrincipal | ServicePrincipal {
  const p = req.principal;
  if (p.type === 'anonymous') throw unauthorized();
  return p;
}

/** A portal user; 401 for anonymous, 403 for services (as Backstage's user-only routes). */
export function requireUser(req: FastifyRequest): UserPrincipal {
  const p = req.principal;
  if (p.type === 'anonymous') throw unauthorized();
  if (p.type !== 'user') throw forbidden('this operation needs a user, not a service token');
  return p;
}

/** A service (static external-access token); 401 for anonymous, 403 for users. */
export function requireService(req: FastifyRequest): ServicePrincipal {
  const p = req.principal;
  if (p.type === 'anonymous') throw unauthorized();
  if (p.type !== 'service') throw forbidden('this operation needs a service token');
  return p;
}

/** An admin user or a service; 401/403 otherwise. */
export function requireAdmin(req: FastifyRequest): UserPrincipal | ServicePrincipal {
  const p = requireAuthenticated(req);
  if (p.type === 'user' && !p.isAdmin) throw forbidden('this operation is for administrators');
  return p;
}
