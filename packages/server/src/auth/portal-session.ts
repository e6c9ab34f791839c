/**
 * What a sign-in (guest or OIDC) hands the portal: a portal token for a catalog user and the
 * identity it stands for, Backstage-flavoured (`userEntityRef`, `ownershipEntityRefs`).
 */
import { decodeJwt } from 'jose';
import type { Authenticator } from './authenticator.js';
import type { UserTokens } from './user-token.js';

/** The answer of a sign-in. */
export interface PortalSession {
  readonly token: string;
  readonly identity: {
    readonly userEntityRef: string;
    readonly ownershipEntityRefs: readonly string[];
    readonly isAdmin: boolean;
  };
  readonly expiresInSeconds: number;
}

/** Issues a token for `userEntityRef` (which the caller has checked is in the catalog). */
export async function issuePortalSession(deps: { readonly auth: Authenticator; readonly userTokens: UserTokens }, userEntityRef: string): Promise<PortalSession> {
  const token = await deps.userTokens.issue(userEntityRef);
  const { exp = 0, iat = 0 } = decodeJwt(token);
  const p = await deps.auth.userPrincipal(userEntityRef);
  return {
    token,
    identity: { userEntityRef, ownershipEntityRefs: p.ownershipEntityRefs, isAdmin: p.isAdmin },
    expiresInSeconds: exp - iat,
  };
}

/**
 * `dev1` → `user:default/dev1`, `team-a/dev1` → `user:team-a/dev1`, `user:dev1` → `user:default/dev1`,
 * lower-cased as the catalog keeps refs (Backstage compares them case-insensitively); another kind
 * (`group:…`) gives undefined.
 */
export function toUserRef(name: string): string | undefined {
  const s = name.trim();
  if (!s) return undefined;
  const colon = s.indexOf(':');
  const kind = colon >= 0 ? s.slice(0, colon).toLowerCase() : 'user';
  const rest = colon >= 0 ? s.slice(colon + 1) : s;
  if (kind !== 'user' || !rest || /\s/.test(rest)) return undefined;
  const slash = rest.indexOf('/');
  if (slash === 0 || slash === rest.length - 1) return undefined;
  return (slash > 0 ? `user:${rest}` : `user:default/${rest}`).toLowerCase();
}
