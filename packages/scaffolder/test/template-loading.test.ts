import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../src/errors/template-error.js';
import { loadTemplateFromDir } from '../src/template/load-template-from-dir.js';
import { parseTemplate } from '../src/template/parse-template.js';
import { validateValues } from '../src/template/validate-values.js';

const namespaceDir = fileURLToPath(new URL('./fixtures/namespace/', import.meta.url));

function issuesOf(text: string, opts: Parameters<typeof parseTemplate>[2] = {}): TemplateError {
  try {
    parseTemplate('bad.yaml', text, opts);
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('expected a TemplateError');
}

describe('the upstream namespace template', () => {
  it('loads with its base directory', async () => {
    const loaded = await loadTemplateFromDir(namespaceDir);
    expect(loaded.template.metadata.name).toBe('orchestrator-namespace-request');
    expect(loaded.template.spec.steps.map((s) => s.action)).toEqual(['fetch:template', 'publish:gitlab', 'argocd:create-resources', 'catalog:register']);
    expect(loaded.baseDir).toBe(namespaceDir.replace(/\/$/, ''));
    expect(loaded.baseUrl).toBe(`file://${namespaceDir}`);
  });

  it('validates values', async () => {
    const { template } = await loadTemplateFromDir(namespaceDir);
    const values = { component_id: 'team-a', namespace_owner: 'dev1', git_host: 'gitlab.example.com', namespace_size: 'small' };
    expect(validateValues(template, values)).toEqual([]);
    const errors = validateValues(template, { component_id: 'team-a', namespace_size: 'huge', extra: 1 });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: 'instance', name: 'required', argument: 'namespace_owner', message: 'requires property "namespace_owner"' }),
        expect.objectContaining({ property: 'instance.namespace_size', name: 'enum' }),
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('reports unknown actions when given the known ones', async () => {
    const err = await loadTemplateFromDir(namespaceDir, { knownActions: ['fetch:template', 'catalog:register'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).issues.map((i) => [i.code, i.pointer, i.line])).toEqual([
      ['UNKNOWN_ACTION', '/spec/steps/1/action', 67],
      ['UNKNOWN_ACTION', '/spec/steps/2/action', 78],
    ]);
  });
});

describe('template problems', () => {
  it('say file:line:col and pointer for schema errors', () => {
    const err = issuesOf(
      [
        'apiVersion: scaffolder.backstage.io/v1beta3',
        'kind: Template',
        'metadata:',
        '  name: x',
        'spec:',
        '  type: service',
        '  steps:',
        '    - id: a',
        '      name: A',
        '      input: {}',
        '',
      ].join('\n'),
    );
    expect(err.code).toBe('TEMPLATE_INVALID');
    expect(err.issues[0]).toMatchObject({ code: 'SCHEMA', file: 'bad.yaml', pointer: '/spec/steps/0', line: 8, column: 7 });
    expect(err.message).toMatch(/bad\.yaml:8:7 SCHEMA .*missing required property "action"/);
  });

  it('report duplicate step ids, bad expressions and bad parameter schemas', () => {
    const err = issuesOf(
      [
        'apiVersion: scaffolder.backstage.io/v1beta3',
        'kind: Template',
        'metadata: { name: x }',
        'spec:',
        '  type: service',
        '  parameters:',
        '    - properties: { a: { type: nope } }',
        '  steps:',
        '    - id: a',
        '      action: debug:log',
        '      input:',
        '        message: ${{ parameters.a | }}',
        '    - id: a',
        '      action: debug:log',
        '',
      ].join('\n'),
    );
    expect(err.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual(['DUPLICATE_STEP_ID@13:7', 'PARAMETER_SCHEMA@7:7', 'EXPRESSION@12:9']);
  });

  it('report YAML syntax errors with a position', () => {
    const err = issuesOf('apiVersion: x\nkind: [\n');
    expect(err.issues[0]).toMatchObject({ code: 'PARSE', file: 'bad.yaml' });
    expect(err.issues[0]!.line).toBeGreaterThan(1);
  });
});
