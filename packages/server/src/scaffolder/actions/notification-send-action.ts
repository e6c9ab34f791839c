/**
 * `notification:send` (input of Backstage's notifications scaffolder module): sends through the
 * server's notification service with origin `scaffolder`. `recipients: entity` needs `entityRefs`;
 * `optional: true` turns a failure into a logged warning.
 */
import { createTemplateAction, type TemplateAction } from '@sluice/scaffolder';
import type { NotificationService } from '../../notifications/notification-service.js';

export const NOTIFICATION_ORIGIN = 'scaffolder';

export interface NotificationSendInput {
  readonly recipients: 'broadcast' | 'entity';
  readonly entityRefs?: string[];
  readonly title: string;
  readonly info?: string;
  readonly link?: string;
  readonly severity?: 'low' | 'normal' | 'high' | 'critical';
  readonly scope?: string;
  readonly topic?: string;
  readonly optional?: boolean;
}

export function createNotificationSendAction(o: { notifications: NotificationService }): TemplateAction<NotificationSendInput> {
  return createTemplateAction<NotificationSendInput>({
    id: 'notification:send',
    description: 'Sends a notification using NotificationService',
    examples: [{ description: 'Notify a group', example: 'steps:\n  - action: notification:send\n    id: notify\n    input:\n      recipients: entity\n      entityRefs: [group:default/ops]\n      title: Done\n' }],
    schema: {
      input: {
        type: 'object',
        required: ['recipients', 'title'],
        properties: {
          recipients: { type: 'string', enum: ['broadcast', 'entity'], title: 'Recipient type' },
          entityRefs: { type: 'array', items: { type: 'string' }, title: 'Entity references' },
          title: { type: 'string', title: 'Title' },
          info: { type: 'string', title: 'Description' },
          link: { type: 'string', title: 'Link' },
          severity: { type: 'string', enum: ['low', 'normal', 'high', 'critical'], title: 'Severity' },
          scope: { type: 'string', title: 'Scope' },
          topic: { type: 'string', title: 'Topic' },
          optional: { type: 'boolean', title: 'Optional' },
        },
      },
    },
    async handler(ctx) {
      const i = ctx.input;
      try {
        if (i.recipients === 'entity' && (!i.entityRefs || i.entityRefs.length === 0)) throw new Error('entityRefs are required when recipients is entity');
        const sent = await o.notifications.send(NOTIFICATION_ORIGIN, {
          recipients: i.recipients === 'broadcast' ? { type: 'broadcast' } : { type: 'entity', entityRef: i.entityRefs },
          payload: {
            title: i.title,
            ...(i.info !== undefined ? { description: i.info } : {}),
            ...(i.link !== undefined ? { link: i.link } : {}),
            ...(i.severity !== undefined ? { severity: i.severity } : {}),
            ...(i.scope !== undefined ? { scope: i.scope } : {}),
            ...(i.topic !== undefined ? { topic: i.topic } : {}),
          },
        });
        ctx.logger.info(`Sent ${sent.length} notification(s)`);
      } catch (err) {
        if (!i.optional) throw err;
        ctx.logger.warn(`Failed to send the notification: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
}
