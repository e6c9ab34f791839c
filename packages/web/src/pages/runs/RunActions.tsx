/**
 * What can be done with a run: Abort (shown for running or suspended runs, after a confirmation),
 * Retry from failure point (shown for failed runs: retrigger where it stopped) and Run again (the
 * run form prefilled from this run; disabled, with a tooltip saying why, until the run has ended).
 */
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Tooltip } from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import ReplayIcon from '@mui/icons-material/Replay';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { cloneElement, useId, useState, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../api/client';
import type { ProcessInstanceDTO } from '../../api/types';
import { isRunEnded } from '../../components/status/run-status';
import { actionError } from './run-errors';

/**
 * A button, wrapped so its tooltip still shows when it is disabled (the wrapper takes the focus);
 * the reason is also the button's description for screen readers.
 */
function WithReason({ reason, children }: { reason: string | undefined; children: ReactElement<{ 'aria-describedby'?: string }> }) {
  const id = useId();
  if (!reason) return children;
  return (
    <Tooltip title={reason} describeChild>
      <span tabIndex={0} style={{ display: 'inline-flex' }}>
        {cloneElement(children, { 'aria-describedby': id })}
        <span id={id} hidden>
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}

export function RunActions({ run, onChanged }: { run: ProcessInstanceDTO; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'abort' | 'retry'>();
  const [error, setError] = useState<string>();
  const id = run.id;
  const wf = run.processId;
  const status = run.state;
  const ended = isRunEnded(status);

  // Not in ERROR: a failed Sluice run has ended, and the server refuses to abort it (409).
  const canAbort = status === 'ACTIVE' || status === 'SUSPENDED';
  const canRetry = status === 'ERROR';
  const againReason = ended ? undefined : status === 'SUSPENDED' ? 'The run is suspended: you can run it again once it has ended' : 'The run is still going: you can run it again once it has ended';

  const abort = async (): Promise<void> => {
    setConfirming(false);
    setBusy('abort');
    setError(undefined);
    try {
      await api(`/api/orchestrator/v2/workflows/instances/${encodeURIComponent(id)}/abort`, { method: 'DELETE', text: true });
      onChanged();
    } catch (e) {
      setError(actionError('abort', e));
    } finally {
      setBusy(undefined);
    }
  };

  const retry = async (): Promise<void> => {
    setBusy('retry');
    setError(undefined);
    try {
      await api(`/api/orchestrator/v2/workflows/${encodeURIComponent(wf)}/${encodeURIComponent(id)}/retrigger`, { body: {} });
      onChanged();
    } catch (e) {
      setError(actionError('retry', e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} role="group" aria-label="Run actions">
        {canAbort && (
          <Button variant="outlined" color="error" startIcon={<CancelIcon />} loading={busy === 'abort'} loadingPosition="start" disabled={busy === 'retry'} onClick={() => setConfirming(true)}>
            Abort
          </Button>
        )}
        <WithReason reason={againReason}>
          {againReason ? (
            <Button variant="outlined" startIcon={<ReplayIcon />} disabled>
              Run again
            </Button>
          ) : (
            <Button variant="outlined" startIcon={<ReplayIcon />} component={RouterLink} to={`/workflows/${encodeURIComponent(wf)}/run?instanceId=${encodeURIComponent(id)}`}>
              Run again
            </Button>
          )}
        </WithReason>
        {canRetry && (
          <Button variant="contained" startIcon={<RestartAltIcon />} loading={busy === 'retry'} loadingPosition="start" disabled={busy === 'abort'} onClick={() => void retry()}>
            Retry from failure point
          </Button>
        )}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="abort-title" aria-describedby="abort-text">
        <DialogTitle id="abort-title">Abort this run?</DialogTitle>
        <DialogContent>
          <DialogContentText id="abort-text">
            Aborting stops the step in progress and every step still to come, immediately. Work already done (a namespace created, an issue opened) is not undone. You cannot resume an aborted run; you can run the workflow again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            Keep running
          </Button>
          <Button color="error" variant="contained" onClick={() => void abort()}>
            Abort run
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
