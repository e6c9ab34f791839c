import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { ResourceReader } from '../ports/resources.js';
import type { SourceDocument } from './document.js';
import { readResources } from './read-resources.js';
import { parseSource } from './source-document.js';

const SEED_DIR = new URL('../../../../workflows/create-ocp-namespace-swt/', import.meta.url);

/** An in-memory reader that records what it was asked for. */
function memoryReader(files: Record<string, string>): ResourceReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: async (path) => {
      asked.push(path);
      return files[path];
    },
  };
}

function doc(file: string, text: string): SourceDocument {
  return parseSource(file, text).value!;
}

describe('readResources', () => {
  it('reads the seed workflow resources once each, keyed as written', async () => {
    const seed = (name: string) => readFileSync(new URL(name, SEED_DIR), 'utf8');
    const dir = 'workflows/create-ocp-namespace-swt';
    const reader = memoryReader({
      [`${dir}/schemas/create-ocp-namespace-swt-schema.json`]: seed('schemas/create-ocp-namespace-swt-schema.json'),
      [`${dir}/specs/gitlab-openapi.yaml`]: seed('specs/gitlab-openapi.yaml'),
      [`${dir}/specs/notifications-openapi.yaml`]: seed('specs/notifications-openapi.yaml'),
      [`${dir}/specs/scaffolder-openapi.yaml`]: seed('specs/scaffolder-openapi.yaml'),
    });
    const r = await readResources({ doc: doc(`${dir}/create-ocp-namespace-swt.sw.yaml`, seed('create-ocp-namespace-swt.sw.yaml')), reader });
    expect(r.issues).toEqual([]);
    expect(reader.asked).toHaveLength(4);
    expect(new Set(reader.asked).size).toBe(4);
    const schema = r.resources.get('schemas/create-ocp-namespace-swt-schema.json');
    expect(schema?.file).toBe(`${dir}/schemas/create-ocp-namespace-swt-schema.json`);
    expect(schema?.value).toMatchObject({ $id: 'classpath:/schemas/create-ocp-namespace-swt-schema.json' });
    expect(r.resources.get('specs/gitlab-openapi.yaml')?.value).toMatchObject({ openapi: expect.any(String) });
    expect(r.resources.get('specs/gitlab-openapi.yaml')?.locate('/paths')?.line).toBeGreaterThan(1);
    expect(r.resources.get('schemas/nope.json')).toBeUndefined();
  });

  it('reports a missing schema as an error and a missing operation document as a warning, once per URI', async () => {
    const text = [
      'id: x',
      'dataInputSchema: classpath:/schemas/in.json',
      'functions:',
      '  - name: a',
      '    operation: specs/api.yaml#a',
      '  - name: b',
      '    operation: specs/api.yaml#b',
    ].join('\n');
    const r = await readResources({ doc: doc('wf/x.sw.yaml', text), reader: memoryReader({}) });
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'RESOURCE_NOT_FOUND',
        message: "cannot read the input schema 'classpath:/schemas/in.json' (looked for 'wf/schemas/in.json')",
        file: 'wf/x.sw.yaml',
        pointer: '/dataInputSchema',
        line: 2,
        column: 1,
      },
      {
        severity: 'warning',
        code: 'RESOURCE_NOT_FOUND',
        message: "cannot read the operation document 'specs/api.yaml' (looked for 'wf/specs/api.yaml')",
        file: 'wf/x.sw.yaml',
        pointer: '/functions/0/operation',
        line: 5,
        column: 5,
      },
    ]);
  });

  it('reads the operation documents named in a functions file, relative to the workflow folder', async () => {
    const reader = memoryReader({
      'wf/defs/functions.yaml': 'functions:\n  - name: a\n    operation: specs/api.yaml#getA\n  - name: b\n    operation: specs/missing.yaml#x\n',
      'wf/specs/api.yaml': 'openapi: 3.0.0\npaths: {}\n',
    });
    const r = await readResources({ doc: doc('wf/x.sw.yaml', 'id: x\nfunctions: defs/functions.yaml\n'), reader });
    expect(r.resources.get('defs/functions.yaml')?.value).toMatchObject({ functions: [{ name: 'a' }, { name: 'b' }] });
    expect(r.resources.get('specs/api.yaml')?.value).toEqual({ openapi: '3.0.0', paths: {} });
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        code: 'RESOURCE_NOT_FOUND',
        message: "cannot read the operation document 'specs/missing.yaml' (looked for 'wf/specs/missing.yaml')",
        file: 'wf/defs/functions.yaml',
        pointer: '/functions/1/operation',
        line: 5,
        column: 5,
      },
    ]);
  });

  it('keys an aliased document by the alias and by its URI', async () => {
    const text = [
      'id: x',
      'extensions:',
      '  - extensionid: workflow-uri-definitions',
      '    definitions:',
      '      notifications: https://rhdh.example.com/openapi.yaml',
      'functions:',
      '  - name: n',
      '    operation: notifications#createNotification',
    ].join('\n');
    const reader = memoryReader({ 'https://rhdh.example.com/openapi.yaml': 'openapi: 3.0.0\n' });
    const r = await readResources({ doc: doc('wf/x.sw.yaml', text), reader });
    expect(r.issues).toEqual([]);
    expect(reader.asked).toEqual(['https://rhdh.example.com/openapi.yaml']);
    expect(r.resources.get('notifications')?.value).toEqual({ openapi: '3.0.0' });
    expect(r.resources.get('https://rhdh.example.com/openapi.yaml')).toBe(r.resources.get('notifications'));
  });

  it('reports a missing aliased document at the alias definition', async () => {
    const text = 'id: x\nextensions:\n  - extensionid: workflow-uri-definitions\n    definitions:\n      api: specs/api.yaml\nfunctions:\n  - name: n\n    operation: api#op\n';
    const r = await readResources({ doc: doc('x.sw.yaml', text), reader: memoryReader({}) });
    expect(r.issues).toMatchObject([{ code: 'RESOURCE_NOT_FOUND', pointer: '/extensions/0/definitions/api', line: 5, column: 7 }]);
  });

  it('reports parse and schema problems inside resources, in their own file', async () => {
    const reader = memoryReader({
      'schemas/in.json': '{"type": "object",}',
      'events.yaml': 'events:\n  - name: e\n    kind: weird\n',
    });
    const r = await readResources({ doc: doc('x.sw.yaml', 'id: x\ndataInputSchema: schemas/in.json\nevents: events.yaml\n'), reader });
    expect(r.issues.map((i) => [i.file, i.code, i.pointer, i.line])).toEqual([
      ['schemas/in.json', 'PARSE', '', 1],
      ['events.yaml', 'SCHEMA', '/events/0', 2],
      ['events.yaml', 'SCHEMA', '/events/0/kind', 3],
    ]);
    expect(r.resources.get('schemas/in.json')).toBeUndefined();
    expect(r.resources.get('events.yaml')).toBeDefined();
  });

  it('coerces boolean strings in definition files', async () => {
    const reader = memoryReader({ 'events.yaml': 'events:\n  - name: e\n    type: t\n    kind: produced\n    dataOnly: "false"\n' });
    const r = await readResources({ doc: doc('x.sw.yaml', 'id: x\nevents: events.yaml\n'), reader });
    expect(r.issues).toEqual([]);
    expect(r.resources.get('events.yaml')?.value).toEqual({ events: [{ name: 'e', type: 't', kind: 'produced', dataOnly: false }] });
  });

  it('turns a failing reader into RESOURCE_NOT_FOUND with the reason', async () => {
    const reader: ResourceReader = {
      read: async () => {
        throw new Error('HTTP 503');
      },
    };
    const r = await readResources({ doc: doc('x.sw.yaml', 'id: x\nconstants: https://cfg.example.com/c.json\n'), reader });
    expect(r.issues).toMatchObject([
      { severity: 'error', code: 'RESOURCE_NOT_FOUND', message: "cannot read the constants file 'https://cfg.example.com/c.json': HTTP 503" },
    ]);
  });
});
