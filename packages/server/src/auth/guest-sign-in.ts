/**
 * Guest sign-in, the embedded default (`auth.guest`): pick a catalog user, no password. Routes:
 * `GET /api/auth/guest/users` (the users to pick from) and `POST /api/auth/guest/refresh` with
 * `{userEntityRef}` or `{user: 'dev1'}` (a portal token). Not registered when guest sign-in is off,
 * so both answer 404 then.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import type { Directory } from '../catalog/directory.js';
import { badRequest, notFound } from '../http/http-error.js';
import { issuePortalSession, toUserRef } from './portal-session.js';

const REFRESH_BODY = {
  type: 'object',
  properties: {
    userEntityRef: { type: 'string', minLength: 1, maxLength: 300 },
    user: { type: 'string', minLength: 1, maxLength: 300 },
  },
} as const;

/** Registers the guest routes. */
export async function registerGuestSignIn(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const directory: Directory = ctx.catalog;

  app.get('/api/auth/guest/users', async () => {
    const refs = [...(await directory.users())].sort();
    const items = await Promise.all(
      refs.map(async (userEntityRef) => {
        const displayName = (await directory.profile?.(userEntityRef))?.displayName;
        return displayName ? { userEntityRef, displayName } : { userEntityRef };
      }),
    );
    return { items };
  });

  app.post<{ Body: { userEntityRef?: string; user?: string } | undefined }>('/api/auth/guest/refresh', { schema: { body: REFRESH_BODY } }, async (req) => {
    const given = req.body?.userEntityRef ?? req.body?.user;
    if (given === undefined) throw badRequest('give the user to sign in as: {"userEntityRef": "user:default/dev1"} or {"user": "dev1"}');
    const ref = toUserRef(given);
    if (!ref) throw badRequest(`${given} is not a user (expected user:<namespace>/<name> or a name)`);
    if (!(await directory.hasUser(ref))) throw notFound(`no user ${ref} in the catalog`);
    const session = await issuePortalSession(ctx, ref);
    req.log.info({ user: ref, method: 'guest' }, 'signed in');
    return session;
  });
}
