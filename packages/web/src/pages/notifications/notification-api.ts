/**
 * The notifications API as the page uses it: a page of the caller's notifications for a view
 * (unread, all, saved) and a search, marking read/unread and saved/unsaved, and "mark all read"
 * (the API has no such call: it reads the unread ids and marks them, 1000 at a time).
 */
import { api } from '../../api/client';
import type { Notification } from '../../api/types';

export type NotificationView = 'unread' | 'all' | 'saved';
export const VIEWS: readonly NotificationView[] = ['unread', 'all', 'saved'];

export interface NotificationPage {
  readonly totalCount: number;
  readonly notifications: Notification[];
}

const BASE = '/api/notifications';
/** Most ids the server takes in one update. */
const MAX_IDS = 1000;

/** The query string of a page of `view` matching `search` (newest first). */
export function listQuery(view: NotificationView, search: string, offset: number, limit: number): string {
  const q = new URLSearchParams({ offset: String(offset), limit: String(limit), orderField: 'created,desc' });
  if (view === 'unread') q.set('read', 'false');
  if (view === 'saved') q.set('saved', 'true');
  if (search.trim()) q.set('search', search.trim());
  return q.toString();
}

export function listNotifications(view: NotificationView, search: string, offset: number, limit: number, signal: AbortSignal): Promise<NotificationPage> {
  return api<NotificationPage>(`${BASE}?${listQuery(view, search, offset, limit)}`, { signal });
}

/** Marks `ids` read/unread and/or saved/unsaved; resolves to them as they are now. */
export function updateNotifications(ids: readonly string[], change: { read?: boolean; saved?: boolean }): Promise<Notification[]> {
  return api<Notification[]>(`${BASE}/update`, { body: { ids, ...change } });
}

/** Marks every unread notification read; resolves to how many were marked. */
export async function markAllRead(): Promise<number> {
  let marked = 0;
  // Each round marks what it read, so the next round reads the next ones; the bound stops a loop
  // should the server keep answering the same ids.
  for (let round = 0; round < 50; round++) {
    const page = await api<NotificationPage>(`${BASE}?read=false&offset=0&limit=${MAX_IDS}`);
    const ids = page.notifications.map((n) => n.id);
    if (ids.length === 0) break;
    await updateNotifications(ids, { read: true });
    marked += ids.length;
    if (ids.length < MAX_IDS) break;
  }
  return marked;
}
