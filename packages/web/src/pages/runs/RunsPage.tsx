/**
 * All runs the user may see (`/runs`): filtered by workflow, status, who started them and a start
 * date range (kept in the address bar), paged and sorted by the server 20 at a time, refreshed
 * every 5 seconds.
 */
import { Box, Button, Link, Paper, TableContainer, TablePagination, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { ProcessInstanceListResultDTO, ProcessInstanceStatusDTO, WorkflowOverviewListResultDTO } from '../../api/types';
import { useApi } from '../../app/use-api';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/PageStates';
import { RunsTable } from '../../components/run/RunsTable';
import { isRunEnded } from '../../components/status/run-status';
import { RunsFilters, type FilterOptions } from './RunsFilters';
import { runsListColumns } from './runs-columns';
import { filtersFromQuery, filtersToQuery, hasFilters, PAGE_SIZE, searchRequest, type RunFilters } from './runs-search';
import { useNow } from './use-now';

const ORCH = '/api/orchestrator/v2';

export default function RunsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromQuery(params), [params]);
  const request = useMemo(() => searchRequest(filters), [filters]);

  const list = useApi<ProcessInstanceListResultDTO>(`runs:${JSON.stringify(request)}`, (signal) => api(`${ORCH}/workflows/instances`, { body: request, signal }), { pollMs: 5000 });
  const workflows = useApi<WorkflowOverviewListResultDTO>('runs:workflows', (signal) => api(`${ORCH}/workflows/overview`, { body: {}, signal }));
  const statuses = useApi<{ key: string; value: ProcessInstanceStatusDTO }[]>('runs:statuses', (signal) => api(`${ORCH}/workflows/instances/statuses`, { signal }));

  const options: FilterOptions = useMemo(
    () => ({
      workflows: (workflows.data?.overviews ?? []).map((o) => ({ id: o.workflowId, name: o.name || o.workflowId })).sort((a, b) => a.name.localeCompare(b.name)),
      statuses: (statuses.data ?? []).map((s) => s.value),
    }),
    [workflows.data, statuses.data],
  );

  const update = useCallback(
    (change: Partial<RunFilters>) => {
      setParams((prev) => {
        const current = filtersFromQuery(prev);
        // A new filter starts again at the first page.
        const next: RunFilters = { ...current, ...change, page: change.page ?? 1 };
        return filtersToQuery(next);
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(filtersToQuery({ page: 1, order: filters.order })), [setParams, filters.order]);

  const items = list.data?.items ?? [];
  const rows = items.slice(0, PAGE_SIZE);
  const total = (list.data?.paginationInfo as { totalCount?: unknown } | undefined)?.totalCount;
  const offset = (filters.page - 1) * PAGE_SIZE;
  const count = typeof total === 'number' ? total : items.length > PAGE_SIZE ? -1 : offset + rows.length;
  const now = useNow(rows.some((r) => !isRunEnded(r.state)));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <PageHeader title="Runs" />
      <RunsFilters filters={filters} options={options} onChange={update} onClear={clear} />
      <Paper component="section" aria-label="Run list">
        {list.error && !list.data ? (
          <Box sx={{ p: 2 }}>
            <ErrorState error={list.error} title="The runs could not be loaded" onRetry={list.reload} />
          </Box>
        ) : !list.data ? (
          <Loading label="Loading runs…" />
        ) : rows.length === 0 ? (
          filters.page > 1 ? (
            <EmptyState title="No runs on this page">
              <Button onClick={() => update({ page: 1 })}>Go to the first page</Button>
            </EmptyState>
          ) : hasFilters(filters) ? (
            <EmptyState title="No runs match these filters">
              <Button onClick={clear}>Clear filters</Button>
            </EmptyState>
          ) : (
            <EmptyState title="No runs yet">
              <Typography>
                Start one from the{' '}
                <Link component={RouterLink} to="/workflows">
                  workflows
                </Link>
                .
              </Typography>
            </EmptyState>
          )
        ) : (
          <>
            {list.error && <ErrorState error={list.error} title="The list could not be refreshed" onRetry={list.reload} />}
            <TableContainer>
              <RunsTable runs={rows} label="Runs" columns={runsListColumns(now, filters.order, (order) => update({ order }))} />
            </TableContainer>
            <TablePagination
              component="div"
              count={count}
              page={filters.page - 1}
              rowsPerPage={PAGE_SIZE}
              rowsPerPageOptions={[]}
              onPageChange={(_e, p) => update({ page: p + 1 })}
            />
          </>
        )}
      </Paper>
    </Box>
  );
}
