/**
 * The React Flow nodes and edges of a laid-out workflow graph: positions and routes from the
 * layout, the status of each node (with its accessible name "state <name>: <status>" and a
 * `data-status` attribute end-to-end tests read), and each edge's kind, label and whether the run
 * went along it.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphEdgeKind, GraphNode, WorkflowGraph } from '../../api/types';
import type { GraphLayout, Point, Box } from './graph-layout';
import type { NodeStatus } from './graph-status';
import { EDGE_COLOR } from './node-look';

export type StateNodeData = { node: GraphNode; status?: NodeStatus; width: number; height: number };
export type StateFlowNode = Node<StateNodeData, 'state'>;

export type RoutedEdgeData = { kind: GraphEdgeKind; label?: string; taken: boolean; inRun: boolean; points: readonly Point[]; labelBox?: Box; description: string };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

const KIND_WORD: Readonly<Record<GraphEdgeKind, string>> = {
  start: 'start',
  transition: 'transition',
  condition: 'condition',
  default: 'default branch',
  event: 'event branch',
  error: 'error handler',
  compensation: 'compensation',
  end: 'end',
};

/** The accessible name of a node. */
export function nodeAriaLabel(node: GraphNode, status: NodeStatus | undefined): string {
  const name = node.kind === 'state' ? `state ${node.label}` : node.kind;
  return status ? `${name}: ${status}` : name;
}

export function flowNodes(graph: WorkflowGraph, layout: GraphLayout, status: Readonly<Record<string, NodeStatus>> | undefined): StateFlowNode[] {
  return graph.nodes.flatMap((n) => {
    const box = layout.nodes.get(n.id);
    if (!box) return [];
    const st = status?.[n.id];
    return [
      {
        id: n.id,
        type: 'state' as const,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { node: n, ...(st ? { status: st } : {}), width: box.width, height: box.height },
        draggable: false,
        connectable: false,
        selectable: false,
        ariaLabel: nodeAriaLabel(n, st),
        // data-* attributes are valid on a div; React Flow's type for domAttributes does not list them.
        domAttributes: (st ? { 'data-status': st, 'data-state': n.id } : { 'data-state': n.id }) as unknown as StateFlowNode['domAttributes'],
      },
    ];
  });
}

/** Edges the run went along, guessed from node statuses when the caller gives none. */
export function guessTaken(graph: WorkflowGraph, status: Readonly<Record<string, NodeStatus>>): Set<string> {
  const reached = (s: NodeStatus | undefined): boolean => s === 'done' || s === 'active' || s === 'failed';
  return new Set(graph.edges.filter((e) => status[e.source] === 'done' && reached(status[e.target]) && e.kind !== 'error' && e.kind !== 'compensation').map((e) => e.id));
}

function describe(e: GraphEdge, graph: WorkflowGraph, taken: boolean, inRun: boolean): string {
  const name = (id: string): string => graph.nodes.find((n) => n.id === id)?.label ?? id;
  return `${KIND_WORD[e.kind]} from ${name(e.source)} to ${name(e.target)}${e.label && e.kind !== 'default' ? ` (${e.label})` : ''}${inRun ? (taken ? ', taken' : ', not taken') : ''}`;
}

export function flowEdges(graph: WorkflowGraph, layout: GraphLayout, taken: ReadonlySet<string> | undefined): RoutedFlowEdge[] {
  const inRun = taken !== undefined;
  return graph.edges.flatMap((e) => {
    if (!layout.nodes.has(e.source) || !layout.nodes.has(e.target)) return [];
    const route = layout.edges.get(e.id);
    const wasTaken = taken?.has(e.id) ?? false;
    const color = wasTaken ? EDGE_COLOR.taken : e.kind === 'error' ? EDGE_COLOR.error : e.kind === 'compensation' ? EDGE_COLOR.compensation : EDGE_COLOR.normal;
    return [
      {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'routed' as const,
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
        ariaLabel: describe(e, graph, wasTaken, inRun),
        focusable: false,
        selectable: false,
        zIndex: wasTaken ? 1 : 0,
        data: {
          kind: e.kind,
          ...(e.label !== undefined ? { label: e.label } : {}),
          taken: wasTaken,
          inRun,
          points: route?.points ?? [],
          ...(route?.label ? { labelBox: route.label } : {}),
          description: describe(e, graph, wasTaken, inRun),
        },
      },
    ];
  });
}
