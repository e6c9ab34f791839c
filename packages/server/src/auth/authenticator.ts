/**
 * Turns an `Authorization: Bearer <token>` header into a Principal: a static external-access token
 * (compared in constant time) is a service; a portal token is a user, with their groups from the
 * catalog and admin rights from `auth.admins`. Anything else is anonymous (routes decide whether
 * that is a 401).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Directory } from '../catalog/directory.js';
import type { ExternalAccessToken } from '../config/server-config.js';
import { ANONYMOUS, type Principal, type UserPrincipal } from './principal.js';
import type { UserTokens } from './user-token.js';

export class Authenticator {
  private readonly statics: readonly { token: Buffer; subject: string }[];

  constructor(
    externalAccess: readonly ExternalAccessToken[],
    private readonly tokens: UserTokens,
    private readonly directory: Directory,
    private readonly admins: readonly string[],
  ) {
    this.statics = externalAccess.map((e) => ({ token: Buffer.from(e.token), subject: e.subject }));
  }

  /** The principal of a request's Authorization header. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return ANONYMOUS;
    const token = m[1]!;
    const presented = Buffer.from(token);
    for (const s of this.statics) {
      if (s.token.length === presented.length && timingSafeEqual(s.token, presented)) return { type: 'service', subject: s.subject };
    }
    const user = await this.tokens.verify(token);
    if (!user) return ANONYMOUS;
    return this.userPrincipal(user);
  }

  /** A user principal with the user's groups and admin rights. */
  async userPrincipal(userEntityRef: string): Promise<UserPrincipal> {
    const groups = await this.directory.groupsOf(userEntityRef);
    const ownershipEntityRefs = [userEntityRef, ...groups];
    return { type: 'user', userEntityRef, ownershipEntityRefs, isAdmin: ownershipEntityRefs.some((r) => this.admins.includes(r)) };
  }
}
