/**
 * Sign-in and identity routes, Backstage-flavoured: `GET /api/auth/me` (who the bearer token names),
 * `GET /api/auth/providers` (which sign-ins the portal should offer), guest sign-in when
 * `auth.guest` is on (guest-sign-in.ts) and OpenID Connect when `auth.oidc` is set (oidc-sign-in.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import type { Directory } from '../catalog/directory.js';
import { requireAuthenticated } from '../http/request-principal.js';
import { registerGuestSignIn } from './guest-sign-in.js';
import { registerOidcSignIn } from './oidc-sign-in.js';

/** Registers the routes (the guest and OIDC ones only when configured, so they answer 404 otherwise). */
export async function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { auth } = ctx.config;
  const directory: Directory = ctx.catalog;

  app.get('/api/auth/providers', async () => ({ guest: auth.guest, oidc: auth.oidc !== undefined }));

  app.get('/api/auth/me', async (req) => {
    const p = requireAuthenticated(req);
    if (p.type === 'service') return { type: 'service', subject: p.subject };
    const displayName = (await directory.profile?.(p.userEntityRef))?.displayName;
    return {
      type: 'user',
      userEntityRef: p.userEntityRef,
      ownershipEntityRefs: p.ownershipEntityRefs,
      groups: p.ownershipEntityRefs.filter((r) => r !== p.userEntityRef),
      isAdmin: p.isAdmin,
      ...(displayName ? { displayName } : {}),
    };
  });

  if (auth.guest) await registerGuestSignIn(app, ctx);
  if (auth.oidc) await registerOidcSignIn(app, ctx, auth.oidc);
}
