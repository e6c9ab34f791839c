/**
 * Where a run is on its workflow's graph: a status per node and the edges the run went along,
 * from the run's history (preferred: it says which way a state was left) or, without it, from the
 * Orchestrator's node instances. Pure, so the rules below are tested without a browser.
 *
 * Rules:
 * - a state entered and exited is `done` (also when an error handler led out of it);
 * - a state entered and not exited is `active` while the run is not over; once the run ended it is
 *   `failed` (a failed run stops in the state its error names; an aborted run is stopped in the
 *   middle of it: we show that state as `failed` too, the run's own status says "Aborted");
 * - in a failed run the state the error names is `failed` even if it was left before;
 * - states never entered are `pending` while the run can still go on (running, pending,
 *   suspended), `skipped` once it has ended;
 * - the start node is `done` once a state was entered (or the run is past PENDING), the end node
 *   is `done` when the run COMPLETED;
 * - a retriggered run simply continues: its failed state becomes `active` again, then `done`.
 */
import type { GraphEdge, NodeInstanceDTO, ProcessInstanceStatusDTO, RunHistoryEntry, WorkflowGraph } from '../../api/types';

export type NodeStatus = 'pending' | 'active' | 'done' | 'failed' | 'skipped';

/** The statuses in the order a run goes through them (for legends). */
export const NODE_STATUS_ORDER: readonly NodeStatus[] = ['pending', 'active', 'done', 'failed', 'skipped'];

export interface RunProgressInput {
  readonly graph: WorkflowGraph;
  readonly runStatus: ProcessInstanceStatusDTO | undefined;
  /** The run's history, oldest first (used when it has any state entry). */
  readonly history?: readonly RunHistoryEntry[];
  /** The Orchestrator's node instances (used without history). */
  readonly nodes?: readonly NodeInstanceDTO[];
  readonly error?: { readonly nodeDefinitionId?: string; readonly message?: string };
}

export interface RunProgress {
  /** Status per graph node id. */
  readonly nodes: Record<string, NodeStatus>;
  /** Ids of the edges the run went along. */
  readonly takenEdges: ReadonlySet<string>;
}

interface Visits {
  /** States entered at least once. */
  readonly entered: Set<string>;
  /** States entered and not (yet) exited. */
  readonly open: Set<string>;
  readonly taken: Set<string>;
  /** The last state left and whether an error handler left it, when the run completed after it. */
  completedFrom?: { state: string; viaError: boolean };
}

const ENDED: ReadonlySet<ProcessInstanceStatusDTO> = new Set(['COMPLETED', 'ERROR', 'ABORTED']);

/** The edge from `source` to `target` the run most likely took. */
function pickEdge(graph: WorkflowGraph, source: string, target: string, viaError: boolean): GraphEdge | undefined {
  const candidates = graph.edges.filter((e) => e.source === source && e.target === target);
  if (candidates.length === 0) return undefined;
  const targetNode = graph.nodes.find((n) => n.id === target);
  const prefer = viaError ? ['error'] : targetNode?.usedForCompensation ? ['compensation'] : ['start', 'transition', 'condition', 'event', 'default', 'end'];
  return candidates.find((e) => prefer.includes(e.kind)) ?? candidates.find((e) => e.kind !== 'error') ?? candidates[0];
}

/** Marks the edge into `target` after `from` was left; a compensation edge when nothing else joins them. */
function takeEdge(graph: WorkflowGraph, visits: Visits, from: { state: string; viaError: boolean } | undefined, target: string): void {
  if (!from) return;
  const compensating = graph.nodes.find((n) => n.id === target)?.usedForCompensation === true;
  const edge = pickEdge(graph, from.state, target, from.viaError) ?? (compensating ? graph.edges.find((e) => e.kind === 'compensation' && e.target === target && visits.entered.has(e.source)) : undefined);
  if (edge) visits.taken.add(edge.id);
}

function fromHistory(graph: WorkflowGraph, history: readonly RunHistoryEntry[]): Visits {
  const visits: Visits = { entered: new Set(), open: new Set(), taken: new Set() };
  /** Per thread: the state last left, and whether an error handler left it. */
  const left = new Map<string, { state: string; viaError: boolean }>();
  const handled = new Set<string>();
  for (const h of history) {
    const thread = h.thread ?? 'main';
    if (h.type === 'state.entered' && h.state !== undefined) {
      if (visits.entered.size === 0 && h.state === graph.start) takeStart(graph, visits);
      takeEdge(graph, visits, left.get(thread), h.state);
      left.delete(thread);
      visits.entered.add(h.state);
      visits.open.add(h.state);
      handled.delete(`${thread}\u0000${h.state}`);
    } else if (h.type === 'error.handled' && h.state !== undefined) {
      handled.add(`${thread}\u0000${h.state}`);
    } else if (h.type === 'state.exited' && h.state !== undefined) {
      visits.open.delete(h.state);
      left.set(thread, { state: h.state, viaError: handled.has(`${thread}\u0000${h.state}`) });
    } else if (h.type === 'instance.completed') {
      const from = left.get('main');
      if (from) visits.completedFrom = from;
    }
  }
  return visits;
}

function fromNodes(graph: WorkflowGraph, nodes: readonly NodeInstanceDTO[]): Visits {
  const visits: Visits = { entered: new Set(), open: new Set(), taken: new Set() };
  const sorted = [...nodes].sort((a, b) => (a.enter ?? '').localeCompare(b.enter ?? ''));
  let prev: NodeInstanceDTO | undefined;
  for (const n of sorted) {
    const state = n.definitionId ?? n.name;
    if (state === undefined) continue;
    if (visits.entered.size === 0 && state === graph.start) takeStart(graph, visits);
    if (prev?.exit !== undefined) takeEdge(graph, visits, { state: prev.definitionId ?? prev.name ?? '', viaError: false }, state);
    visits.entered.add(state);
    if (n.exit === undefined) visits.open.add(state);
    else visits.open.delete(state);
    prev = n;
  }
  if (prev?.exit !== undefined) visits.completedFrom = { state: prev.definitionId ?? prev.name ?? '', viaError: false };
  return visits;
}

function takeStart(graph: WorkflowGraph, visits: Visits): void {
  const edge = graph.edges.find((e) => e.kind === 'start');
  if (edge) visits.taken.add(edge.id);
}

/** Node statuses and taken edges of a run; see the rules at the top of this file. */
export function runProgress(input: RunProgressInput): RunProgress {
  const { graph, runStatus } = input;
  const history = input.history ?? [];
  const visits = history.some((h) => h.type === 'state.entered') ? fromHistory(graph, history) : fromNodes(graph, input.nodes ?? []);
  const ended = runStatus !== undefined && ENDED.has(runStatus);
  const errorState = runStatus === 'ERROR' ? input.error?.nodeDefinitionId : undefined;
  const nodes: Record<string, NodeStatus> = {};
  for (const n of graph.nodes) {
    if (n.kind === 'start') nodes[n.id] = visits.entered.size > 0 || (runStatus !== undefined && runStatus !== 'PENDING') ? 'done' : 'pending';
    else if (n.kind === 'end') nodes[n.id] = runStatus === 'COMPLETED' ? 'done' : ended ? 'skipped' : 'pending';
    else if (n.id === errorState) nodes[n.id] = 'failed';
    else if (visits.open.has(n.id)) nodes[n.id] = ended && runStatus !== 'COMPLETED' ? 'failed' : ended ? 'done' : 'active';
    else if (visits.entered.has(n.id)) nodes[n.id] = 'done';
    else nodes[n.id] = ended ? 'skipped' : 'pending';
  }
  const endNode = graph.nodes.find((n) => n.kind === 'end');
  if (runStatus === 'COMPLETED' && endNode && visits.completedFrom) takeEdge(graph, visits, visits.completedFrom, endNode.id);
  return { nodes, takenEdges: visits.taken };
}
