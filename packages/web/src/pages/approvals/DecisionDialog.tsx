/**
 * The dialog that records a decision: the request's title, an optional comment, and a confirm
 * button named after the decision ("Approve" / "Deny"). A refused decision (403, 409) stays in the
 * dialog in plain words; the inbox is told to reload since the request changed under the user.
 */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { Approval, ApprovalDecision } from '../../api/types';
import { decide, getApproval } from './approval-api';
import { decisionErrorMessage } from './decision-errors';

export interface DecisionDialogProps {
  readonly approval: Approval;
  readonly decision: ApprovalDecision;
  readonly onClose: () => void;
  /** After the decision was recorded. */
  readonly onDecided: (approval: Approval) => void;
  /** After the server refused it because the request changed (decided by someone else, expired). */
  readonly onStale: () => void;
}

export function DecisionDialog({ approval, decision, onClose, onDecided, onStale }: DecisionDialogProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // After a 403, 404 or 409 sending again cannot succeed.
  const [refused, setRefused] = useState(false);
  const titleId = useId();
  const verb = decision === 'approved' ? 'Approve' : 'Deny';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await decide(approval.id, decision, comment));
    } catch (err) {
      let current: Approval | undefined;
      if (err instanceof ApiError && err.status === 409) current = await getApproval(approval.id).catch(() => undefined);
      setError(decisionErrorMessage(err, current));
      if (err instanceof ApiError && [403, 404, 409].includes(err.status)) setRefused(true);
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) onStale();
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>
          {verb} “{approval.title}”?
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {decision === 'approved' ? 'The workflow continues as soon as you approve.' : 'The workflow is told the request was denied.'} The requester is notified
            and sees your comment.
          </DialogContentText>
          <TextField
            label="Comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            autoFocus
            helperText="Optional"
            disabled={busy}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {error ? 'Close' : 'Cancel'}
          </Button>
          <Button type="submit" variant="contained" color={decision === 'approved' ? 'success' : 'error'} disabled={busy || refused}>
            {verb}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
