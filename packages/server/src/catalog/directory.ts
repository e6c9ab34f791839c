/** What auth and notifications need to know about users and groups (implemented by the catalog). */
export interface Directory {
  /** True when the catalog has this user (`user:ns/name`). */
  hasUser(userRef: string): Promise<boolean>;
  /** The groups a user belongs to, directly or through parent groups (`group:ns/name`). */
  groupsOf(userRef: string): Promise<string[]>;
  /**
   * The users an entity ref stands for: a user itself, a group's members (recursively through child
   * groups), or the owner of any other entity. Unknown refs give []. Refs in `exclude` are neither
   * returned nor expanded (Backstage's `excludeEntityRef`).
   */
  usersFor(entityRef: string, exclude?: readonly string[]): Promise<string[]>;
  /** Every user ref (for the guest sign-in picker). */
  users(): Promise<string[]>;
  /** A user's `spec.profile` (display name for the guest sign-in picker and `/api/auth/me`); undefined when unknown. Optional. */
  profile?(userRef: string): Promise<UserProfile | undefined>;
}

/** The profile of a Backstage User entity (`spec.profile`). */
export interface UserProfile {
  readonly displayName?: string;
  readonly email?: string;
  readonly picture?: string;
}
