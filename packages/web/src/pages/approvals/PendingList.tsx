/** The inbox: requests waiting for the caller's decision, each with "Approve" and "Deny". */
import { Box, Button, List, ListItem, Stack } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import type { Approval, ApprovalDecision } from '../../api/types';
import { EmptyState } from '../../components/PageStates';
import { ApprovalDetails } from './ApprovalDetails';

export interface PendingListProps {
  readonly approvals: readonly Approval[];
  /** The approval to point out (`?id=` from a notification). */
  readonly highlightId?: string | null;
  readonly onDecide: (approval: Approval, decision: ApprovalDecision) => void;
}

export function PendingList({ approvals, highlightId, onDecide }: PendingListProps) {
  if (approvals.length === 0) return <EmptyState title="Nothing waits for your decision" />;
  return (
    <List aria-label="Pending requests" sx={{ display: 'grid', gap: 2 }}>
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
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexShrink: 0 }}>
                <Button variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => onDecide(a, 'approved')}>
                  Approve
                </Button>
                <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => onDecide(a, 'denied')}>
                  Deny
                </Button>
              </Box>
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}
