/**
 * A point in time as people read it: "5 minutes ago" (or the date when older than a week), with the
 * exact local time in the tooltip and a machine-readable `<time>` element.
 */
import { Tooltip } from '@mui/material';
import { localDateTime, relativeTime } from './format';

export function Timestamp({ iso }: { iso: string }) {
  return (
    <Tooltip title={localDateTime(iso) ?? iso}>
      <time dateTime={iso}>{relativeTime(iso)}</time>
    </Tooltip>
  );
}
