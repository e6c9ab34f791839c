/** The inbox: requests waiting for the caller's decision, each with "Approve" and "Deny". */
import { Box, Button } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import type { Approval, ApprovalDecision } from '../../api/types';
import { ApprovalList } from './ApprovalList';

export interface PendingListProps {
  readonly approvals: readonly Approval[];
  /** The approval to point out (`?id=` from a notification). */
  readonly highlightId?: string | null;
  readonly onDecide: (approval: Approval, decision: ApprovalDecision) => void;
}

export function PendingList({ approvals, highlightId, onDecide }: PendingListProps) {
  return (
    <ApprovalList
      label="Pending requests"
      empty="Nothing waits for your decision"
      approvals={approvals}
      highlightId={highlightId}
      aside={(a) => (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexShrink: 0 }}>
          <Button variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => onDecide(a, 'approved')}>
            Approve
          </Button>
          <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => onDecide(a, 'denied')}>
            Deny
          </Button>
        </Box>
      )}
    />
  );
}
