/**
 * Backstage-compatible notifications: create (entity recipients expanded to users, or broadcast),
 * list per user with filters, read/unread/saved, status counts, and a live feed for the portal.
 * (Skeleton: filled in by the notifications work.)
 */
import type { Clock, IdSource } from '@sluice/engine';
import type { Directory } from '../catalog/directory.js';
import type { ServerDb } from '../db/server-db.js';

export class NotificationService {
  constructor(
    protected readonly o: { readonly db: ServerDb; readonly directory: Directory; readonly clock: Clock; readonly ids: IdSource; readonly baseUrl: () => string },
  ) {}
}
