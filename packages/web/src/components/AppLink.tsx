/**
 * A link from workflow data (a notification's or an output's link): an in-app route through the
 * router when it stays in the portal (no page reload), else an external link in a new tab.
 */
import { Link } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { MouseEvent, ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { toPortalLink } from './portal-link';
import { VisuallyHidden } from './VisuallyHidden';

export function AppLink({ href, children, onClick }: { href: string; children: ReactNode; onClick?: (e: MouseEvent) => void }) {
  const target = toPortalLink(href);
  if (!target) return <>{children}</>;
  if (target.kind === 'internal') {
    return (
      <Link component={RouterLink} to={target.to} onClick={onClick}>
        {children}
      </Link>
    );
  }
  return (
    <Link href={target.href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {children}
      <OpenInNewIcon sx={{ fontSize: '0.9em', ml: 0.5, verticalAlign: 'middle' }} aria-hidden />
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </Link>
  );
}
