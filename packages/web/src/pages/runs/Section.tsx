/** A titled card of a runs page: a `<section>` named by its h2, so it is a landmark region. */
import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';

export function Section({ title, children, sx, action }: { title: string; children: ReactNode; sx?: SxProps<Theme>; action?: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} sx={[{ p: 2, minWidth: 0 }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <Typography variant="h6" component="h2" id={id} sx={{ mb: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
        {title}
        {action}
      </Typography>
      {children}
    </Paper>
  );
}
