/**
 * /workflows/:workflowId/run[?instanceId=…&targetEntity=…]: the run form generated from the
 * workflow's input schema (prefilled from an earlier run with `instanceId`: "run again"), or a plain
 * Run button when the workflow takes no input. Run starts the workflow and opens the run's page.
 */
import { Alert, AlertTitle, Box, Breadcrumbs, Button, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../app/use-api';
import { ErrorState, Loading } from '../../components/PageStates';
import type { JsonSchema } from '../../components/form/json-schema';
import { describeRunError, type RunErrorDescription } from '../../components/form/run-errors';
import { RunErrorAlert } from '../../components/form/RunErrorAlert';
import { SchemaForm, type FormData } from '../../components/form/SchemaForm';
import { availabilityReasons } from './Availability';
import { executeWorkflow, inputSchema, workflowOverview } from './workflow-api';

export default function RunFormPage() {
  const workflowId = useParams().workflowId ?? '';
  const [params] = useSearchParams();
  const instanceId = params.get('instanceId');
  const targetEntity = params.get('targetEntity') ?? undefined;
  const navigate = useNavigate();
  const overview = useApi(`overview:${workflowId}`, (signal) => workflowOverview(workflowId, signal));
  const schema = useApi(`input:${workflowId}:${instanceId ?? ''}`, (signal) => inputSchema(workflowId, instanceId, signal));

  const run = async (data: FormData) => {
    const { id } = await executeWorkflow(workflowId, data, targetEntity);
    void navigate(`/runs/${encodeURIComponent(id)}`);
  };

  const error = overview.error ?? schema.error;
  if (error) {
    const retry = () => {
      overview.reload();
      schema.reload();
    };
    return <ErrorState error={error} title={schema.error && instanceId ? `Could not load the input of run ${instanceId}` : 'Could not load the run form'} onRetry={retry} />;
  }
  if (!overview.data || !schema.data) return <Loading label="Loading the run form…" />;

  const o = overview.data;
  const name = o.name ?? o.workflowId;
  const reasons = availabilityReasons(o);
  const unavailable = o.isAvailable === false;
  const input = schema.data.inputSchema as JsonSchema | undefined;

  return (
    <Box sx={{ maxWidth: 960 }}>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/workflows">
          Workflows
        </Link>
        <Link component={RouterLink} to={`/workflows/${encodeURIComponent(o.workflowId)}`}>
          {name}
        </Link>
        <Typography color="text.primary">Run</Typography>
      </Breadcrumbs>
      <Typography variant="h4" component="h1" gutterBottom sx={{ wordBreak: 'break-word' }}>
        Run {name}
      </Typography>
      {o.description && (
        <Typography color="text.secondary" sx={{ mb: 2, whiteSpace: 'pre-line' }}>
          {o.description}
        </Typography>
      )}
      {unavailable && (
        <Alert severity="error" sx={{ mb: 2 }}>
          <AlertTitle>This workflow is unavailable: it cannot run now</AlertTitle>
          {reasons.length > 0 ? reasons.join('; ') : 'The server gave no reason.'}
        </Alert>
      )}
      {instanceId && (
        <Alert severity="info" role="note" sx={{ mb: 2 }}>
          The values are those of run{' '}
          <Link component={RouterLink} to={`/runs/${encodeURIComponent(instanceId)}`}>
            {instanceId}
          </Link>
          ; change what you need, then run again.
        </Alert>
      )}
      {targetEntity && (
        <Alert severity="info" role="note" sx={{ mb: 2 }}>
          This run will be recorded for {targetEntity}.
        </Alert>
      )}
      {input ? (
        <SchemaForm
          key={`${workflowId}:${instanceId ?? ''}`}
          schema={input}
          {...(schema.data.data ? { initialData: schema.data.data as FormData } : {})}
          onRun={run}
          {...(unavailable ? { runDisabledReason: 'This workflow is unavailable, so it cannot run now.' } : {})}
        />
      ) : (
        <NoInputRun onRun={() => run({})} disabled={unavailable} />
      )}
    </Box>
  );
}

/** A workflow without an input schema: say so, and offer Run. */
function NoInputRun({ onRun, disabled }: { onRun: () => Promise<void>; disabled: boolean }) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<RunErrorDescription>();
  const start = async () => {
    setRunning(true);
    setError(undefined);
    try {
      await onRun();
    } catch (err) {
      setError(describeRunError(err));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Box>
      <Alert severity="info" role="note" sx={{ mb: 2 }}>
        This workflow has no input schema: it will run with no input
      </Alert>
      {error && <RunErrorAlert error={error} />}
      <Button
        variant="contained"
        onClick={() => void start()}
        disabled={running || disabled}
        aria-busy={running}
        startIcon={running ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
      >
        Run
      </Button>
    </Box>
  );
}
