/**
 * A workflow's graph, drawn with React Flow after an ELK layout: states with their type and what
 * they do, labelled edges (conditions, error handlers dashed red, compensation dotted), and, for a
 * run, each state's status and the path taken. Zoom buttons, fit to view, nodes reachable with Tab
 * (each named "state <name>: <status>"), and a legend. Default export: pages load it lazily, so
 * React Flow and ELK stay out of the first page load.
 */
import { Alert, Box } from '@mui/material';
import { Background, Controls, ReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { WorkflowGraph } from '../../api/types';
import { Loading } from '../PageStates';
import { flowEdges, flowNodes, guessTaken } from './graph-elements';
import { layoutGraph, type GraphLayout } from './graph-layout';
import type { NodeStatus } from './graph-status';
import { GraphLegend } from './GraphLegend';
import { InitialViewport } from './InitialViewport';
import { RoutedEdge } from './RoutedEdge';
import { StateNode } from './StateNode';

export interface WorkflowGraphViewProps {
  readonly graph: WorkflowGraph;
  /** Status per node id (a run); without it the definition is drawn plain. */
  readonly status?: Readonly<Record<string, NodeStatus>>;
  /** Ids of the edges the run went along; guessed from `status` when absent. */
  readonly takenEdges?: ReadonlySet<string>;
  /** Height in pixels; by default the drawing's own height at full size, between 260 and 860. */
  readonly height?: number;
}

const nodeTypes: NodeTypes = { state: StateNode };
/** What screen readers hear: nodes can only be read here (no selecting, moving or deleting). */
const ARIA = {
  'node.a11yDescription.default': 'A state of the workflow. Tab moves to the next state.',
  'node.a11yDescription.keyboardDisabled': 'A state of the workflow.',
  'controls.fitView.ariaLabel': 'Show the whole graph',
} as const;
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

/** Where the run is: its failed state, else its running one, else the start. */
function focusOf(graph: WorkflowGraph, status: Readonly<Record<string, NodeStatus>> | undefined): string | undefined {
  const find = (s: NodeStatus): string | undefined => graph.nodes.find((n) => status?.[n.id] === s)?.id;
  return find('failed') ?? find('active') ?? graph.nodes[0]?.id;
}

/** The box's height when the caller gives none: the drawing at full size, within bounds. */
function autoHeight(layout: GraphLayout | undefined): number {
  return layout ? Math.round(Math.min(860, Math.max(260, layout.height + 48))) : 320;
}

export default function WorkflowGraphView({ graph, status, takenEdges, height }: WorkflowGraphViewProps) {
  const graphKey = useMemo(() => JSON.stringify(graph), [graph]);
  const [laid, setLaid] = useState<{ key: string; layout: GraphLayout }>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let live = true;
    layoutGraph(JSON.parse(graphKey) as WorkflowGraph)
      .then((layout) => live && setLaid({ key: graphKey, layout }))
      .catch((e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))));
    return () => {
      live = false;
    };
  }, [graphKey]);

  const layout = laid?.key === graphKey ? laid.layout : undefined;
  const nodes = useMemo(() => (layout ? flowNodes(graph, layout, status) : []), [graph, layout, status]);
  const edges = useMemo(() => {
    if (!layout) return [];
    const taken = takenEdges ?? (status ? guessTaken(graph, status) : undefined);
    return flowEdges(graph, layout, taken);
  }, [graph, layout, status, takenEdges]);

  if (error) return <Alert severity="error">The graph could not be drawn: {error.message}</Alert>;
  return (
    <Box>
      <Box
        sx={{
          height: height ?? autoHeight(layout),
          width: '100%',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: '#fcfcfd',
          '& .react-flow__node:focus-visible': { outline: '3px solid #1F5493', outlineOffset: 3, borderRadius: 1 },
          '& .react-flow__controls-button:focus-visible': { outline: '2px solid #1F5493' },
        }}
      >
        {layout ? (
          <ReactFlow
            key={graphKey}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            minZoom={0.15}
            maxZoom={1.8}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            nodesFocusable
            // The wheel scrolls the page; Ctrl + wheel, pinch or the buttons zoom; drag pans.
            zoomOnScroll={false}
            preventScrolling={false}
            aria-label={`Graph of workflow ${graph.workflowId}`}
            ariaLabelConfig={ARIA}
          >
            <Background gap={20} size={1} color="#e3e6ea" />
            {/* The first view is placed by InitialViewport; the fit-view button shows the whole drawing. */}
            <Controls showInteractive={false} position="top-right" aria-label="Zoom controls" fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }} />
            <InitialViewport layout={layout} focus={focusOf(graph, status)} />
          </ReactFlow>
        ) : (
          <Loading label="Drawing the graph…" />
        )}
      </Box>
      <GraphLegend withStatus={status !== undefined} />
    </Box>
  );
}
