/** Who is calling: nobody, a portal user, or a service holding a static external-access token. */

export type Principal = AnonymousPrincipal | UserPrincipal | ServicePrincipal;

export interface AnonymousPrincipal {
  readonly type: 'anonymous';
}

export interface UserPrincipal {
  readonly type: 'user';
  /** `user:default/dev1`. */
  readonly userEntityRef: string;
  /** The user and every group they belong to (directly or through parent groups). */
  readonly ownershipEntityRefs: readonly string[];
  readonly isAdmin: boolean;
}

/**
 * A static external-access token's holder (Backstage `backend.auth.externalAccess`): the subject
 * becomes the origin of notifications it sends. Service calls are allowed everything, as Backstage's
 * permission framework allows all service-to-service requests; on the Orchestrator API it acts as
 * an admin and starts runs as `user:default/system`.
 */
export interface ServicePrincipal {
  readonly type: 'service';
  readonly subject: string;
}

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ type: 'anonymous' });

/** The initiator recorded for runs that a service (static token) starts. */
export const SYSTEM_INITIATOR = 'user:default/system';
