// Unit tests of the normalizer on small inline definitions: defaults, coercions, resources, extensions.
import { describe, expect, it } from 'vitest';
import type { ForEachState, OperationState, ParallelState, WorkflowDef } from '../../model/definition.js';
import type { Json, JsonObject } from '../../model/json.js';
import type { DefinitionIssue } from '../../errors/definition-error.js';
import { docOf } from '../../../test/bad-definitions/load-fixture.js';
import type { SourceDocument } from '../document.js';
import { BUILTIN_INVOKERS, checkInvokers, invokerKey } from './functions.js';
import { normalize } from './normalize.js';
import { configKeyOf } from './openapi.js';

const PETS = {
  openapi: '3.0.3',
  paths: { '/pets/{id}': { get: { operationId: 'getPet' }, delete: { operationId: 'deletePet' } } },
};

function run(raw: JsonObject, files: Record<string, Json> = {}): { def?: WorkflowDef; issues: readonly DefinitionIssue[] } {
  const resources = { get: (uri: string): SourceDocument | undefined => (uri in files ? docOf(uri, files[uri]!) : undefined) };
  const r = normalize({ doc: docOf('wf.sw.yaml', raw), resources, now: () => 0 });
  return { def: r.value, issues: r.issues };
}

function ok(raw: JsonObject, files?: Record<string, Json>): WorkflowDef {
  const r = run(raw, files);
  expect(r.issues).toEqual([]);
  return r.def!;
}

const log = { name: 'log', type: 'custom', operation: 'sysout' };
const base = (states: Json[], extra: JsonObject = {}): JsonObject => ({ id: 'wf', specVersion: '0.8', functions: [log], states, ...extra });
const opState = (actions: Json[], extra: JsonObject = {}): JsonObject => ({ name: 'S', type: 'operation', actions, end: true, ...extra });

describe('normalize: header', () => {
  it('fills defaults and takes the first state when start is missing', () => {
    const def = ok({ key: 'k', specVersion: 0.8, states: [{ name: 'A', type: 'inject', data: {}, end: 'true' }] });
    expect(def).toMatchObject({ id: 'k', name: 'k', version: '1.0', specVersion: '0.8', start: 'A', keepActive: false });
    expect(def.states.get('A')!.end).toEqual({ terminate: false, compensate: false, produceEvents: [] });
    expect(def.constants).toEqual({});
  });

  it('reads constants, secrets and timeouts from resource files', () => {
    const def = ok(
      base([opState([{ functionRef: 'log' }])], { constants: 'c.json', secrets: 's.yaml', timeouts: 't.yaml' }),
      {
        'c.json': { limit: 3 },
        's.yaml': { secrets: ['token'] },
        't.yaml': { timeouts: { workflowExecTimeout: { duration: 'PT1H', runBefore: 'S' }, eventTimeout: '$CONST.limit' } },
      },
    );
    expect(def.constants).toEqual({ limit: 3 });
    expect(def.secretNames).toEqual(['token']);
    expect(def.timeouts.workflowExecTimeout).toEqual({ duration: { text: 'PT1H', ms: 3_600_000 }, interrupt: true, runBefore: 'S' });
    expect(def.timeouts.eventTimeout?.expr?.program.first(null, { variables: { CONST: { limit: 'PT5S' } } })).toBe('PT5S');
  });

  it('reads inline schemas and the workflow-output-schema extension', () => {
    const def = ok(
      base([opState([{ functionRef: 'log' }])], {
        dataInputSchema: { schema: { type: 'object' }, failOnValidationErrors: 'false' },
        extensions: [{ extensionid: 'workflow-output-schema', outputSchema: 'out.json' }],
      }),
      { 'out.json': { type: 'object', required: ['result'] } },
    );
    expect(def.dataInputSchema).toEqual({ uri: 'wf.sw.yaml#/dataInputSchema/schema', schema: { type: 'object' }, failOnValidationErrors: false });
    expect(def.outputSchema).toMatchObject({ uri: 'out.json', failOnValidationErrors: true });
  });
});

describe('normalize: functions', () => {
  it('derives invoker keys and config keys', () => {
    expect(invokerKey('custom', 'sysout:INFO')).toBe('custom:sysout');
    expect(invokerKey('custom', 'rest:post:/x')).toBe('custom:rest');
    expect(invokerKey('custom', 'service:java:a.B::c')).toBe('custom:service');
    expect(invokerKey('graphql', 'x#query#y')).toBe('graphql');
    expect(configKeyOf('specs/gitlab-openapi.yaml')).toBe('gitlab_openapi_yaml');
    expect(configKeyOf('https://h/x/api.v1.json?x=1')).toBe('api_v1_json');
  });

  it('resolves an operation through a workflow-uri-definitions alias', () => {
    const def = ok(
      {
        ...base([opState([{ functionRef: 'get' }])]),
        functions: [{ name: 'get', operation: 'pets#getPet' }],
        extensions: [{ extensionid: 'workflow-uri-definitions', definitions: { pets: 'https://example.com/pets.yaml' } }],
      },
      { 'https://example.com/pets.yaml': PETS },
    );
    expect(def.functions.get('get')!.openapi).toMatchObject({ uri: 'pets', configKey: 'pets', method: 'GET', path: '/pets/{id}' });
  });

  it('skips a missing spec silently (the loader reported it)', () => {
    const r = run({ ...base([opState([{ functionRef: 'get' }])]), functions: [{ name: 'get', operation: 'nope.yaml#x' }] });
    expect(r.issues).toEqual([]);
    expect(r.def!.functions.get('get')!.openapi).toBeUndefined();
  });

  it('resolves fn: references to expression functions', () => {
    const def = ok({
      ...base([opState([{ functionRef: 'log', condition: 'fn:isBig' }])]),
      functions: [log, { name: 'isBig', type: 'expression', operation: '.size > 10' }],
    });
    const action = (def.states.get('S') as OperationState).actions[0]!;
    expect(action.condition!.program.first({ size: 11 })).toBe(true);
  });

  it('lets hosts check invokers against their own registry', () => {
    const r = run({ ...base([opState([{ functionRef: 'svc' }])]), functions: [{ name: 'svc', type: 'custom', operation: 'service:java:a.B::c' }] });
    expect(r.issues.map((i) => i.code)).toEqual(['UNSUPPORTED_FUNCTION_TYPE']);
    const def = ok(base([opState([{ functionRef: 'log' }])]));
    expect(checkInvokers(def, new Set(['rest']))).toMatchObject([{ code: 'UNSUPPORTED_FUNCTION_TYPE', pointer: '/functions/0', file: 'wf.sw.yaml' }]);
    expect(checkInvokers(def, new Set(BUILTIN_INVOKERS))).toEqual([]);
  });
});

describe('normalize: catalog', () => {
  it('applies event and retry defaults and coercions', () => {
    const def = ok({
      ...base([opState([{ functionRef: 'log', retryRef: 'r' }])]),
      events: [{ name: 'e', type: 't', source: '/s', dataOnly: 'false', correlation: [{ contextAttributeName: 'id' }] }],
      retries: [
        { name: 'r', maxAttempts: '2', delay: 'PT1S', multiplier: '1.5', jitter: 'PT0.5S' },
        { name: 'none', maxAttempts: 0, jitter: 0.2 },
      ],
      errors: [{ name: 'nf', code: 404 }],
    });
    expect(def.events.get('e')).toMatchObject({ kind: 'consumed', dataOnly: false, correlation: [{ contextAttributeName: 'id' }] });
    expect(def.retries.get('r')).toEqual({ name: 'r', delayMs: 1000, maxAttempts: 3, incrementMs: 0, multiplier: 1.5, jitter: { ms: 500 } });
    expect(def.retries.get('none')).toMatchObject({ maxAttempts: 1, delayMs: 0, multiplier: 1, jitter: { fraction: 0.2 } });
    expect(def.errors.get('nf')).toEqual({ name: 'nf', code: '404' });
  });
});

describe('normalize: states and actions', () => {
  it('reads foreach defaults and compiles actions with the iteration variable', () => {
    const def = ok(
      base([
        {
          name: 'S',
          type: 'foreach',
          inputCollection: '${ .items }',
          outputCollection: '${ .results }',
          actions: [{ functionRef: { refName: 'log', arguments: { message: '$item.name' } } }],
          end: true,
        },
      ]),
    );
    const s = def.states.get('S') as ForEachState;
    expect(s).toMatchObject({ iterationParam: 'item', mode: 'parallel', outputCollection: { path: ['results'] } });
    const args = s.actions[0]!.functionRef!.arguments!;
    expect(args.kind === 'object' && args.entries[0]![1].kind).toBe('expr');
  });

  it('reads parallel numCompleted as a number or an expression', () => {
    const branches = [{ name: 'a', actions: [{ functionRef: 'log' }] }, { name: 'b', actions: [{ functionRef: 'log' }] }];
    const def = ok(base([{ name: 'S', type: 'parallel', completionType: 'atLeast', numCompleted: '.n', branches, end: true }]));
    const s = def.states.get('S') as ParallelState;
    expect(typeof s.numCompleted === 'object' && s.numCompleted.program.first({ n: 1 })).toBe(1);
    const def2 = ok(base([{ name: 'S', type: 'parallel', completionType: 'atLeast', numCompleted: '2', branches, end: true }]));
    expect((def2.states.get('S') as ParallelState).numCompleted).toBe(2);
  });

  it('reads subFlowRef, eventRef and transitions with produceEvents', () => {
    const def = ok({
      ...base([
        { name: 'A', type: 'operation', actions: [{ subFlowRef: 'child' }], transition: { nextState: 'B', produceEvents: [{ eventRef: 'out', data: '.x' }] } },
        { name: 'B', type: 'operation', actions: [{ eventRef: { triggerEventRef: 'out', resultEventRef: 'in', data: { a: '.a' } } }], end: true },
      ]),
      events: [{ name: 'out', type: 'o', kind: 'produced' }, { name: 'in', type: 'i', source: '/x' }],
    });
    const a = def.states.get('A') as OperationState;
    expect(a.actions[0]!.subFlowRef).toEqual({ workflowId: 'child', invoke: 'sync', onParentComplete: 'terminate' });
    expect(a.transition!.produceEvents[0]!.data!.kind).toBe('expr');
    const b = def.states.get('B') as OperationState;
    expect(b.actions[0]!.eventRef).toMatchObject({ triggerEventRef: 'out', resultEventRef: 'in', invoke: 'sync' });
  });

  it('reports a compile error with jq message and position', () => {
    const r = run(base([opState([{ functionRef: 'log', condition: '.a and\n  (.b' }])]));
    expect(r.def).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'JQ_COMPILE', pointer: '/states/0/actions/0/condition', file: 'wf.sw.yaml' });
    expect(r.issues[0]!.message).toMatch(/syntax error.*line 2, column \d+ of the expression/);
  });

  it('never throws on odd shapes', () => {
    for (const raw of [{}, { id: 'x', states: 'nope' }, { id: 'x', states: [null, 3, { name: 'A' }], functions: [1] }] as JsonObject[]) {
      expect(() => run(raw)).not.toThrow();
    }
    expect(run([] as unknown as JsonObject).issues[0]!.code).toBe('MALFORMED');
  });

  it('puts errors before warnings and gives the value only without errors', () => {
    const warnOnly = run(base([opState([{ functionRef: 'log' }]), { name: 'X', type: 'inject', data: {}, end: true }]));
    expect(warnOnly.def).toBeDefined();
    expect(warnOnly.issues.map((i) => i.code)).toEqual(['UNREACHABLE_STATE']);
    const both = run(base([opState([{ functionRef: 'nope' }]), { name: 'X', type: 'inject', data: {}, end: true }]));
    expect(both.issues.map((i) => i.severity)).toEqual(['error', 'warning']);
  });
});
