/** Text for screen readers only (kept in the accessibility tree, not shown). */
import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A 1 px box that clips its text. The sizes are strings on purpose: in MUI's `sx` a number up to 1
 * is a fraction (`width: 1` is 100%), which made an absolutely placed span as wide as the window,
 * starting where it sits: in the last column of a table it made the page scroll sideways.
 */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ position: 'absolute', width: '1px', height: '1px', p: 0, m: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: 0 }}>
      {children}
    </Box>
  );
}
