/**
 * One run (`/runs/:instanceId`), followed live while it runs: the header and actions, why it failed
 * (in plain words), its progress on the workflow's graph (the version it started with), its
 * result, the timeline of states and actions, and its input and output. The graph (React Flow and
 * ELK) is loaded lazily, after the rest of the page.
 */
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import type { WorkflowGraph } from '../../api/types';
import { useApi } from '../../app/use-api';
import { runProgress } from '../../components/graph/graph-status';
import { Loading } from '../../components/PageStates';
import { FailureSummary } from '../../components/run/FailureSummary';
import { JsonSection } from '../../components/run/JsonSection';
import { ResultCard } from '../../components/run/ResultCard';
import { Timeline } from '../../components/run/Timeline';
import { isRunEnded } from '../../components/status/run-status';
import { RunActions } from './RunActions';
import { RunHeader } from './RunHeader';
import { runLoadError } from './run-errors';
import { Section } from './Section';
import { useNow } from './use-now';
import { useRunLive } from './use-run-live';

const WorkflowGraphView = lazy(() => import('../../components/graph/WorkflowGraphView'));

function withoutResult(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('result' in data)) return data;
  const rest: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  delete rest.result;
  return rest;
}

export default function RunPage() {
  const { instanceId = '' } = useParams();
  const live = useRunLive(instanceId);
  const { run, history } = live;
  const ended = isRunEnded(run?.state);
  const now = useNow(run !== undefined && !ended);
  // Once the run is there (a run that cannot be read has no graph to ask for either).
  const graph = useApi<WorkflowGraph>(run ? `graph:${instanceId}` : null, (signal) => api(`/api/sluice/instances/${encodeURIComponent(instanceId)}/graph`, { signal }));

  const progress = useMemo(
    () =>
      graph.data && run
        ? runProgress({ graph: graph.data, runStatus: run.state, history, nodes: run.nodes, ...(run.error ? { error: run.error } : {}) })
        : undefined,
    [graph.data, run, history],
  );

  const title = run ? `${run.processName || run.processId} · run ${run.id} · Sluice` : undefined;
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  if (live.error && !run) {
    const e = runLoadError(live.error, instanceId);
    return (
      <Box>
        <Typography variant="h4" component="h1">
          Run {instanceId}
        </Typography>
        <Alert severity="error" sx={{ my: 2 }} action={<Button color="inherit" size="small" onClick={live.refresh}>Try again</Button>}>
          <AlertTitle>{e.title}</AlertTitle>
          {e.text}
        </Alert>
      </Box>
    );
  }
  if (!run) return <Loading label="Loading the run…" />;

  const input = live.input ?? (run as { inputData?: unknown }).inputData;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <RunHeader run={run} now={now} />
        <RunActions run={run} onChanged={live.refresh} />
      </Box>
      {live.error && (
        <Alert severity="warning">The page could not reach the server for the latest state of this run ({live.error.message}); it keeps trying.</Alert>
      )}
      {run.state === 'ERROR' && <FailureSummary run={run} history={history} />}
      <Section title="Progress">
        {graph.error ? (
          <Alert severity="info">The graph of this run is not available: {graph.error.message}</Alert>
        ) : graph.data && progress ? (
          <Suspense fallback={<Loading label="Loading the graph…" />}>
            <WorkflowGraphView graph={graph.data} status={progress.nodes} takenEdges={progress.takenEdges} />
          </Suspense>
        ) : (
          <Loading label="Loading the graph…" />
        )}
      </Section>
      <Section title="Result">
        <ResultCard workflowdata={run.workflowdata} instanceId={run.id} status={run.state} />
      </Section>
      <Section title="Timeline">
        <Timeline entries={history} {...(ended ? {} : { now })} />
      </Section>
      <Box>
        <JsonSection title="Input" value={input ?? withoutResult(run.workflowdata)} />
        <JsonSection title="Output" value={run.workflowdata} />
      </Box>
    </Box>
  );
}
