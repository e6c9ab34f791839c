/** The server's configuration, read once at start (see load-config.ts), frozen and passed down. */

/** A static external-access token (Backstage `backend.auth.externalAccess`, type static). */
export interface ExternalAccessToken {
  readonly token: string;
  readonly subject: string;
}

/** OpenID Connect sign-in for real deployments. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Where the provider sends the browser back; default `<baseUrl>/api/auth/oidc/handler/frame`. */
  readonly redirectUrl?: string;
  readonly scope: string;
  /** The ID-token claim that names the catalog user (`preferred_username` by default). */
  readonly userClaim: string;
}

export interface AuthConfig {
  readonly externalAccess: readonly ExternalAccessToken[];
  /** Guest sign-in (pick a catalog user): the embedded default; turn off for real deployments. */
  readonly guest: boolean;
  readonly oidc?: OidcConfig;
  /** Users or groups (entity refs) that are administrators. */
  readonly admins: readonly string[];
}

/** Who may read and who may use a workflow: entity refs (users or groups), or `*` for any signed-in user. */
export interface WorkflowGrant {
  readonly read: readonly string[];
  readonly use: readonly string[];
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** `sqlite:<path>` or a `postgres://` URL. */
  readonly database: string;
  /** Where generated secrets (the self-wiring token, the session key) and the SQLite file live. */
  readonly dataDir: string;
  readonly workflows: string;
  readonly templates: string;
  readonly catalog: string;
  /** The built portal served at `/`; default: this repository's packages/web/dist. */
  readonly portalDir?: string;
  /** The URL others reach this server at; default `http://<host>:<port>`. */
  readonly baseUrl?: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly auth: AuthConfig;
  /** Per workflow id, or `*`; a workflow without an entry uses `*`, and without `*` everyone may read and use. */
  readonly workflowPermissions: Readonly<Record<string, WorkflowGrant>>;
  /**
   * Steps and calls in progress on this server above which new runs are refused with 503 and
   * Retry-After, so that an overloaded server keeps its running instances healthy instead of
   * accepting runs whose calls then time out.
   */
  readonly maxPendingWork: number;
  /** GitLab's webhook secret token; when set, `POST /api/gitlab/webhook` turns issue label changes into CloudEvents. */
  readonly gitlabWebhookSecret?: string;
  /** Watch workflow folders and reload definitions when their files change. */
  readonly watch: boolean;
  /** Extra configuration for workflows (beside the environment), e.g. `GITLAB_URL`. */
  readonly workflowEnv: Readonly<Record<string, string>>;
  /** Per workflow id (or `*`): values that win over the folder's application.properties. */
  readonly workflowProperties: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Where the configuration came from (for messages). */
  readonly configFile?: string;
}
