/** The notifications page's controls: the Unread / All / Saved tabs, the search box and "Mark all read". */
import { Box, Button } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { PageTabs, type PageTab } from '../../components/PageTabs';
import { SearchField } from '../../components/SearchField';
import type { NotificationView } from './notification-api';

const TABS: readonly PageTab<NotificationView>[] = [
  { value: 'unread', label: 'Unread' },
  { value: 'all', label: 'All' },
  { value: 'saved', label: 'Saved' },
];

export interface NotificationsToolbarProps {
  readonly view: NotificationView;
  readonly onView: (view: NotificationView) => void;
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly unread: number;
  readonly markingAll: boolean;
  readonly onMarkAllRead: () => void;
}

export function NotificationsToolbar({ view, onView, search, onSearch, unread, markingAll, onMarkAllRead }: NotificationsToolbarProps) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', justifyContent: 'space-between', borderBottom: 1, borderColor: 'divider' }}>
      <PageTabs idPrefix="notifications" label="Which notifications" tabs={TABS} value={view} onChange={onView} sharedPanel />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', pb: 1 }}>
        <SearchField label="Search notifications" value={search} onChange={onSearch} />
        <Button variant="outlined" startIcon={<DoneAllIcon />} disabled={unread === 0 || markingAll} onClick={onMarkAllRead}>
          Mark all read
        </Button>
      </Box>
    </Box>
  );
}
