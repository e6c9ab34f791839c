/** Decided and expired requests: who decided, when, the decision and the comment. */
import { Box, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import type { Approval } from '../../api/types';
import { EmptyState } from '../../components/PageStates';
import { Timestamp } from '../notifications/Timestamp';
import { displayRef } from '../templates/entity-refs';
import { settledAt } from './approval-api';
import { ApprovalDetails } from './ApprovalDetails';

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
  if (approvals.length === 0) return <EmptyState title="No decided requests yet" />;
  return (
    <List aria-label="Decided requests" sx={{ display: 'grid', gap: 2 }}>
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
              <Box sx={{ flexShrink: 0, minWidth: 220, maxWidth: 360 }}>
                <Outcome approval={a} />
              </Box>
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}
