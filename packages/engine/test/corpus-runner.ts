/**
 * Drives one corpus case: loads the definitions, runs the engine with a fresh store (memory by default),
 * SimulatedClock and stubbed functions, applies the case's steps, and returns what happened.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatIssue, type Json, type WorkflowDef } from '@sluice/engine';
import { createConfig } from '../src/load/create-config.js';
import { loadWorkflow, loadWorkflowFromText } from '../src/load/load-workflow.js';
import { evalNowSeconds } from '../src/expr/eval-time.js';
import { parseDuration } from '../src/expr/duration.js';
import type { CloudEvent } from '../src/interpret/cloud-event.js';
import type { InstanceState } from '../src/interpret/instance-state.js';
import type { InstanceStore, StoredHistoryEntry } from '../src/ports/instance-store.js';
import { MemoryCatalog } from '../src/runtime/catalog.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemoryInstanceStore } from '../src/testing/memory-instance-store.js';
import { SequentialIds, SimulatedClock } from '../src/testing/simulated-clock.js';
import type { CorpusCase, CorpusFile } from './corpus-format.js';
import { StubFunctions, type RecordedCall } from './stub-invokers.js';

export const CORPUS_START = Date.UTC(2026, 0, 1);

/** Reads files relative to the corpus file for `definitionFile` and resources. */
const fsReader = { read: (path: string) => readFile(path, 'utf8').catch(() => undefined) };

/** Loads a definition from an inline object or a file; throws with every issue when invalid. */
export async function loadCorpusDefinition(file: string, source: { inline?: Json; path?: string }): Promise<WorkflowDef> {
  const r = source.path
    ? await loadWorkflow({ path: join(dirname(file), source.path), reader: fsReader, now: evalNowSeconds })
    : await loadWorkflowFromText({ file: `${file}.sw.json`, text: JSON.stringify(source.inline), reader: fsReader, now: evalNowSeconds });
  if (!r.value) throw new Error(`definition in ${file} is invalid:\n${r.issues.map(formatIssue).join('\n')}`);
  return r.value;
}

/** What a case run produced. */
export interface CaseOutcome {
  state: InstanceState;
  history: StoredHistoryEntry[];
  calls: RecordedCall[];
  logs: string[];
  events: CloudEvent[];
  elapsedMs: number;
}

/** A store for one case, and how to dispose of it. */
export interface CaseStore {
  store: InstanceStore;
  close(): Promise<void>;
}

/** Makes a fresh store per case (default: MemoryInstanceStore). */
export type MakeCaseStore = () => Promise<CaseStore>;

const memoryStore: MakeCaseStore = async () => ({ store: new MemoryInstanceStore(), close: async () => undefined });

/** Runs a case to the end of its steps. */
export async function runCase(file: string, corpus: CorpusFile, c: CorpusCase, makeStore: MakeCaseStore = memoryStore): Promise<CaseOutcome> {
  const opened = await makeStore();
  try {
    return await runCaseOn(opened.store, file, corpus, c);
  } finally {
    await opened.close();
  }
}

async function runCaseOn(store: InstanceStore, file: string, corpus: CorpusFile, c: CorpusCase): Promise<CaseOutcome> {
  const main = await loadCorpusDefinition(file, corpus.definitionFile ? { path: corpus.definitionFile } : { inline: corpus.definition! });
  const subs = await Promise.all((corpus.subflows ?? []).map((s) => loadCorpusDefinition(file, { inline: s })));
  const config = createConfig({ properties: { ...corpus.config, ...c.config }, env: {} });
  const catalog = new MemoryCatalog();
  for (const def of [...subs, main]) catalog.add({ def, config });
  const clock = new SimulatedClock(CORPUS_START);
  const stubs = new StubFunctions(structuredClone(c.functions ?? {}), clock);
  const events: CloudEvent[] = [];
  const rt = new Runtime({
    store,
    clock,
    ids: new SequentialIds('i'),
    worker: 'corpus-worker',
    catalog,
    invokers: stubs.invokers(),
    log: { log: () => undefined },
    events: { publish: async (e) => void events.push(e) },
  });
  const settle = async () => {
    await quiesce(rt, stubs);
    while (stubs.release() > 0) await quiesce(rt, stubs);
  };
  let id: string;
  if (c.startEvent) {
    const r = await rt.publishEvent(toEvent(c.startEvent, 0));
    id = r.started[0] ?? 'none';
  } else {
    id = await rt.start(main.id, c.input ?? {});
  }
  await settle();
  let n = 1;
  for (const s of c.steps ?? []) {
    if (s.event) await rt.publishEvent(toEvent(s.event, n++));
    if (s.cancel) {
      // Aborting a finished run is refused (INSTANCE_CONFLICT); the case then checks nothing changed.
      await rt.cancel(id, 'cancelled by test').catch((err: { code?: string }) => {
        if (err.code !== 'INSTANCE_CONFLICT') throw err;
      });
    }
    if (s.advance) await advance(rt, store, stubs, clock, s.advance);
    await settle();
  }
  const state = (await store.get(id))!;
  const outcome = {
    state,
    history: await store.history(id),
    calls: [...stubs.calls],
    logs: [...stubs.logs],
    events: [...events],
    elapsedMs: (state.endedAt ?? clock.now()) - CORPUS_START,
  };
  // Stop the worker and let every parked call return before the store closes.
  rt.shutdown();
  stubs.releaseAll();
  await rt.idle();
  return outcome;
}

async function advance(rt: Runtime, store: InstanceStore, stubs: StubFunctions, clock: SimulatedClock, what: string): Promise<void> {
  const all = what === 'all';
  const target = all ? Infinity : clock.now() + (parseDuration(what) ?? 0);
  for (let i = 0; i < 10_000; i++) {
    const next = [await store.nextWakeAt(), stubs.nextDue()].filter((x): x is number => x !== undefined).sort((a, b) => a - b)[0];
    if (next === undefined || next > target) break;
    clock.set(next);
    stubs.release();
    await rt.tick();
    await quiesce(rt, stubs);
  }
  if (!all) clock.set(target);
}

/**
 * Waits until the runtime has nothing left to do but wait for delayed stub answers: no step queued
 * or running, and every call in flight parked on a delayed stub. Polls the runtime's load once per
 * macrotask, so it works with stores that do real I/O.
 */
async function quiesce(rt: Runtime, stubs: StubFunctions): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { pending, calls } = rt.load();
    if (pending === 0 || (pending === calls && calls === stubs.parked())) return;
    if (Date.now() > deadline) throw new Error('corpus runner: the runtime did not settle within 15 s');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function toEvent(e: NonNullable<CorpusCase['startEvent']> & { id?: string }, n: number): CloudEvent {
  return {
    specversion: '1.0',
    id: e.id ?? `ev-${n}`,
    source: e.source ?? '/test',
    type: e.type,
    ...(e.data !== undefined ? { data: e.data } : {}),
    ...(e.extensions ?? {}),
  };
}
