/**
 * Test helper: runs a small workflow on the real engine (memory store, simulated clock, a scripted
 * REST invoker) and hands back what the portal gets from the server for it: the history entries
 * (through the server's own `runHistoryEntry`), the graph (the server's `workflowGraph`), the
 * status and the error. Portal tests built on it break when the engine's history format drifts.
 */
import { createConfig, loadInline, MemoryCatalog, MemoryInstanceStore, Runtime, SequentialIds, SimulatedClock, WorkflowError, type InstanceState, type Json } from '@sluice/engine';
import type { NodeInstanceDTO, ProcessInstanceStatusDTO, RunHistoryEntry, WorkflowGraph } from '../src/api/types';
import { nodeInstances } from '../../server/src/orchestrator/node-instances.js';
import { statusOf } from '../../server/src/orchestrator/instance-status.js';
import { runHistoryEntry } from '../../server/src/portal/run-history.js';
import { workflowGraph } from '../../server/src/portal/workflow-graph.js';

/** What one call of a function answers: a result, or a failure with an HTTP-like code. */
export type Answer = { ok: Json } | { fail: string; message: string };

/** Every call takes this long on the simulated clock. */
export const CALL_MS = 150;

export interface EngineRun {
  readonly graph: WorkflowGraph;
  readonly history: RunHistoryEntry[];
  readonly status: ProcessInstanceStatusDTO;
  readonly nodes: NodeInstanceDTO[];
  readonly error?: { nodeDefinitionId: string; message?: string };
}

export interface Scenario {
  readonly definition: object;
  readonly input?: Json;
  /** Answers per function name, in call order (a missing answer is `{ok: {}}`). */
  readonly answers?: Record<string, Answer[]>;
  /** What to do once the run has settled (retrigger it, abort it, …); may return more answers. */
  readonly then?: (rt: Runtime, id: string, answers: Record<string, Answer[]>) => Promise<void>;
}

/** Runs `scenario` until nothing more happens within a minute of simulated time. */
export async function runOnEngine(scenario: Scenario): Promise<EngineRun> {
  const def = await loadInline(scenario.definition);
  const catalog = new MemoryCatalog();
  catalog.add({ def, config: createConfig({ properties: {}, env: {} }) });
  const clock = new SimulatedClock();
  const answers: Record<string, Answer[]> = { ...(scenario.answers ?? {}) };
  const rt = new Runtime({
    store: new MemoryInstanceStore(),
    clock,
    ids: new SequentialIds('run-'),
    catalog,
    worker: 'w',
    log: { log: () => undefined },
    invokers: [
      {
        key: 'custom:rest',
        invoke: async (req) => {
          clock.advance(CALL_MS);
          const a = answers[req.fn.name]?.shift() ?? { ok: {} };
          if ('fail' in a) throw new WorkflowError({ code: a.fail, message: a.message, status: Number(a.fail) || undefined });
          return { body: a.ok };
        },
      },
    ],
  });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 60; i++) {
      await rt.tick();
      await rt.idle();
      clock.advance(1000);
    }
  };
  const id = await rt.start(def.id, scenario.input ?? {});
  await settle();
  if (scenario.then) {
    await scenario.then(rt, id, answers);
    await settle();
  }
  const state = (await rt.get(id)) as InstanceState;
  const stored = await rt.history(id);
  const nodes = nodeInstances(stored, state, def);
  const faulted = state.status === 'faulted';
  return {
    graph: workflowGraph(def),
    history: stored.map(runHistoryEntry),
    status: statusOf(state.status),
    nodes,
    ...(faulted ? { error: { nodeDefinitionId: state.error?.state ?? state.lastState ?? '', ...(state.error ? { message: state.error.message } : {}) } } : {}),
  };
}
