import { describe, it, expect } from 'vitest';
import type { DefinitionIssue } from '../errors/definition-error.js';
import type { WorkflowDef } from '../model/definition.js';
import type { ResourceReader } from '../ports/resources.js';
import type { LoadResult, NormalizeInput } from './document.js';
import { loadDefinition, sortIssues } from './load-definition.js';

const VALID = "id: x\nspecVersion: '0.8'\nstart: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n";
const NO_FILES: ResourceReader = { read: async () => undefined };
const FAKE_DEF = { id: 'x' } as unknown as WorkflowDef;

/** A normalizer stand-in that records its input and returns what it is told to. */
function stubNormalize(result: LoadResult<WorkflowDef> = { value: FAKE_DEF, issues: [] }) {
  const calls: NormalizeInput[] = [];
  const normalize = (input: NormalizeInput): LoadResult<WorkflowDef> => {
    calls.push(input);
    return result;
  };
  return { calls, normalize };
}

function issue(file: string, line: number | undefined, column: number | undefined, code = 'X'): DefinitionIssue {
  return { severity: 'error', code, message: code, file, pointer: '', ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
}

describe('loadDefinition', () => {
  it('normalizes a valid definition and returns its value', async () => {
    const { calls, normalize } = stubNormalize();
    const now = () => 42;
    const r = await loadDefinition({ file: 'wf/x.sw.yaml', text: VALID, reader: NO_FILES, now, normalize });
    expect(r).toEqual({ value: FAKE_DEF, issues: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.doc.file).toBe('wf/x.sw.yaml');
    expect(calls[0]!.doc.value).toMatchObject({ id: 'x' });
    expect(calls[0]!.doc.locate('/states/0/name')).toEqual({ line: 5, column: 5 });
    expect(calls[0]!.now).toBe(now);
  });

  it('defaults now to the evaluation clock', async () => {
    const { calls, normalize } = stubNormalize();
    await loadDefinition({ file: 'x.sw.yaml', text: VALID, reader: NO_FILES, normalize });
    expect(calls[0]!.now()).toBe(0);
  });

  it('hands the normalizer booleans for "true" strings, and the resources it read', async () => {
    const { calls, normalize } = stubNormalize();
    const text = VALID.replace('end: true', "end:\n      terminate: 'true'") + 'dataInputSchema: in.json\n';
    const reader: ResourceReader = { read: async (p) => (p === 'wf/in.json' ? '{"type": "object"}' : undefined) };
    await loadDefinition({ file: 'wf/x.sw.yaml', text, reader, normalize });
    expect(calls[0]!.doc.value).toMatchObject({ states: [{ end: { terminate: true } }] });
    expect(calls[0]!.resources.get('in.json')?.value).toEqual({ type: 'object' });
  });

  it('stops after a parse error', async () => {
    const { calls, normalize } = stubNormalize();
    const r = await loadDefinition({ file: 'x.sw.yaml', text: 'a: [1,\n', reader: NO_FILES, normalize });
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['PARSE']);
    expect(calls).toHaveLength(0);
  });

  it('reports schema errors and missing resources together, without normalizing', async () => {
    const { calls, normalize } = stubNormalize();
    const text = VALID.replace('type: inject', 'type: injct') + 'dataInputSchema: in.json\n';
    const r = await loadDefinition({ file: 'x.sw.yaml', text, reader: NO_FILES, normalize });
    expect(calls).toHaveLength(0);
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['SCHEMA', 6],
      ['RESOURCE_NOT_FOUND', 9],
    ]);
  });

  it('still normalizes when only resources are missing, but returns no value', async () => {
    const { calls, normalize } = stubNormalize();
    const r = await loadDefinition({ file: 'x.sw.yaml', text: `${VALID}dataInputSchema: in.json\n`, reader: NO_FILES, normalize });
    expect(calls).toHaveLength(1);
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['RESOURCE_NOT_FOUND']);
  });

  it('keeps warnings with a value', async () => {
    const { normalize } = stubNormalize({ value: FAKE_DEF, issues: [{ ...issue('x.sw.yaml', 3, 1, 'NORM_WARN'), severity: 'warning' }] });
    const r = await loadDefinition({ file: 'x.sw.yaml', text: VALID.replace("specVersion: '0.8'", "specVersion: '1.0'"), reader: NO_FILES, normalize });
    expect(r.value).toBe(FAKE_DEF);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'SPEC_VERSION'],
      ['warning', 'NORM_WARN'],
    ]);
  });

  it('drops the value when the normalizer reports an error, and merges its issues in order', async () => {
    const { normalize } = stubNormalize({ value: FAKE_DEF, issues: [issue('x.sw.yaml', 5, 5, 'UNKNOWN_STATE')] });
    const r = await loadDefinition({ file: 'x.sw.yaml', text: VALID.replace('start: A\n', ''), reader: NO_FILES, normalize });
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['START_DEFAULT', 1],
      ['UNKNOWN_STATE', 5],
    ]);
  });
});

describe('sortIssues', () => {
  it('orders by file, line and column, unpositioned first, and drops exact duplicates', () => {
    const sorted = sortIssues([
      issue('b.yaml', 1, 1, 'B1'),
      issue('a.yaml', 10, 2, 'A10'),
      issue('a.yaml', 2, 7, 'A2b'),
      issue('a.yaml', undefined, undefined, 'A0'),
      issue('a.yaml', 2, 3, 'A2a'),
      issue('a.yaml', 2, 3, 'A2a'),
      issue('a.yaml', 2, 3, 'A2c'),
    ]);
    expect(sorted.map((i) => i.code)).toEqual(['A0', 'A2a', 'A2c', 'A2b', 'A10', 'B1']);
  });
});
