/**
 * Notifications (`/notifications`): the caller's notifications in three views (Unread, All,
 * Saved), with search and paging kept in the address (`?view=&q=&page=`), marking read/unread and
 * saved/unsaved, and "Mark all read". Reloads when a live notification arrives, and tells the bell
 * (refresh) after every change so its count follows.
 */
import { Alert, Box, List, Pagination, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Notification } from '../../api/types';
import { useLiveNotifications } from '../../app/live-notifications';
import { useApi } from '../../app/use-api';
import { useLiveReload } from '../../app/use-live-reload';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, WhenLoaded } from '../../components/PageStates';
import { TabPanel } from '../../components/PageTabs';
import { SuccessNotice } from '../../components/SuccessNotice';
import { listNotifications, markAllRead, updateNotifications, VIEWS, type NotificationView } from './notification-api';
import { NotificationItem } from './NotificationItem';
import { NotificationsToolbar } from './NotificationsToolbar';
import { useDebounced } from './use-debounced';

const PAGE_SIZE = 20;

const EMPTY: Record<NotificationView, string> = {
  unread: 'You have read all your notifications',
  all: 'No notifications yet',
  saved: 'No saved notifications',
};

export default function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const view: NotificationView = VIEWS.includes(params.get('view') as NotificationView) ? (params.get('view') as NotificationView) : 'unread';
  const query = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const { unread, refresh } = useLiveNotifications();

  const [typed, setTyped] = useState(query);
  const search = useDebounced(typed, 300);
  const list = useApi(`notifications:${view}:${query}:${page}`, (signal) => listNotifications(view, query, (page - 1) * PAGE_SIZE, PAGE_SIZE, signal));
  useLiveReload(list.reload);

  const [changed, setChanged] = useState<ReadonlyMap<string, Notification>>(new Map());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [markingAll, setMarkingAll] = useState(false);

  const setParam = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  // The search box goes to the address once typing pauses (and back to the first page).
  useEffect(() => {
    if (search !== query) setParam({ q: search, page: null });
    // Only when the settled search changes.
  }, [search]);

  // The address changed the search (back, forward, a link): the box follows.
  useEffect(() => {
    if (query !== search) setTyped(query);
    // Only when the address changes.
  }, [query]);

  // What the server said after an update shows until the next load replaces it.
  useEffect(() => setChanged(new Map()), [list.data]);

  const pages = list.data ? Math.max(1, Math.ceil(list.data.totalCount / PAGE_SIZE)) : 1;
  useEffect(() => {
    if (list.data && page > pages) setParam({ page: pages > 1 ? String(pages) : null });
    // Only when the page count changes.
  }, [pages, page, list.data]);

  const change = async (n: Notification, what: { read?: boolean; saved?: boolean }) => {
    setBusy((s) => new Set(s).add(n.id));
    setProblem(undefined);
    try {
      const updated = await updateNotifications([n.id], what);
      setChanged((m) => new Map([...m, ...updated.map((u) => [u.id, u] as const)]));
      refresh();
    } catch (e) {
      setProblem(`Could not update “${n.payload.title}”: ${(e as Error).message}`);
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(n.id);
        return next;
      });
    }
  };

  const markAll = async () => {
    setMarkingAll(true);
    setProblem(undefined);
    try {
      const count = await markAllRead();
      setNotice(count === 1 ? 'Marked 1 notification read.' : `Marked ${count} notifications read.`);
      refresh();
    } catch (e) {
      setProblem(`Could not mark all read: ${(e as Error).message}`);
    } finally {
      setMarkingAll(false);
    }
  };

  const first = (page - 1) * PAGE_SIZE + 1;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <PageHeader title="Notifications" />
      <NotificationsToolbar
        view={view}
        onView={(v) => setParam({ view: v === 'unread' ? null : v, page: null })}
        search={typed}
        onSearch={setTyped}
        unread={unread}
        markingAll={markingAll}
        onMarkAllRead={() => void markAll()}
      />
      <SuccessNotice message={notice} onClose={() => setNotice(undefined)} />
      {problem && (
        <Alert severity="error" role="alert" onClose={() => setProblem(undefined)}>
          {problem}
        </Alert>
      )}
      <TabPanel idPrefix="notifications" value={view} sharedPanel>
        <WhenLoaded loaded={list} loadingLabel="Loading notifications…" errorTitle="Cannot load the notifications">
          {(data) => {
            const items = data.notifications.map((n) => changed.get(n.id) ?? n);
            return (
              <>
                {items.length === 0 ? (
                  <EmptyState title={query ? `No notifications match “${query}”` : EMPTY[view]} />
                ) : (
                  <>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                      {first}–{first + items.length - 1} of {data.totalCount}
                    </Typography>
                    <List aria-label="Notifications" disablePadding sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1 }}>
                      {items.map((n) => (
                        <NotificationItem key={n.id} notification={n} busy={busy.has(n.id)} onChange={(x, what) => void change(x, what)} />
                      ))}
                    </List>
                  </>
                )}
                {pages > 1 && (
                  <Pagination
                    sx={{ mt: 2, display: 'flex', justifyContent: 'center' }}
                    count={pages}
                    page={Math.min(page, pages)}
                    onChange={(_, p) => setParam({ page: p > 1 ? String(p) : null })}
                    aria-label="Notification pages"
                  />
                )}
              </>
            );
          }}
        </WhenLoaded>
      </TabPanel>
    </Box>
  );
}
