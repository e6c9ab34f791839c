// The loader end to end, with the real normalizer: the seed workflow and inline definitions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { ResourceReader } from '../ports/resources.js';
import { loadWorkflow, loadWorkflowFromText } from './load-workflow.js';

const SEED_DIR = fileURLToPath(new URL('../../../../workflows/create-ocp-namespace-swt/', import.meta.url));
const SEED = 'workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml';

/** The seed folder in memory, under `workflows/create-ocp-namespace-swt/`. */
function seedReader(): ResourceReader & { asked: string[] } {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path, 'utf8'));
    }
  };
  walk(SEED_DIR, 'workflows/create-ocp-namespace-swt/');
  const asked: string[] = [];
  return {
    asked,
    read: async (p) => {
      asked.push(p);
      return files.get(p);
    },
  };
}

describe('loadWorkflow', () => {
  it('loads the seed workflow with every resource and no issues', async () => {
    const reader = seedReader();
    const r = await loadWorkflow({ path: SEED, reader, now: () => 0 });
    expect(r.issues).toEqual([]);
    const def = r.value!;
    expect(def.id).toBe('create-ocp-namespace-swt');
    expect(def.start).toBe('NamespaceSizeSwitch');
    expect(def.states.size).toBe(16);
    expect(def.dataInputSchema).toMatchObject({ uri: 'schemas/create-ocp-namespace-swt-schema.json', failOnValidationErrors: true });
    expect(def.functions.get('getProjectId')?.openapi).toMatchObject({
      uri: 'specs/gitlab-openapi.yaml',
      configKey: 'gitlab_openapi_yaml',
      operationId: 'getApiV4Projects',
      method: 'GET',
    });
    expect(def.functions.get('launchSoftwareTemplate')?.openapi).toMatchObject({ operationId: 'createTask', method: 'POST' });
    expect(def.source.file).toBe(SEED);
    expect([...reader.asked].sort()).toEqual([
      SEED,
      'workflows/create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json',
      'workflows/create-ocp-namespace-swt/specs/gitlab-openapi.yaml',
      'workflows/create-ocp-namespace-swt/specs/notifications-openapi.yaml',
      'workflows/create-ocp-namespace-swt/specs/scaffolder-openapi.yaml',
    ]);
  });

  it('reports a definition the reader cannot find', async () => {
    const r = await loadWorkflow({ path: 'workflows/nope/nope.sw.yaml', reader: seedReader() });
    expect(r).toEqual({
      issues: [
        {
          severity: 'error',
          code: 'RESOURCE_NOT_FOUND',
          message: "cannot read the workflow definition 'workflows/nope/nope.sw.yaml'",
          file: 'workflows/nope/nope.sw.yaml',
          pointer: '',
        },
      ],
    });
  });

  it('reports a broken seed: schema, missing resource and position, all at once', async () => {
    const reader = seedReader();
    const original = await reader.read(SEED);
    const broken = original!
      .replace('schema: schemas/create-ocp-namespace-swt-schema.json', 'schema: schemas/missing.json')
      .replace('    type: switch\n  - actionMode', '    type: swich\n  - actionMode');
    const r = await loadWorkflowFromText({ file: SEED, text: broken, reader });
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.severity, i.code, i.pointer, i.line])).toEqual([
      ['error', 'RESOURCE_NOT_FOUND', '/dataInputSchema/schema', 8],
      ['error', 'SCHEMA', '/states/0/type', 70],
    ]);
  });
});

describe('loadWorkflowFromText', () => {
  const inline = {
    id: 'greet',
    specVersion: '0.8',
    start: 'Greet',
    functions: [{ name: 'hello', type: 'expression', operation: '"Hello " + .name' }],
    states: [
      {
        name: 'Greet',
        type: 'operation',
        actions: [{ functionRef: { refName: 'hello' }, actionDataFilter: { toStateData: '.greeting' } }],
        end: { terminate: 'true' },
      },
    ],
  };

  it('loads an inline JSON definition', async () => {
    const r = await loadWorkflowFromText({ file: 'corpus/greet.yaml.sw.json', text: JSON.stringify(inline, null, 2), reader: seedReader() });
    expect(r.issues).toEqual([]);
    expect(r.value?.states.get('Greet')).toMatchObject({ type: 'operation', end: { terminate: true } });
    expect(r.value?.functions.get('hello')?.type).toBe('expression');
  });

  it('reports semantic problems from the normalizer with positions', async () => {
    const bad = { ...inline, start: 'Nowhere' };
    const r = await loadWorkflowFromText({ file: 'x.sw.json', text: JSON.stringify(bad, null, 2), reader: seedReader() });
    expect(r.value).toBeUndefined();
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: 'x.sw.json', line: 4 });
  });
});
