/**
 * A list of approval requests, the same for the inbox and the history: each item is named by its
 * title, shows what the request is about and, beside it, what the list adds (the decision buttons,
 * the outcome). The request a notification points at (`?id=`) is outlined and marked current.
 */
import { List, ListItem, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import type { Approval } from '../../api/types';
import { EmptyState } from '../../components/PageStates';
import { ApprovalDetails } from './ApprovalDetails';

export interface ApprovalListProps {
  /** The list's accessible name ("Pending requests"). */
  readonly label: string;
  /** What an empty list says. */
  readonly empty: string;
  readonly approvals: readonly Approval[];
  /** The approval to point out (`?id=` from a notification). */
  readonly highlightId?: string | null;
  /** What shows beside a request's details. */
  readonly aside: (approval: Approval) => ReactNode;
}

export function ApprovalList({ label, empty, approvals, highlightId, aside }: ApprovalListProps) {
  if (approvals.length === 0) return <EmptyState title={empty} />;
  return (
    <List aria-label={label} sx={{ display: 'grid', gap: 2 }}>
      {approvals.map((a) => {
        const titleId = `approval-${a.id}-title`;
        const highlighted = a.id === highlightId;
        return (
          <ListItem
            key={a.id}
            aria-labelledby={titleId}
            aria-current={highlighted ? 'true' : undefined}
            sx={{ display: 'block', bgcolor: 'background.paper', border: 1, borderColor: highlighted ? 'primary.main' : 'divider', borderWidth: highlighted ? 2 : 1, borderRadius: 1, p: 2 }}
          >
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
              <ApprovalDetails approval={a} titleId={titleId} />
              {aside(a)}
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}
