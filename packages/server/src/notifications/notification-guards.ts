/**
 * Who may call the notification routes, as Backstage's `httpAuth.credentials(req, {allow})`: sending
 * is for services only, reading and marking for users only. A principal of the wrong type gets 403
 * NotAllowedError with Backstage's message (the reference notes said 401 for a user sending;
 * Backstage's DefaultHttpAuthService throws NotAllowedError, which is 403). Nobody signed in: 401.
 */
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/http-error.js';

/** The calling user's entity ref. */
export function notificationUser(req: FastifyRequest): string {
  const p = req.principal;
  if (p.type === 'anonymous') throw unauthorized();
  if (p.type !== 'user') throw forbidden(`This endpoint does not allow '${p.type}' credentials`);
  return p.userEntityRef;
}

/** The calling service's subject (the origin of what it sends). */
export function notificationOrigin(req: FastifyRequest): string {
  const p = req.principal;
  if (p.type === 'anonymous') throw unauthorized();
  if (p.type !== 'service') throw forbidden(`This endpoint does not allow '${p.type}' credentials`);
  return p.subject;
}
