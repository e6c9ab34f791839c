/** Whether a workflow can run: an Available/Unavailable chip and, when unavailable, the reasons in plain text. */
import { Box, Chip, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import type { WorkflowOverviewDTO } from '../../api/types';

export function availabilityReasons(o: WorkflowOverviewDTO): string[] {
  return o.isAvailable === false ? (o.unavailableReasons ?? []) : [];
}

export function Availability({ overview, compact = false }: { overview: WorkflowOverviewDTO; compact?: boolean }) {
  if (overview.isAvailable !== false) {
    return <Chip size="small" color="success" variant="outlined" icon={<CheckCircleIcon />} label="Available" />;
  }
  const reasons = availabilityReasons(overview);
  return (
    <Box>
      <Chip size="small" color="error" variant="outlined" icon={<ErrorIcon />} label="Unavailable" />
      {reasons.length > 0 && (
        <Box component="ul" aria-label="Why it is unavailable" sx={{ m: 0, mt: 0.5, pl: 2.5, maxWidth: compact ? 360 : undefined }}>
          {reasons.map((r) => (
            <Typography key={r} component="li" variant="caption" color="text.secondary" sx={{ display: 'list-item', wordBreak: 'break-word' }}>
              {r}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
