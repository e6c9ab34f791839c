/**
 * The engine benchmark, in memory: straight-through instances per second and state transitions per
 * second for (a) the seed workflow's small path with stubbed functions (timers fire at once on a
 * simulated clock) and (b) a 20-state inject/switch/expression workflow. Each is measured twice:
 * the pure step function alone, and the whole runtime (mailbox, MemoryInstanceStore with its JSON
 * round trips, stub invokers). Runs the built dist.
 *
 *   npm run bench -w packages/engine            # full run (~20 s)
 *   npm run bench -w packages/engine -- --quick # smoke run (numbers meaningless)
 * @module
 */
import { cpus } from 'node:os';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  MemoryCatalog,
  MemoryInstanceStore,
  Runtime,
  SequentialIds,
  SimulatedClock,
  createConfig,
  evalNowSeconds,
  formatIssue,
  loadWorkflow,
  loadWorkflowFromText,
  newInstance,
  step,
  triggers,
  type Json,
  type WorkflowDef,
} from '@sluice/engine';
import { SEED_FILE, SEED_INPUT, SEED_STUBS, twentyStateWorkflow } from './workloads.js';

const reader = { read: (p: string) => readFile(p, 'utf8').catch(() => undefined) };

/** One measured workload. */
export interface BenchResult {
  name: string;
  instances: number;
  transitions: number;
  seconds: number;
}

async function defs(): Promise<{ seed: WorkflowDef; twenty: WorkflowDef }> {
  const a = await loadWorkflow({ path: SEED_FILE, reader, now: evalNowSeconds });
  const b = await loadWorkflowFromText({ file: 'twenty.sw.json', text: JSON.stringify(twentyStateWorkflow()), reader, now: evalNowSeconds });
  if (!a.value || !b.value) throw new Error([...a.issues, ...b.issues].map(formatIssue).join('\n'));
  return { seed: a.value, twenty: b.value };
}

const env = { secret: { rhdh_url: 'https://backstage.example.com', SWT_REF: 'template:default/x' }, secrets: {} };

/** Drives one instance with the step function only, answering calls and firing timers inline. */
function runPure(def: WorkflowDef, input: Json, id: string): number {
  let now = Date.UTC(2026, 0, 1);
  let r = step(def, newInstance({ id, def, now }), triggers.start(input), { now, env });
  let transitions = 0;
  for (let guard = 0; guard < 1000; guard++) {
    transitions += r.history.filter((h) => h.type === 'state.entered').length;
    const s = r.state;
    if (s.status === 'completed' || s.status === 'faulted') return transitions;
    const call = r.commands.find((c) => c.type === 'invoke');
    if (call && call.type === 'invoke') {
      r = step(def, s, triggers.callOk(call.callId, { body: SEED_STUBS[call.fn] ?? {} }), { now, env });
      continue;
    }
    const [timerId, timer] = Object.entries(s.timers)[0] ?? [];
    if (!timerId || !timer) throw new Error(`instance ${id} is stuck`);
    now = timer.dueAt;
    r = step(def, s, triggers.timerFired(timerId), { now, env });
  }
  throw new Error('too many steps');
}

async function runtimeRun(def: WorkflowDef, input: Json, n: number): Promise<{ transitions: number }> {
  const clock = new SimulatedClock();
  const store = new MemoryInstanceStore();
  const catalog = new MemoryCatalog().add({ def, config: createConfig({ properties: { rhdh_url: 'https://backstage.example.com', SWT_REF: 'x' }, env: {} }) });
  const stub = (key: string) => ({ key, invoke: async (req: { fn: { name: string } }) => ({ body: SEED_STUBS[req.fn.name] ?? {} }) });
  const rt = new Runtime({ store, clock, ids: new SequentialIds(), catalog, invokers: [stub('rest'), stub('custom:sysout')], log: { log: () => undefined } });
  let transitions = 0;
  for (let i = 0; i < n; i++) {
    const id = await rt.start(def.id, input);
    for (;;) {
      await rt.idle();
      const s = (await store.get(id))!;
      if (s.status === 'completed' || s.status === 'faulted') break;
      const due = await store.nextWakeAt();
      if (due === undefined) throw new Error('stuck');
      clock.set(due);
      await rt.tick();
    }
    transitions += (await store.history(id)).filter((h) => h.type === 'state.entered').length;
  }
  return { transitions };
}

async function measure(name: string, seconds: number, body: (n: number) => Promise<number> | number): Promise<BenchResult> {
  await body(50);
  let n = 0;
  let transitions = 0;
  const start = performance.now();
  while ((performance.now() - start) / 1000 < seconds) {
    transitions += await body(100);
    n += 100;
  }
  return { name, instances: n, transitions, seconds: (performance.now() - start) / 1000 };
}

/** Runs all workloads; `seconds` per workload. */
export async function runBench(seconds: number): Promise<BenchResult[]> {
  const { seed, twenty } = await defs();
  let k = 0;
  const pure = (def: WorkflowDef, input: Json) => (n: number) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += runPure(def, input, `p${k++}`);
    return t;
  };
  return [
    await measure('seed small path: step function', seconds, pure(seed, SEED_INPUT)),
    await measure('seed small path: runtime + memory store', seconds, async (n) => (await runtimeRun(seed, SEED_INPUT, n)).transitions),
    await measure('20-state inject/switch/expression: step function', seconds, pure(twenty, { count: 0 })),
    await measure('20-state inject/switch/expression: runtime + memory store', seconds, async (n) => (await runtimeRun(twenty, { count: 0 }, n)).transitions),
  ];
}

/** A Markdown table of the results. */
export function table(results: readonly BenchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${Math.round(r.instances / r.seconds).toLocaleString('en')} | ${Math.round(r.transitions / r.seconds).toLocaleString('en')} | ${r.transitions / r.instances} |`);
  return ['| workload | instances/s | transitions/s | transitions per instance |', '|---|---:|---:|---:|', ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const results = await runBench(quick ? 0.2 : 4);
  console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (one process, one core)\n`);
  console.log(table(results));
}
