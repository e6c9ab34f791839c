/** Calls `reload` whenever a live notification arrives (not on mount: the first load is the page's). */
import { useEffect, useRef } from 'react';
import { useLiveNotifications } from './live-notifications';

export function useLiveReload(...reloads: (() => void)[]): void {
  const { version } = useLiveNotifications();
  const seen = useRef(version);
  const latest = useRef(reloads);
  latest.current = reloads;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    for (const reload of latest.current) reload();
  }, [version]);
}
