/** A scaffolder task's status as a chip: Waiting, Running, Completed, Failed, Cancelled. */
import { Chip } from '@mui/material';
import type { ScaffolderTask } from '../../api/types';

const LOOK: Record<ScaffolderTask['status'], { label: string; color: 'default' | 'info' | 'success' | 'error' | 'warning' }> = {
  open: { label: 'Waiting to start', color: 'default' },
  processing: { label: 'Running', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'warning' },
};

export function TaskStatusChip({ status }: { status: ScaffolderTask['status'] }) {
  const look = LOOK[status] ?? { label: status, color: 'default' as const };
  return <Chip label={look.label} color={look.color} aria-label={`Status: ${look.label}`} />;
}
