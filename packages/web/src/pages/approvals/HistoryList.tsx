/** Decided and expired requests: who decided, when, the decision and the comment. */
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Approval } from '../../api/types';
import { displayRef } from '../../components/entity-refs';
import { Timestamp } from '../../components/Timestamp';
import { settledAt } from './approval-api';
import { ApprovalList } from './ApprovalList';

function Outcome({ approval }: { approval: Approval }) {
  const last = approval.history[approval.history.length - 1];
  if (approval.status === 'expired') {
    return (
      <Stack spacing={0.5}>
        <Chip label="Expired" sx={{ alignSelf: 'flex-start' }} />
        <Typography variant="body2">
          <Timestamp iso={settledAt(approval)} />
          {last?.comment ? ` — ${last.comment}` : ''}
        </Typography>
      </Stack>
    );
  }
  const approved = approval.decision === 'approved';
  return (
    <Stack spacing={0.5}>
      <Chip label={approved ? 'Approved' : 'Denied'} color={approved ? 'success' : 'error'} sx={{ alignSelf: 'flex-start' }} />
      <Typography variant="body2">
        by {approval.decidedBy ? displayRef(approval.decidedBy) : 'someone'}, <Timestamp iso={settledAt(approval)} />
      </Typography>
      {approval.comment && (
        <Typography variant="body2" component="blockquote" sx={{ m: 0, pl: 1, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>
          {approval.comment}
        </Typography>
      )}
    </Stack>
  );
}

export function HistoryList({ approvals, highlightId }: { approvals: readonly Approval[]; highlightId?: string | null }) {
  return (
    <ApprovalList
      label="Decided requests"
      empty="No decided requests yet"
      approvals={approvals}
      highlightId={highlightId}
      aside={(a) => (
        <Box sx={{ flexShrink: 0, minWidth: 220, maxWidth: 360 }}>
          <Outcome approval={a} />
        </Box>
      )}
    />
  );
}
