/** The Definition tab of a workflow: its states and transitions as a graph (the graph view loads on demand). */
import { Box, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useApi } from '../../app/use-api';
import { ErrorState, Loading } from '../../components/PageStates';
import { workflowGraph } from './workflow-api';

const WorkflowGraphView = lazy(() => import('../../components/graph/WorkflowGraphView'));

export function WorkflowDefinitionTab({ workflowId }: { workflowId: string }) {
  const graph = useApi(`graph:${workflowId}`, (signal) => workflowGraph(workflowId, signal));
  if (graph.error) return <ErrorState error={graph.error} title="Could not draw this workflow" onRetry={graph.reload} />;
  if (!graph.data) return <Loading label="Loading the workflow graph…" />;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {graph.data.nodes.length} states and {graph.data.edges.length} transitions, from Start to the end states.
      </Typography>
      <Suspense fallback={<Loading label="Loading the graph view…" />}>
        <WorkflowGraphView graph={graph.data} height={560} />
      </Suspense>
    </Box>
  );
}
