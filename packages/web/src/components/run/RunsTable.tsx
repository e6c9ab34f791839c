/**
 * A table of runs, one row per run, with the columns its page asks for: the runs list and a
 * workflow's Runs tab show different facts of a run. The status column is the same everywhere.
 */
import { Table, TableBody, TableCell, TableHead, TableRow, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import type { ProcessInstanceDTO } from '../../api/types';
import { RunStatusChip } from '../status/RunStatusChip';

export interface RunColumn {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (run: ProcessInstanceDTO) => ReactNode;
  /** The style of the column's body cells. */
  readonly sx?: SxProps<Theme>;
  /** Set on the column the rows are sorted by. */
  readonly sortDirection?: 'asc' | 'desc';
}

export const statusColumn: RunColumn = { key: 'status', header: 'Status', cell: (r) => <RunStatusChip status={r.state} /> };

export function RunsTable({ runs, label, columns }: { runs: readonly ProcessInstanceDTO[]; label: string; columns: readonly RunColumn[] }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c.key} sortDirection={c.sortDirection}>
              {c.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {runs.map((r) => (
          <TableRow key={r.id} hover>
            {columns.map((c) => (
              <TableCell key={c.key} sx={c.sx}>
                {c.cell(r)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
