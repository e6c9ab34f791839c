/**
 * A workflow definition as a graph for the portal: one node per state plus a start and an end node,
 * and one edge per way control can move (transitions, switch conditions and the default, error
 * handlers, compensation and the end). Built from the engine's parsed definition, so the portal never
 * re-implements the spec's rules for transitions.
 */
import type { ActionDef, Exit, StateDef, WorkflowDef } from '@sluice/engine';

export const START_NODE = '__start';
export const END_NODE = '__end';

export type GraphEdgeKind = 'start' | 'transition' | 'condition' | 'default' | 'event' | 'error' | 'compensation' | 'end';

export interface GraphNode {
  readonly id: string;
  readonly kind: 'start' | 'end' | 'state';
  /** The state's type (`operation`, `switch`, …); absent on start and end. */
  readonly stateType?: StateDef['type'];
  readonly label: string;
  /** What the state does, one line per action, branch or wait. */
  readonly details: readonly string[];
  readonly usedForCompensation?: boolean;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: GraphEdgeKind;
  readonly label?: string;
}

export interface WorkflowGraph {
  readonly workflowId: string;
  readonly start: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

function actionLabel(a: ActionDef): string {
  const what = a.functionRef
    ? `call ${a.functionRef.refName}`
    : a.eventRef
      ? `event ${a.eventRef.triggerEventRef}${a.eventRef.resultEventRef ? ` → wait ${a.eventRef.resultEventRef}` : ''}`
      : a.subFlowRef
        ? `subflow ${a.subFlowRef.workflowId}`
        : 'action';
  return a.name ? `${a.name}: ${what}` : what;
}

function detailsOf(s: StateDef): string[] {
  switch (s.type) {
    case 'operation':
      return s.actions.map(actionLabel);
    case 'foreach':
      return [`for each in ${s.inputCollection.text}`, ...s.actions.map(actionLabel)];
    case 'parallel':
      return s.branches.map((b) => `branch ${b.name}`);
    case 'callback':
      return [actionLabel(s.action), `wait for ${s.eventRef}`];
    case 'event':
      return s.onEvents.map((o) => `on ${o.eventRefs.join(s.exclusive ? ' or ' : ' and ')}`);
    case 'sleep':
      return [`sleep ${s.duration.text}`];
    case 'switch':
    case 'inject':
      return [];
  }
}

/** The graph of `def`. */
export function workflowGraph(def: WorkflowDef): WorkflowGraph {
  const nodes: GraphNode[] = [{ id: START_NODE, kind: 'start', label: 'Start', details: [] }];
  const edges: GraphEdge[] = [{ id: `${START_NODE}->${def.start}`, source: START_NODE, target: def.start, kind: 'start' }];
  let ends = false;
  const seen = new Set<string>();
  const add = (source: string, exit: Exit, kind: GraphEdgeKind, label?: string): void => {
    const target = exit.transition?.nextState ?? (exit.end ? END_NODE : undefined);
    if (target === undefined) return;
    if (target === END_NODE) ends = true;
    const edgeKind = target === END_NODE && kind === 'transition' ? 'end' : kind;
    let id = `${source}->${target}:${edgeKind}`;
    for (let n = 2; seen.has(id); n++) id = `${source}->${target}:${edgeKind}:${n}`;
    seen.add(id);
    edges.push({ id, source, target, kind: edgeKind, ...(label !== undefined ? { label } : {}) });
  };
  for (const s of def.states.values()) {
    nodes.push({ id: s.name, kind: 'state', stateType: s.type, label: s.name, details: detailsOf(s), ...(s.usedForCompensation ? { usedForCompensation: true } : {}) });
    if (s.type === 'switch') {
      for (const c of s.dataConditions) add(s.name, c, 'condition', c.name ?? c.condition.text);
      for (const c of s.eventConditions) add(s.name, c, 'event', c.name ?? c.eventRef);
      add(s.name, s.defaultCondition, 'default', 'default');
    }
    add(s.name, s, 'transition');
    for (const h of s.onErrors) add(s.name, h, 'error', h.errorRefs.join(', ') || 'error');
    if (s.compensatedBy) {
      const id = `${s.name}->${s.compensatedBy}:compensation`;
      seen.add(id);
      edges.push({ id, source: s.name, target: s.compensatedBy, kind: 'compensation', label: 'compensated by' });
    }
  }
  if (ends) nodes.push({ id: END_NODE, kind: 'end', label: 'End', details: [] });
  return { workflowId: def.id, start: def.start, nodes, edges };
}
