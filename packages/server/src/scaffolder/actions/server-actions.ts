/** The actions that need the server: `catalog:register`, `catalog:write`, `notification:send`. */
import type { TemplateAction } from '@sluice/scaffolder';
import type { EntityCatalog } from '../../catalog/entity-catalog.js';
import type { NotificationService } from '../../notifications/notification-service.js';
import { createCatalogRegisterAction } from './catalog-register-action.js';
import { createCatalogWriteAction } from './catalog-write-action.js';
import { createNotificationSendAction } from './notification-send-action.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createServerActions(o: { catalog: EntityCatalog; notifications: NotificationService }): TemplateAction<any>[] {
  return [createCatalogRegisterAction({ catalog: o.catalog }), createCatalogWriteAction(), createNotificationSendAction({ notifications: o.notifications })];
}
