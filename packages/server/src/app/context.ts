/** Everything route modules need, built once by the composition root (serve.ts) and passed down. */
import type { Clock, InstanceStore, Runtime } from '@sluice/engine';
import type { Authenticator } from '../auth/authenticator.js';
import type { Permissions } from '../auth/permissions.js';
import type { UserTokens } from '../auth/user-token.js';
import type { EntityCatalog } from '../catalog/entity-catalog.js';
import type { ServerConfig } from '../config/server-config.js';
import type { ServerDb } from '../db/server-db.js';
import type { EventIntake } from '../events/event-intake.js';
import type { NotificationService } from '../notifications/notification-service.js';
import type { Metrics } from '../ops/metrics.js';
import type { ScaffolderService } from '../scaffolder/scaffolder-service.js';
import type { WorkflowRegistry } from '../workflows/workflow-registry.js';
import type { CredentialVault } from './credential-vault.js';

export interface AppContext {
  readonly config: ServerConfig;
  /** The URL this server is reached at (known once it listens). */
  readonly baseUrl: () => string;
  readonly clock: Clock;
  readonly runtime: Runtime;
  readonly store: InstanceStore;
  readonly workflows: WorkflowRegistry;
  readonly db: ServerDb;
  readonly catalog: EntityCatalog;
  readonly auth: Authenticator;
  readonly userTokens: UserTokens;
  readonly permissions: Permissions;
  readonly credentials: CredentialVault;
  readonly notifications: NotificationService;
  readonly events: EventIntake;
  readonly metrics: Metrics;
  readonly scaffolder: ScaffolderService;
  /** True once workflows and the catalog are loaded and the runtime runs (for `/ready`). */
  readonly isReady: () => boolean;
}
