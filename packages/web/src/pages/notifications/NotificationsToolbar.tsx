/** The notifications page's controls: the Unread / All / Saved tabs, the search box and "Mark all read". */
import { Box, Button, InputAdornment, Tab, Tabs, TextField } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import SearchIcon from '@mui/icons-material/Search';
import type { NotificationView } from './notification-api';

const LABELS: Record<NotificationView, string> = { unread: 'Unread', all: 'All', saved: 'Saved' };

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
      <Tabs value={view} onChange={(_, v: NotificationView) => onView(v)} aria-label="Which notifications">
        {(Object.keys(LABELS) as NotificationView[]).map((v) => (
          <Tab key={v} value={v} label={LABELS[v]} id={`notifications-tab-${v}`} aria-controls="notifications-panel" />
        ))}
      </Tabs>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', pb: 1 }}>
        <TextField
          label="Search notifications"
          type="search"
          size="small"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" aria-hidden />
                </InputAdornment>
              ),
            },
          }}
        />
        <Button variant="outlined" startIcon={<DoneAllIcon />} disabled={unread === 0 || markingAll} onClick={onMarkAllRead}>
          Mark all read
        </Button>
      </Box>
    </Box>
  );
}
