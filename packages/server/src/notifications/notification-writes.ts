/**
 * Write side of the notification tables: inserts, the scoped update-in-place, and read/saved marks
 * (a user's own rows directly; broadcasts through one `sluice_broadcast_states` row per user).
 */
import type { ServerDb } from '../db/server-db.js';
import type { NotificationRow } from '../db/tables.js';
import type { NotificationPayload } from './notification.js';

/** A notification to store. */
export interface NewNotification {
  readonly id: string;
  /** Null for a broadcast. */
  readonly user: string | null;
  readonly origin: string;
  readonly payload: NotificationPayload;
  readonly created: number;
}

/** @internal */
export class NotificationWrites {
  constructor(private readonly db: ServerDb) {}

  /** Inserts unscoped notifications, a few hundred per statement. */
  async insertMany(items: readonly NewNotification[]): Promise<void> {
    for (let i = 0; i < items.length; i += 200) {
      await this.db.db
        .insertInto('sluice_notifications')
        .values(items.slice(i, i + 200).map((n) => this.toRow(n)))
        .execute();
    }
  }

  /**
   * Stores a scoped notification: when one with the same (user or broadcast, scope, origin)
   * exists, it gets the new payload, `updated_at` = now and is unread again (for a broadcast: for
   * every user; saved marks stay); otherwise `n` is inserted. The unique index on
   * (user, scope, origin) settles concurrent senders: the loser updates the winner's row.
   */
  async upsertScoped(n: NewNotification & { payload: { scope: string } }, now: number): Promise<NotificationRow> {
    for (let attempt = 0; ; attempt++) {
      const updated = await this.db.db
        .updateTable('sluice_notifications')
        .set({
          title: n.payload.title,
          description: n.payload.description ?? null,
          topic: n.payload.topic ?? null,
          severity: n.payload.severity,
          payload: this.db.toJson(n.payload),
          updated_at: now,
          read_at: null,
        })
        .where('scope', '=', n.payload.scope)
        .where('origin', '=', n.origin)
        .where((eb) => (n.user === null ? eb('user_ref', 'is', null) : eb('user_ref', '=', n.user)))
        .returningAll()
        .executeTakeFirst();
      if (updated) {
        if (n.user === null) await this.db.db.updateTable('sluice_broadcast_states').set({ read_at: null }).where('notification_id', '=', updated.id).execute();
        return updated;
      }
      const row = this.toRow(n);
      const inserted = await this.db.db
        .insertInto('sluice_notifications')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return inserted;
      if (attempt >= 3) throw new Error(`could not store the scoped notification ${n.payload.scope}`);
    }
  }

  /**
   * Sets `read_at` and/or `saved_at` (a time, or null to clear; undefined leaves it) on the
   * user's own notifications among `ids` and on the broadcasts among them, for this user only.
   */
  async mark(user: string, ids: readonly string[], marks: { read?: number | null; saved?: number | null }): Promise<void> {
    const set: { read_at?: number | null; saved_at?: number | null } = {};
    if (marks.read !== undefined) set.read_at = marks.read;
    if (marks.saved !== undefined) set.saved_at = marks.saved;
    if (Object.keys(set).length === 0 || ids.length === 0) return;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await this.db.db.updateTable('sluice_notifications').set(set).where('id', 'in', chunk).where('user_ref', '=', user).execute();
      const broadcasts = await this.db.db.selectFrom('sluice_notifications').select('id').where('id', 'in', chunk).where('user_ref', 'is', null).execute();
      if (broadcasts.length === 0) continue;
      await this.db.db
        .insertInto('sluice_broadcast_states')
        .values(broadcasts.map((b) => ({ notification_id: b.id, user_ref: user, read_at: set.read_at ?? null, saved_at: set.saved_at ?? null })))
        .onConflict((oc) =>
          oc.columns(['notification_id', 'user_ref']).doUpdateSet((eb) => ({
            ...('read_at' in set ? { read_at: eb.ref('excluded.read_at') } : {}),
            ...('saved_at' in set ? { saved_at: eb.ref('excluded.saved_at') } : {}),
          })),
        )
        .execute();
    }
  }

  private toRow(n: NewNotification): NotificationRow {
    return {
      id: n.id,
      user_ref: n.user,
      origin: n.origin,
      scope: n.payload.scope ?? null,
      topic: n.payload.topic ?? null,
      severity: n.payload.severity,
      title: n.payload.title,
      description: n.payload.description ?? null,
      payload: this.db.toJson(n.payload),
      created_at: n.created,
      updated_at: null,
      read_at: null,
      saved_at: null,
    };
  }
}
