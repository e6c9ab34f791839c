/**
 * A run's status as a coloured chip with an icon and a word (never colour alone): Running,
 * Completed, Failed, Aborted, Suspended, Pending.
 */
import { Chip, type ChipProps } from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpIcon from '@mui/icons-material/Help';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SyncIcon from '@mui/icons-material/Sync';
import type { ReactElement } from 'react';
import type { ProcessInstanceStatusDTO } from '../../api/types';
import { runStatusLabel } from './run-status';

type Tone = 'primary' | 'success' | 'error' | 'warning' | 'default';

const LOOK: Readonly<Record<ProcessInstanceStatusDTO, { color: Tone; icon: ReactElement }>> = {
  ACTIVE: { color: 'primary', icon: <SyncIcon /> },
  COMPLETED: { color: 'success', icon: <CheckCircleIcon /> },
  ERROR: { color: 'error', icon: <ErrorIcon /> },
  ABORTED: { color: 'default', icon: <CancelIcon /> },
  SUSPENDED: { color: 'warning', icon: <PauseCircleIcon /> },
  PENDING: { color: 'default', icon: <ScheduleIcon /> },
};

export function RunStatusChip({ status, size = 'small' }: { status: ProcessInstanceStatusDTO | undefined; size?: ChipProps['size'] }) {
  const look = (status && LOOK[status]) || { color: 'default' as const, icon: <HelpIcon /> };
  // The dark shade for text and icon: the main shades of info and warning are too light on white.
  const ink = look.color === 'default' ? 'text.primary' : `${look.color}.dark`;
  return (
    <Chip
      size={size}
      variant="outlined"
      color={look.color}
      icon={look.icon}
      label={runStatusLabel(status)}
      data-status={status ?? 'UNKNOWN'}
      sx={{ fontWeight: 600, color: ink, '& .MuiChip-icon': { color: ink } }}
    />
  );
}
