/**
 * The crash and scale-out tests' checks, read from the store and the counting server: every instance
 * completed once with the right output; every state entered once, in order; the sleep timer fired
 * exactly once; every counted REST call is in the history, repeats marked as retries.
 */
import type { InstanceStore, Json } from '@sluice/engine';
import { CRASH_STATES } from './crash-workflow.js';
import type { CountingServer } from './counting-server.js';

/** What the checks found, for the closing note. */
export interface RunReport {
  instances: number;
  restCalls: number;
  retriedCalls: number;
  workersPerInstance: Map<number, number>;
  problems: string[];
}

/** Checks every instance; `problems` is empty when all is right. */
export async function verifyRuns(store: InstanceStore, ids: readonly string[], server: CountingServer): Promise<RunReport> {
  const problems: string[] = [];
  let retried = 0;
  const workersPerInstance = new Map<number, number>();
  for (const id of ids) {
    const s = await store.get(id);
    if (!s || s.status !== 'completed') {
      problems.push(`${id}: ${s ? `${s.status} ${JSON.stringify(s.error ?? null)}` : 'missing'}`);
      continue;
    }
    const out = s.output as { first?: { instance?: string; step?: string }; second?: { instance?: string; step?: string }; go?: Json };
    if (out.first?.instance !== id || out.first.step !== 'one' || out.second?.instance !== id || out.second.step !== 'two' || out.go === undefined) {
      problems.push(`${id}: wrong output ${JSON.stringify(out)}`);
    }
    const h = await store.history(id);
    h.forEach((e, i) => e.seq !== i + 1 && problems.push(`${id}: history seq gap at ${i + 1}`));
    const entered = h.filter((e) => e.type === 'state.entered').map((e) => e.state);
    if (JSON.stringify(entered) !== JSON.stringify(CRASH_STATES)) problems.push(`${id}: states ${JSON.stringify(entered)}`);
    if (h.filter((e) => e.type === 'instance.completed').length !== 1) problems.push(`${id}: completed ${h.filter((e) => e.type === 'instance.completed').length} times`);
    const sleeps = h.filter((e) => e.type === 'timer.fired' && (e.data as { purpose?: string }).purpose === 'sleep');
    if (sleeps.length !== 1) problems.push(`${id}: sleep timer fired ${sleeps.length} times`);
    for (const [state, step] of [['First', 'one'], ['Second', 'two']] as const) {
      const called = h.filter((e) => e.type === 'action.called' && e.state === state).length;
      const retries = h.filter((e) => e.type === 'action.retrying' && e.state === state).length;
      const counted = server.counts.get(`${id}/${step}`) ?? 0;
      if (counted < 1 || counted > called) problems.push(`${id}: ${step} counted ${counted} times, ${called} in history`);
      if (retries !== called - 1) problems.push(`${id}: ${step} called ${called} times but ${retries} marked as retries`);
      retried += retries;
    }
    const workers = new Set(h.map((e) => e.worker).filter((w) => w !== undefined)).size;
    workersPerInstance.set(workers, (workersPerInstance.get(workers) ?? 0) + 1);
  }
  return { instances: ids.length, restCalls: server.total(), retriedCalls: retried, workersPerInstance, problems };
}
