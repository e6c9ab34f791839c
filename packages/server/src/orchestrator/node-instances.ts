/**
 * The nodes of a run (Data Index `nodes`) from its history: one per entry into a state, with enter
 * and exit times, named and typed after the state. The node where a run failed carries the error's
 * message; a node left behind by a retrigger that entered its state again is closed at the
 * retrigger, with the message of the failure it was retriggered from. Node ids are
 * `<instanceId>-<history seq>`, so they stay the same on every read.
 */
import type { InstanceState, StoredHistoryEntry, WorkflowDef } from '@sluice/engine';
import type { NodeInstanceDTO, ProcessInstanceErrorDTO } from './dto.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The nodes, oldest first. */
export function nodeInstances(history: readonly StoredHistoryEntry[], state: InstanceState, def: WorkflowDef | undefined): NodeInstanceDTO[] {
  const nodes: NodeInstanceDTO[] = [];
  const open = new Map<string, NodeInstanceDTO>();
  let retriggered: { state: string; at: number; message?: string } | undefined;
  for (const h of history) {
    const after = retriggered;
    retriggered = undefined;
    if (h.type === 'instance.retriggered' && h.state !== undefined) {
      retriggered = { state: h.state, at: h.at, ...messageOf(h.data) };
    } else if (h.type === 'state.entered' && h.state !== undefined) {
      const prev = open.get(h.state);
      if (prev && after?.state === h.state) {
        prev.exit = iso(after.at);
        if (after.message !== undefined) prev.errorMessage = after.message;
      }
      const node: NodeInstanceDTO = {
        __typename: 'NodeInstance',
        id: `${state.id}-${h.seq}`,
        name: h.state,
        type: def?.states.get(h.state)?.type ?? 'unknown',
        enter: iso(h.at),
        definitionId: h.state,
        nodeId: h.state,
      };
      nodes.push(node);
      open.set(h.state, node);
    } else if (h.type === 'state.exited' && h.state !== undefined) {
      const node = open.get(h.state);
      if (node) {
        node.exit = iso(h.at);
        open.delete(h.state);
      }
    }
  }
  const failed = failedNode(nodes, state);
  if (failed && state.error) failed.errorMessage = state.error.message;
  return nodes;
}

/** `error` of a run in ERROR: the state it failed in, the node, and the message. */
export function instanceError(nodes: readonly NodeInstanceDTO[], state: InstanceState): ProcessInstanceErrorDTO | undefined {
  if (state.status !== 'faulted') return undefined;
  const failed = failedNode(nodes, state);
  return {
    __typename: 'ProcessInstanceError',
    nodeDefinitionId: state.error?.state ?? state.lastState ?? '',
    ...(failed ? { nodeInstanceId: failed.id } : {}),
    ...(state.error ? { message: state.error.message } : {}),
  };
}

/** The last node of the state a faulted run failed in (still open when a step failed). */
function failedNode(nodes: readonly NodeInstanceDTO[], state: InstanceState): NodeInstanceDTO | undefined {
  if (state.status !== 'faulted') return undefined;
  const name = state.error?.state ?? state.lastState;
  for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i]!.definitionId === name) return nodes[i];
  return undefined;
}

function messageOf(data: unknown): { message?: string } {
  const err = (data as { error?: { message?: unknown } } | undefined)?.error;
  return typeof err?.message === 'string' ? { message: err.message } : {};
}
