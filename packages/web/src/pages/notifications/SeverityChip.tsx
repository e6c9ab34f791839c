/** A notification's severity as a small coloured chip ("Critical", "High", "Normal", "Low"). */
import { Chip } from '@mui/material';
import type { Notification } from '../../api/types';

type Severity = Notification['payload']['severity'];

const LOOK: Record<Severity, { label: string; color: 'error' | 'warning' | 'default' }> = {
  critical: { label: 'Critical', color: 'error' },
  high: { label: 'High', color: 'warning' },
  normal: { label: 'Normal', color: 'default' },
  low: { label: 'Low', color: 'default' },
};

export function SeverityChip({ severity }: { severity: Severity }) {
  const look = LOOK[severity] ?? LOOK.normal;
  return (
    <Chip
      size="small"
      label={look.label}
      color={look.color}
      variant={severity === 'normal' || severity === 'low' ? 'outlined' : 'filled'}
      aria-label={`Severity: ${look.label}`}
      // The theme's orange with white text is below 4.5:1; dark text on it is well above.
      sx={severity === 'high' ? { color: 'rgba(0, 0, 0, 0.87)' } : undefined}
    />
  );
}
