/**
 * One notification in the list: title (a link when it has one; following it marks it read),
 * description as markdown, severity, time, origin and topic, and buttons to mark it read or unread
 * and to save or unsave it.
 */
import { Box, IconButton, ListItem, Stack, Tooltip, Typography } from '@mui/material';
import BookmarkIcon from '@mui/icons-material/Bookmark';
import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import DraftsIcon from '@mui/icons-material/Drafts';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import type { Notification } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { Markdown } from '../../components/Markdown';
import { Timestamp } from '../../components/Timestamp';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { SeverityChip } from './SeverityChip';

export interface NotificationItemProps {
  readonly notification: Notification;
  /** True while an update of this notification is under way. */
  readonly busy: boolean;
  readonly onChange: (n: Notification, change: { read?: boolean; saved?: boolean }) => void;
}

export function NotificationItem({ notification: n, busy, onChange }: NotificationItemProps) {
  const unread = !n.read;
  const titleId = `notification-${n.id}-title`;
  const { title, description, link, severity, topic } = n.payload;
  return (
    <ListItem
      aria-label={title}
      sx={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 2,
        bgcolor: unread ? 'rgba(31, 84, 147, 0.05)' : 'background.paper',
        borderLeft: 4,
        borderLeftColor: unread ? 'primary.main' : 'transparent',
        borderBottom: 1,
        borderBottomColor: 'divider',
        py: 1.5,
      }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h2" variant="subtitle1" id={titleId} sx={{ fontWeight: unread ? 700 : 400, wordBreak: 'break-word' }}>
            {link ? (
              <AppLink href={link} onClick={() => unread && onChange(n, { read: true })}>
                {title}
              </AppLink>
            ) : (
              title
            )}
          </Typography>
          {unread && <VisuallyHidden>Unread.</VisuallyHidden>}
          <SeverityChip severity={severity} />
          {n.saved && <BookmarkIcon fontSize="small" color="action" titleAccess="Saved" />}
        </Stack>
        {description && (
          <Box sx={{ color: 'text.secondary' }}>
            <Markdown source={description} />
          </Box>
        )}
        <Typography variant="body2" color="text.secondary">
          <Timestamp iso={n.updated ?? n.created} /> · from {n.origin}
          {topic ? ` · ${topic}` : ''}
        </Typography>
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ flexShrink: 0 }}>
        <Tooltip title={unread ? 'Mark read' : 'Mark unread'}>
          <span>
            <IconButton aria-label={unread ? 'Mark read' : 'Mark unread'} disabled={busy} onClick={() => onChange(n, { read: unread })}>
              {unread ? <DraftsIcon /> : <MarkEmailUnreadIcon />}
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={n.saved ? 'Unsave' : 'Save'}>
          <span>
            <IconButton aria-label={n.saved ? 'Unsave' : 'Save'} disabled={busy} onClick={() => onChange(n, { saved: !n.saved })}>
              {n.saved ? <BookmarkIcon /> : <BookmarkBorderIcon />}
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
    </ListItem>
  );
}
