/**
 * Lays a workflow graph out top-down with ELK's layered algorithm: node positions, orthogonal edge
 * routes and edge label boxes, all in one coordinate space, so the view draws edges exactly where
 * ELK put them (loops back to a polling state stay readable). Node sizes come from `nodeSize`, which
 * the node component uses too. ELK (`elkjs/lib/elk.bundled.js`, no worker) is imported on first
 * use, so it is cached apart from the view's code.
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { GraphNode, WorkflowGraph } from '../../api/types';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export interface GraphLayout {
  /** Size of the whole drawing. */
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, Box>;
  /** Per edge: its route (start, bends, end) and where its label goes. */
  readonly edges: ReadonlyMap<string, { readonly points: readonly Point[]; readonly label?: Box }>;
}

/** Detail lines a node shows; more are summed up as "+n more". */
export const MAX_DETAIL_LINES = 3;
const NODE_WIDTH = 232;
const LINE = 18;
/** Longest edge label shown in full (the rest is cut with an ellipsis). */
export const MAX_LABEL_CHARS = 36;

/** The size a node is drawn at. */
export function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind !== 'state') return { width: 120, height: 40 };
  const lines = Math.min(node.details.length, MAX_DETAIL_LINES) + (node.details.length > MAX_DETAIL_LINES ? 1 : 0);
  return { width: NODE_WIDTH, height: 66 + lines * LINE };
}

/** An edge label as drawn (cut to MAX_LABEL_CHARS). */
export function shortLabel(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(shortLabel(text).length * 6.6) + 12, height: 20 };
}

let elk: Promise<ELK> | undefined;

/** ELK, loaded on first use into a chunk of its own (it is most of the graph's weight). */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.edgeNode': '24',
  'elk.spacing.edgeEdge': '16',
  'elk.spacing.edgeLabel': '6',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Back edges (retry loops, error handlers going back) are found by a walk from the start node.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
};

/** Lays `graph` out. */
export async function layoutGraph(graph: WorkflowGraph): Promise<GraphLayout> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      ...(e.label ? { labels: [{ id: `${e.id}#label`, text: e.label, ...labelSize(e.label) }] } : {}),
    }));
  const root: ElkNode = {
    id: '__root',
    layoutOptions: OPTIONS,
    children: graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n) })),
    edges,
  };
  const out = await (await loadElk()).layout(root);
  const nodes = new Map<string, Box>();
  for (const c of out.children ?? []) nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const routed = new Map<string, { points: Point[]; label?: Box }>();
  for (const e of out.edges ?? []) {
    const points: Point[] = [];
    for (const s of e.sections ?? []) points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
    const l = e.labels?.[0];
    routed.set(e.id, { points, ...(l && l.x !== undefined && l.y !== undefined ? { label: { x: l.x, y: l.y, width: l.width ?? 0, height: l.height ?? 0 } } : {}) });
  }
  return { width: out.width ?? 0, height: out.height ?? 0, nodes, edges: routed };
}
