/** The icon and words of a step's state (pending, running, done, skipped, failed, cancelled). */
import { Box, CircularProgress } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RedoIcon from '@mui/icons-material/Redo';
import type { StepState } from './task-steps';

export const STATE_WORDS: Record<StepState, string> = {
  pending: 'Waiting',
  running: 'Running',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function StepStateIcon({ state }: { state: StepState }) {
  const icon = {
    pending: <RadioButtonUncheckedIcon color="disabled" />,
    running: <CircularProgress size={20} aria-hidden />,
    done: <CheckCircleIcon color="success" />,
    skipped: <RedoIcon color="disabled" />,
    failed: <ErrorIcon color="error" />,
    cancelled: <BlockIcon color="warning" />,
  }[state];
  return (
    <Box component="span" aria-hidden sx={{ display: 'inline-flex', width: 24, justifyContent: 'center' }}>
      {icon}
    </Box>
  );
}
