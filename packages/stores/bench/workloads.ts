/**
 * The durable bench's workloads, loaded through the engine's loader like deployed workflows:
 *
 * - `seed`: the unchanged seed workflow (create-ocp-namespace-swt), small path, with the real
 *   OpenAPI invokers of @sluice/functions calling the Backstage fake on 127.0.0.1 (configuration
 *   from the workflow folder's application.properties, as a host would build it);
 * - `twenty`: the engine bench's 20-state inject/switch/expression workflow (imported from
 *   packages/engine/bench/workloads.ts, so both benches run the same definition);
 * - `threeStep`: the DBOS comparison shape. Three operation states, each calling one `custom`
 *   `rest:post:/step` function, answered by an in-process stub registered as the `custom:rest`
 *   invoker of that workload's runtime, which returns a value at once (no HTTP). This is Sluice's
 *   closest match to "a DBOS step that returns a value": each call is a durable action whose result
 *   is committed to the instance's history (`action.completed`) by the step that consumes it,
 *   whereas an expression function is evaluated inside a step and leaves no record of its own;
 * - `sleeper`: the waiting bench's workflow, a sleep state and an end state.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createConfig,
  evalNowSeconds,
  formatIssue,
  loadWorkflow,
  loadWorkflowFromText,
  parseProperties,
  type ConfigSource,
  type Invoker,
  type Json,
  type LoadResult,
  type WorkflowDef,
} from '@sluice/engine';
import { createDefaultInvokers } from '@sluice/functions';
import { SEED_DIR, SEED_FILE, SEED_INPUT, twentyStateWorkflow } from '../../engine/bench/workloads.js';

/** A deployed workflow plus the input each bench instance starts with. */
export interface Workload {
  readonly name: string;
  readonly def: WorkflowDef;
  readonly config: ConfigSource;
  readonly input: Json;
  /** The invokers of this workload's runtime. */
  readonly invokers: readonly Invoker[];
}

/** Where the seed's REST calls go: the Backstage fake (GitLab is not called on the small path). */
export interface BackstageTarget {
  readonly url: string;
  readonly token: string;
}

/** The template the seed launches (the fake knows it). */
export const SEED_TEMPLATE = 'template:default/orchestrator-namespace-request';

/** The three-step workload's `custom:rest` stub: a step that returns a value at once, like the DBOS peer's. */
const stepStub: Invoker = { key: 'custom:rest', invoke: async (req) => ({ body: { step: req.args, ok: true } }) };

const reader = { read: (p: string) => readFile(p, 'utf8').catch(() => undefined) };
const noConfig = createConfig({ properties: {}, env: {} });

function unwrap<T>(r: LoadResult<T>, what: string): T {
  if (!r.value) throw new Error(`${what} does not load:\n${r.issues.map(formatIssue).join('\n')}`);
  return r.value;
}

async function fromJson(doc: Json, file: string): Promise<WorkflowDef> {
  return unwrap(await loadWorkflowFromText({ file, text: JSON.stringify(doc), reader, now: evalNowSeconds }), file);
}

/** The seed workflow's small path against the Backstage fake. */
export async function seedWorkload(backstage: BackstageTarget): Promise<Workload> {
  const def = unwrap(await loadWorkflow({ path: SEED_FILE, reader, now: evalNowSeconds }), SEED_FILE);
  const properties = parseProperties(await readFile(join(SEED_DIR, 'application.properties'), 'utf8'));
  const config = createConfig({
    properties,
    env: {
      BACKSTAGE_BACKEND_URL: backstage.url,
      BACKSTAGE_BACKEND_BEARER_TOKEN: backstage.token,
      SWT_REF: SEED_TEMPLATE,
      GITLAB_URL: 'http://127.0.0.1:1',
      GITLAB_TOKEN: 'x',
    },
  });
  return { name: 'seed small path', def, config, input: SEED_INPUT, invokers: createDefaultInvokers() };
}

/** The engine bench's 20-state workflow. */
export async function twentyWorkload(): Promise<Workload> {
  return { name: '20-state', def: await fromJson(twentyStateWorkflow(), 'twenty-states.sw.json'), config: noConfig, input: { count: 0 }, invokers: [] };
}

/** Three operation states, each one call to the step stub (see the module comment). */
export async function threeStepWorkload(): Promise<Workload> {
  const step = (i: number, next?: string): Json => ({
    name: `Step${i}`,
    type: 'operation',
    actions: [{ functionRef: { refName: 'step', arguments: { n: i } }, actionDataFilter: { toStateData: `.step${i}` } }],
    ...(next ? { transition: next } : { end: true }),
  });
  const doc: Json = {
    id: 'three-steps',
    version: '1.0',
    specVersion: '0.8',
    start: 'Step1',
    functions: [{ name: 'step', type: 'custom', operation: 'rest:post:/step' }],
    states: [step(1, 'Step2'), step(2, 'Step3'), step(3)],
  };
  return { name: 'three-step', def: await fromJson(doc, 'three-steps.sw.json'), config: noConfig, input: { seed: 1 }, invokers: [stepStub] };
}

/** A sleep of `sleep` (ISO 8601), then an end state. */
export async function sleeperWorkload(sleep = 'PT5M'): Promise<Workload> {
  const doc: Json = {
    id: 'sleeper',
    version: '1.0',
    specVersion: '0.8',
    start: 'Nap',
    states: [
      { name: 'Nap', type: 'sleep', duration: sleep, transition: 'Done' },
      { name: 'Done', type: 'inject', data: { woke: true }, end: true },
    ],
  };
  return { name: 'sleeper', def: await fromJson(doc, 'sleeper.sw.json'), config: noConfig, input: { n: 0 }, invokers: [] };
}

