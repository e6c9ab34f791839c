/**
 * The Runs tab of a workflow: its runs (id, status, when and by whom started, how long it took),
 * newest first, paged on the server (one extra row is asked for to know whether there is a next
 * page: the API gives no total). Refreshed every 5 s while a shown run is still going, else every 15 s.
 */
import { Link, Paper, TableContainer, TablePagination, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../../app/use-api';
import { formatAgo, formatDateTime, runDurationText } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/PageStates';
import { RunsTable, statusColumn, type RunColumn } from '../../components/run/RunsTable';
import { isRunEnded } from '../../components/status/run-status';
import { workflowRuns } from './workflow-api';

const COLUMNS: readonly RunColumn[] = [
  {
    key: 'id',
    header: 'ID',
    cell: (r) => (
      <Link component={RouterLink} to={`/runs/${encodeURIComponent(r.id)}`} sx={{ fontFamily: 'monospace' }}>
        {r.id}
      </Link>
    ),
  },
  statusColumn,
  {
    key: 'started',
    header: 'Started',
    cell: (r) => (
      <>
        {formatDateTime(r.start, 'short')}
        <Typography variant="caption" color="text.secondary" component="div">
          {formatAgo(r.start)}
        </Typography>
      </>
    ),
  },
  { key: 'duration', header: 'Duration', cell: (r) => runDurationText(r) },
  { key: 'by', header: 'Started by', cell: (r) => r.initiatorEntity?.replace(/^user:default\//, '') ?? '—' },
];

export function WorkflowRunsTab({ workflowId }: { workflowId: string }) {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [poll, setPoll] = useState(15_000);
  const runs = useApi(
    `runs:${workflowId}:${page}:${pageSize}`,
    (signal) => workflowRuns(workflowId, { offset: page * pageSize, pageSize: pageSize + 1, orderBy: 'start', orderDirection: 'DESC' }, signal),
    { pollMs: poll },
  );
  const all = runs.data?.items ?? [];
  const items = all.slice(0, pageSize);
  const hasMore = all.length > pageSize;
  const wantPoll = items.some((r) => !isRunEnded(r.state)) ? 5_000 : 15_000;
  if (runs.data && wantPoll !== poll) setPoll(wantPoll);

  if (runs.error && !runs.data) return <ErrorState error={runs.error} title="Could not load the runs" onRetry={runs.reload} />;
  if (!runs.data) return <Loading label="Loading the runs…" />;
  if (items.length === 0 && page === 0) return <EmptyState title="This workflow has not run yet" />;

  return (
    <>
      {runs.error && <ErrorState error={runs.error} title="Could not refresh the runs" onRetry={runs.reload} />}
      <TableContainer component={Paper}>
        <RunsTable runs={items} label="Runs of this workflow" columns={COLUMNS} />
      </TableContainer>
      <TablePagination
        component="div"
        count={hasMore ? -1 : page * pageSize + items.length}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[10, 20, 50]}
        onPageChange={(_e, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setPageSize(Number(e.target.value));
          setPage(0);
        }}
        labelDisplayedRows={({ from, to }) => `${from}–${to}${hasMore ? ' (more on the next page)' : ''}`}
      />
    </>
  );
}
