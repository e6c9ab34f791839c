/**
 * The columns of the runs list: id (a link to the run), workflow, status, when it started (the
 * column the list is sorted by: newest first unless flipped), how long it took (or has been
 * running) and who started it.
 */
import { Link, TableSortLabel } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, formatDuration, runDurationMs } from '../../components/format';
import { statusColumn, type RunColumn } from '../../components/run/RunsTable';

export function runsListColumns(now: number, order: 'ASC' | 'DESC', onOrder: (o: 'ASC' | 'DESC') => void): RunColumn[] {
  const direction = order === 'ASC' ? 'asc' : 'desc';
  return [
    {
      key: 'id',
      header: 'ID',
      sx: { maxWidth: 160 },
      cell: (r) => (
        <Link
          component={RouterLink}
          to={`/runs/${encodeURIComponent(r.id)}`}
          title={r.id}
          sx={{ fontFamily: 'monospace', fontSize: 13, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {r.id}
        </Link>
      ),
    },
    { key: 'workflow', header: 'Workflow', cell: (r) => r.processName || r.processId },
    statusColumn,
    {
      key: 'started',
      header: (
        <TableSortLabel active direction={direction} onClick={() => onOrder(order === 'ASC' ? 'DESC' : 'ASC')}>
          Started
        </TableSortLabel>
      ),
      sortDirection: direction,
      sx: { whiteSpace: 'nowrap' },
      cell: (r) => formatDateTime(r.start),
    },
    {
      key: 'duration',
      header: 'Duration',
      sx: { whiteSpace: 'nowrap' },
      cell: (r) => {
        const d = runDurationMs(r, now);
        return d === undefined ? '—' : r.end ? formatDuration(d) : `${formatDuration(d)} so far`;
      },
    },
    { key: 'by', header: 'Started by', sx: { wordBreak: 'break-word' }, cell: (r) => r.initiatorEntity ?? '—' },
  ];
}
