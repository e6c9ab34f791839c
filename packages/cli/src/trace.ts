/** The stderr trace of `sluice run`: each state with its start offset and time spent, then the outcome. */
import type { InstanceState, StoredHistoryEntry } from '@sluice/engine';
import type { CliIo } from './io.js';

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** Prints one line per state entered: `+offset state (duration)`. */
export function printTrace(state: InstanceState, history: readonly StoredHistoryEntry[], io: CliIo): void {
  const entries = history.filter((h) => h.type === 'state.entered' && h.thread === 'main');
  const end = state.endedAt ?? history[history.length - 1]?.at ?? state.startedAt;
  io.stderr.write(`instance ${state.id} (${state.workflowId})\n`);
  entries.forEach((h, i) => {
    const next = entries[i + 1]?.at ?? end;
    io.stderr.write(`  +${secs(h.at - state.startedAt).padStart(9)}  ${h.state} (${secs(next - h.at)})\n`);
  });
  io.stderr.write(`  ${state.status} after ${secs(end - state.startedAt)}\n`);
}
