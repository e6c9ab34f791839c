/**
 * `executionSummary` of a run: one line per lifecycle event, worded so that the Orchestrator UI's
 * patterns find them (`started`, `failed`, `retriggered`, `completed`, and
 * `waiting at node <X> since <ISO>`), each with its ISO time.
 */
import type { InstanceState, StoredHistoryEntry } from '@sluice/engine';

const iso = (ms: number): string => new Date(ms).toISOString();

export function executionSummary(history: readonly StoredHistoryEntry[], state: InstanceState): string[] {
  const out: string[] = [];
  let lastEntered: StoredHistoryEntry | undefined;
  for (const h of history) {
    const at = iso(h.at);
    switch (h.type) {
      case 'instance.started':
        out.push(`Workflow started at ${at}`);
        break;
      case 'instance.faulted': {
        const node = (h.data as { state?: unknown } | undefined)?.state;
        out.push(`Workflow failed at ${at}${typeof node === 'string' ? ` in node ${node}` : ''}`);
        break;
      }
      case 'instance.retriggered':
        out.push(`Workflow retriggered at ${at}${h.state ? ` from node ${h.state}` : ''}`);
        break;
      case 'instance.suspended':
        out.push(`Workflow suspended at ${at}`);
        break;
      case 'instance.resumed':
        out.push(`Workflow resumed at ${at}`);
        break;
      case 'instance.completed':
        out.push(`Workflow completed at ${at}`);
        break;
      case 'instance.cancelled':
        out.push(`Workflow aborted at ${at}`);
        break;
      case 'state.entered':
        lastEntered = h;
        break;
      default:
        break;
    }
  }
  if (state.status === 'waiting' && lastEntered?.state) out.push(`Workflow waiting at node ${lastEntered.state} since ${iso(lastEntered.at)}`);
  return out;
}
