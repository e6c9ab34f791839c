/**
 * Benchmark workloads: the seed workflow's small path with stubbed functions, and a generated
 * 20-state inject/switch/expression workflow that runs straight through.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json, JsonObject } from '@sluice/engine';

const here = dirname(fileURLToPath(import.meta.url));

/** The seed workflow's folder. */
export const SEED_DIR = join(here, '../../../workflows/create-ocp-namespace-swt');
export const SEED_FILE = join(SEED_DIR, 'create-ocp-namespace-swt.sw.yaml');

/** Small-path input. */
export const SEED_INPUT: Json = { namespace: 'dev1-small', git_host: 'gitlab.example.com', requester: 'dev1', size: 'small', recipients: ['user:default/dev1'] };

/** Stubbed answers for the seed's REST functions (small path). */
export const SEED_STUBS: Record<string, Json> = {
  launchSoftwareTemplate: { id: 'task-1' },
  getSoftwareTemplateTask: { id: 'task-1', status: 'completed' },
  createNotification: [{ id: 'n1', user: 'user:default/dev1' }],
};

/**
 * A 20-state workflow: repeating inject → switch → operation (expression function), with a data
 * condition that always takes the same branch, ending after state 20.
 */
export function twentyStateWorkflow(): Json {
  const states: JsonObject[] = [];
  for (let i = 1; i <= 20; i++) {
    const next = i === 20 ? undefined : `S${i + 1}`;
    const exit: { transition: string } | { end: true } = next ? { transition: next } : { end: true };
    const kind = i % 3;
    if (kind === 1) states.push({ name: `S${i}`, type: 'inject', data: { [`k${i}`]: i, tags: ['a', 'b'] }, ...exit });
    else if (kind === 2) {
      states.push({
        name: `S${i}`,
        type: 'switch',
        dataConditions: [{ condition: `.count >= 0 and .k${i - 1} == ${i - 1}`, ...(next ? { transition: next } : { end: true }) }],
        defaultCondition: next ? { transition: next } : { end: true },
      });
    } else {
      states.push({
        name: `S${i}`,
        type: 'operation',
        actions: [{ functionRef: 'bump', actionDataFilter: { toStateData: '.count' } }],
        ...exit,
      });
    }
  }
  return {
    id: 'twenty-states',
    version: '1.0',
    specVersion: '0.8',
    start: 'S1',
    functions: [{ name: 'bump', type: 'expression', operation: '.count + 1' }],
    states,
  };
}

export function readSeed(): string {
  return readFileSync(SEED_FILE, 'utf8');
}
