/**
 * The signed-in user's notifications, live: the unread count for the bell, and a version number that
 * goes up on every pushed event so the notifications page reloads. Follows `/api/notifications/live`
 * (server-sent events) and reads `/api/notifications/status` again after each event.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, followEvents } from '../api/client';
import type { NotificationStatus } from '../api/types';

interface LiveNotifications {
  readonly unread: number;
  readonly version: number;
  /** Read the counts again now (after marking read or unread). */
  readonly refresh: () => void;
}

const Ctx = createContext<LiveNotifications>({ unread: 0, version: 0, refresh: () => {} });

export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState(0);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    void api<NotificationStatus>('/api/notifications/status', { signal: ctl.signal })
      .then((s) => setUnread(s.unread))
      .catch(() => {});
    return () => ctl.abort();
  }, [version]);

  useEffect(() => {
    const ctl = new AbortController();
    void followEvents('/api/notifications/live', () => setVersion((v) => v + 1), ctl.signal).catch(() => {});
    return () => ctl.abort();
  }, []);

  return <Ctx.Provider value={{ unread, version, refresh: () => setVersion((v) => v + 1) }}>{children}</Ctx.Provider>;
}

export function useLiveNotifications(): LiveNotifications {
  return useContext(Ctx);
}
