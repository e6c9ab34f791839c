/**
 * A scaffolder task (`/tasks/:taskId`): its status, its steps with their state and live logs (from
 * the event stream), "Cancel" while it runs, the error when it failed, and its output links and
 * texts when it completed.
 */
import { Alert, AlertTitle, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { ScaffolderTask } from '../../api/types';
import { useApi } from '../../app/use-api';
import { displayRef } from '../../components/entity-refs';
import { ErrorState, Loading } from '../../components/PageStates';
import { Timestamp } from '../../components/Timestamp';
import { deriveTaskProgress } from './task-steps';
import { TaskOutput } from './TaskOutput';
import { TaskStatusChip } from './TaskStatusChip';
import { TaskSteps } from './TaskSteps';
import { useTaskEvents } from './use-task-events';

const FINAL: readonly ScaffolderTask['status'][] = ['completed', 'failed', 'cancelled'];

function templateTitle(task: ScaffolderTask): string {
  const info = task.spec.templateInfo;
  return info?.entity?.metadata?.title ?? info?.entity?.metadata?.name ?? info?.entityRef ?? 'Template task';
}

export default function TaskPage() {
  const { taskId = '' } = useParams();
  const [ended, setEnded] = useState(false);
  const task = useApi(`task:${taskId}`, (signal) => api<ScaffolderTask>(`/api/scaffolder/v2/tasks/${encodeURIComponent(taskId)}`, { signal }), ended ? {} : { pollMs: 3000 });
  const taskEnded = task.data !== undefined && FINAL.includes(task.data.status);
  const live = useTaskEvents(taskId, taskEnded);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string>();

  // Once the stream says the task ended, read it again for its final status and output.
  const reload = task.reload;
  useEffect(() => {
    if (live.completed) reload();
  }, [live.completed, reload]);
  useEffect(() => {
    if (taskEnded) setEnded(true);
  }, [taskEnded]);

  if (!task.data) {
    if (task.error) {
      const missing = task.error instanceof ApiError && task.error.status === 404;
      return <ErrorState error={task.error} title={missing ? 'There is no such task (or it is not yours)' : 'Cannot load the task'} {...(missing ? {} : { onRetry: task.reload })} />;
    }
    return <Loading label="Loading the task…" />;
  }

  const t = task.data;
  const progress = deriveTaskProgress(t.spec?.steps ?? [], live.events, t.status);
  const status: ScaffolderTask['status'] = progress.completion?.status ?? t.status;
  const running = status === 'open' || status === 'processing';
  const error = progress.completion?.error ?? t.error;
  const output = t.output ?? (progress.completion?.output as ScaffolderTask['output'] | undefined);

  const cancel = async () => {
    setCancelling(true);
    setCancelError(undefined);
    try {
      await api(`/api/scaffolder/v2/tasks/${encodeURIComponent(taskId)}/cancel`, { method: 'POST' });
      task.reload();
    } catch (e) {
      setCancelError(`The task could not be cancelled: ${(e as Error).message}`);
      setCancelling(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}>
        <div>
          <Typography variant="h4" component="h1">
            {templateTitle(t)}
          </Typography>
          <Typography color="text.secondary" variant="body2">
            Task {t.id} · started <Timestamp iso={t.createdAt} />
            {t.createdBy ? ` by ${displayRef(t.createdBy)}` : ''}
          </Typography>
        </div>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Box role="status" aria-live="polite">
            <TaskStatusChip status={status} />
          </Box>
          {running && (
            <Button
              variant="outlined"
              color="error"
              onClick={() => void cancel()}
              disabled={cancelling || progress.cancelRequested}
              loading={cancelling || progress.cancelRequested}
              loadingPosition="start"
            >
              Cancel
            </Button>
          )}
        </Stack>
      </Stack>
      {cancelError && (
        <Alert severity="error" role="alert">
          {cancelError}
        </Alert>
      )}
      {status === 'failed' && (
        <Alert severity="error">
          <AlertTitle>The task failed</AlertTitle>
          {error?.message ?? 'No reason was given.'}
        </Alert>
      )}
      {status === 'cancelled' && <Alert severity="warning">The task was cancelled.</Alert>}
      {running && progress.cancelRequested && <Alert severity="info">Cancelling: the running step is being stopped.</Alert>}
      {live.error && <ErrorState error={live.error} title="The live log stopped" />}
      {progress.taskLog.length > 0 && (
        <Alert severity="info">
          {progress.taskLog.map((l) => (
            <div key={l.id}>{l.message}</div>
          ))}
        </Alert>
      )}
      <Paper component="section" aria-labelledby="task-steps-heading" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="task-steps-heading" gutterBottom>
          Steps
        </Typography>
        {progress.steps.length === 0 ? <Typography color="text.secondary">This task has no steps.</Typography> : <TaskSteps steps={progress.steps} />}
      </Paper>
      {status === 'completed' && (
        <Paper component="section" aria-labelledby="task-output-heading" sx={{ p: 2 }}>
          <Typography variant="h5" component="h2" id="task-output-heading" gutterBottom>
            Output
          </Typography>
          <TaskOutput output={output ?? {}} />
        </Paper>
      )}
    </Box>
  );
}
