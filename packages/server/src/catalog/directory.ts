/** What auth and notifications need to know about users and groups (implemented by the catalog). */
export interface Directory {
  /** True when the catalog has this user (`user:ns/name`). */
  hasUser(userRef: string): Promise<boolean>;
  /** The groups a user belongs to, directly or through parent groups (`group:ns/name`). */
  groupsOf(userRef: string): Promise<string[]>;
  /**
   * The users an entity ref stands for: a user itself, a group's members (recursively through child
   * groups), or the owner of any other entity. Unknown refs give [].
   */
  usersFor(entityRef: string): Promise<string[]>;
  /** Every user ref (for the guest sign-in picker). */
  users(): Promise<string[]>;
}
