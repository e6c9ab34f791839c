/** A page's heading (its h1) and, below it, a line saying what the page is for. */
import { Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function PageHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  const heading = (
    <Typography variant="h4" component="h1">
      {title}
    </Typography>
  );
  if (!description) return heading;
  return (
    <div>
      {heading}
      <Typography color="text.secondary">{description}</Typography>
    </div>
  );
}
