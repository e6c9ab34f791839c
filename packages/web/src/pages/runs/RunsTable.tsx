/**
 * A page of runs: id (a link to the run), workflow, status, when it started, how long it took (or
 * has been running) and who started it; newest first unless the Started column is flipped.
 */
import { Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { ProcessInstanceDTO } from '../../api/types';
import { formatDateTime, formatDuration, runDurationMs } from '../../components/run/format';
import { RunStatusChip } from '../../components/status/RunStatusChip';

export function RunsTable({ runs, now, order, onOrder }: { runs: readonly ProcessInstanceDTO[]; now: number; order: 'ASC' | 'DESC'; onOrder: (o: 'ASC' | 'DESC') => void }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Runs">
        <TableHead>
          <TableRow>
            <TableCell>ID</TableCell>
            <TableCell>Workflow</TableCell>
            <TableCell>Status</TableCell>
            <TableCell sortDirection={order === 'ASC' ? 'asc' : 'desc'}>
              <TableSortLabel active direction={order === 'ASC' ? 'asc' : 'desc'} onClick={() => onOrder(order === 'ASC' ? 'DESC' : 'ASC')}>
                Started
              </TableSortLabel>
            </TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>Started by</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((r) => {
            const d = runDurationMs(r, now);
            return (
              <TableRow key={r.id} hover>
                <TableCell sx={{ maxWidth: 160 }}>
                  <Link
                    component={RouterLink}
                    to={`/runs/${encodeURIComponent(r.id)}`}
                    title={r.id}
                    sx={{ fontFamily: 'monospace', fontSize: 13, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {r.id}
                  </Link>
                </TableCell>
                <TableCell>{r.processName || r.processId}</TableCell>
                <TableCell>
                  <RunStatusChip status={r.state} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.start)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{d === undefined ? '—' : r.end ? formatDuration(d) : `${formatDuration(d)} so far`}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{r.initiatorEntity ?? '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
