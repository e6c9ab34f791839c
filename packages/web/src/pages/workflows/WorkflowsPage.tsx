/**
 * /workflows: every workflow the user may read, with its availability (and why not), its last run
 * and a Run button; filtered by a search box in the browser, sortable, refreshed every 15 s.
 */
import { Box, Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { WorkflowOverviewDTO } from '../../api/types';
import { useApi } from '../../app/use-api';
import { formatAgo, formatDateTime } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/PageStates';
import { SearchField } from '../../components/SearchField';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { RunStatusChip } from '../../components/status/RunStatusChip';
import { Availability, availabilityReasons } from './Availability';
import { listWorkflows } from './workflow-api';

type SortKey = 'name' | 'lastRun';

const nameOf = (o: WorkflowOverviewDTO) => o.name ?? o.workflowId;

/** Whether `o` matches every word of the search (name, id, description, availability reasons). */
export function matchesSearch(o: WorkflowOverviewDTO, query: string): boolean {
  const haystack = [o.name, o.workflowId, o.description, ...availabilityReasons(o)].filter(Boolean).join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => haystack.includes(w));
}

function sortWorkflows(list: WorkflowOverviewDTO[], key: SortKey, dir: 'asc' | 'desc'): WorkflowOverviewDTO[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => {
    if (key === 'lastRun') {
      const x = a.lastTriggeredMs ?? -1;
      const y = b.lastTriggeredMs ?? -1;
      if (x !== y) return (x - y) * sign;
    }
    return nameOf(a).localeCompare(nameOf(b)) * (key === 'name' ? sign : 1);
  });
}

export default function WorkflowsPage() {
  const workflows = useApi('workflows', listWorkflows, { pollMs: 15_000 });
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const all = useMemo(() => workflows.data?.overviews ?? [], [workflows.data]);
  const shown = useMemo(() => sortWorkflows(all.filter((o) => matchesSearch(o, query)), sort.key, sort.dir), [all, query, sort]);

  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : key === 'lastRun' && s.key !== key ? 'desc' : 'asc' }));
  const sortLabel = (key: SortKey, label: string) => (
    <TableSortLabel active={sort.key === key} direction={sort.key === key ? sort.dir : 'asc'} onClick={() => sortBy(key)}>
      {label}
    </TableSortLabel>
  );
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          Workflows
        </Typography>
        <SearchField label="Search workflows" value={query} onChange={setQuery} sx={{ width: 320, maxWidth: '100%' }} />
      </Stack>

      {workflows.error && <ErrorState error={workflows.error} title="Could not load the workflows" onRetry={workflows.reload} />}
      {workflows.loading && !workflows.data && !workflows.error && <Loading label="Loading the workflows…" />}

      {workflows.data && all.length === 0 && (
        <EmptyState title="No workflows yet">
          <Typography>Workflows you may run show here once their definitions (.sw.yaml or .sw.json) are in the server's workflows folder.</Typography>
        </EmptyState>
      )}

      {workflows.data && all.length > 0 && (
        <>
          <Typography role="status" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {query ? `${shown.length} of ${all.length} workflows match` : `${all.length} ${all.length === 1 ? 'workflow' : 'workflows'}`}
          </Typography>
          {shown.length === 0 ? (
            <EmptyState title={`No workflow matches “${query}”`}>
              <Button onClick={() => setQuery('')}>Clear the search</Button>
            </EmptyState>
          ) : (
            <TableContainer component={Paper}>
              <Table aria-label="Workflows" size="small">
                <TableHead>
                  <TableRow>
                    <TableCell aria-sort={ariaSort('name')}>{sortLabel('name', 'Name')}</TableCell>
                    <TableCell>Description</TableCell>
                    <TableCell>Availability</TableCell>
                    <TableCell aria-sort={ariaSort('lastRun')}>{sortLabel('lastRun', 'Last run')}</TableCell>
                    <TableCell>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shown.map((o) => (
                    <WorkflowRow key={o.workflowId} overview={o} />
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </>
      )}
    </Box>
  );
}

function WorkflowRow({ overview: o }: { overview: WorkflowOverviewDTO }) {
  const nameId = `workflow-name-${o.workflowId}`;
  const unavailable = o.isAvailable === false;
  return (
    <TableRow hover>
      <TableCell sx={{ minWidth: 180 }}>
        <Link component={RouterLink} to={`/workflows/${encodeURIComponent(o.workflowId)}`} id={nameId} sx={{ fontWeight: 600 }}>
          {nameOf(o)}
        </Link>
        {o.name && o.name !== o.workflowId && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace' }}>
            {o.workflowId}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ maxWidth: 360 }}>
        <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }} title={o.description}>
          {o.description || <Box component="span" sx={{ color: 'text.secondary' }}>—</Box>}
        </Typography>
      </TableCell>
      <TableCell sx={{ minWidth: 130 }}>
        <Availability overview={o} compact />
      </TableCell>
      <TableCell sx={{ minWidth: 170 }}>
        {o.lastRunId ? (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <Link component={RouterLink} to={`/runs/${encodeURIComponent(o.lastRunId)}`} aria-label={`Last run of ${nameOf(o)}, ${formatDateTime(o.lastTriggeredMs, 'short')}`}>
              {formatDateTime(o.lastTriggeredMs, 'short')}
            </Link>
            <Typography variant="caption" color="text.secondary">
              {formatAgo(o.lastTriggeredMs)}
            </Typography>
            <RunStatusChip status={o.lastRunStatus} />
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">
            Never run
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">
        <Button
          component={RouterLink}
          to={`/workflows/${encodeURIComponent(o.workflowId)}/run`}
          variant="contained"
          size="small"
          disabled={unavailable}
          aria-describedby={nameId}
        >
          Run
        </Button>
      </TableCell>
    </TableRow>
  );
}
