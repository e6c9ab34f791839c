/**
 * The runs list's filters: workflow, status, who started the run, and a start date range. Each
 * control is labelled; the text filter waits until typing pauses before it filters.
 */
import { Box, Button, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ProcessInstanceStatusDTO } from '../../api/types';
import { runStatusLabel } from '../../components/status/run-status';
import type { RunFilters } from './runs-search';

export interface FilterOptions {
  readonly workflows: readonly { readonly id: string; readonly name: string }[];
  readonly statuses: readonly ProcessInstanceStatusDTO[];
}

export function RunsFilters({ filters, options, onChange, onClear }: { filters: RunFilters; options: FilterOptions; onChange: (f: Partial<RunFilters>) => void; onClear: () => void }) {
  const [by, setBy] = useState(filters.by ?? '');
  useEffect(() => setBy(filters.by ?? ''), [filters.by]);
  useEffect(() => {
    if (by.trim() === (filters.by ?? '')) return;
    const t = setTimeout(() => onChange({ by: by.trim() || undefined }), 400);
    return () => clearTimeout(t);
  }, [by, filters.by, onChange]);

  const workflows = filters.workflow && !options.workflows.some((w) => w.id === filters.workflow) ? [...options.workflows, { id: filters.workflow, name: filters.workflow }] : options.workflows;
  const statuses = filters.status && !options.statuses.includes(filters.status) ? [...options.statuses, filters.status] : options.statuses;
  const dateProps = { size: 'small' as const, type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width: 170 } };
  // "All …" shows as the value when nothing is chosen.
  const selectProps = { select: true, size: 'small' as const, slotProps: { select: { displayEmpty: true }, inputLabel: { shrink: true } } };

  return (
    <Box component="form" role="search" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
      <TextField {...selectProps} label="Workflow" value={filters.workflow ?? ''} onChange={(e) => onChange({ workflow: e.target.value || undefined })} sx={{ minWidth: 200 }}>
        <MenuItem value="">All workflows</MenuItem>
        {workflows.map((w) => (
          <MenuItem key={w.id} value={w.id}>
            {w.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...selectProps} label="Status" value={filters.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as ProcessInstanceStatusDTO | undefined })} sx={{ minWidth: 150 }}>
        <MenuItem value="">All statuses</MenuItem>
        {statuses.map((s) => (
          <MenuItem key={s} value={s}>
            {runStatusLabel(s)}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label="Started by" placeholder="user:default/ana" value={by} onChange={(e) => setBy(e.target.value)} sx={{ width: 200 }} />
      <TextField {...dateProps} label="Started on or after" value={filters.from ?? ''} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      <TextField {...dateProps} label="Started on or before" value={filters.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} />
      <Button onClick={onClear} disabled={!filters.workflow && !filters.status && !filters.by && !filters.from && !filters.to}>
        Clear filters
      </Button>
    </Box>
  );
}
