import { describe, it, expect } from 'vitest';
import { parseSource } from '../load/source-document.js';
import type { DefinitionIssue } from '../errors/definition-error.js';
import { validateDefinitionSchema, validateResourceSchema } from './schema-validate.js';

const HEAD = "id: x\nspecVersion: '0.8'\nstart: A\nstates:\n";

function check(text: string, file = 'wf.sw.yaml') {
  const parsed = parseSource(file, text);
  expect(parsed.issues).toEqual([]);
  return validateDefinitionSchema(parsed.value!);
}

/** `[code, pointer, line, message]` of each issue. */
function brief(issues: readonly DefinitionIssue[]): [string, string, number | undefined, string][] {
  return issues.map((i) => [i.code, i.pointer, i.line, i.message]);
}

describe('validateDefinitionSchema: broken definitions', () => {
  const cases: { name: string; text: string; expect: [string, string, number, string][] }[] = [
    {
      name: 'unknown state type lists the allowed types',
      text: `${HEAD}  - name: A\n    type: operaton\n    actions: []\n    end: true\n`,
      expect: [
        ['SCHEMA', '/states/0/type', 6, 'must be one of: sleep, event, operation, parallel, switch, inject, foreach, callback (not the string "operaton")'],
      ],
    },
    {
      name: 'missing state type',
      text: `${HEAD}  - name: A\n    actions: []\n    end: true\n`,
      expect: [
        ['SCHEMA', '/states/0', 5, "missing required property 'type' (one of: sleep, event, operation, parallel, switch, inject, foreach, callback)"],
      ],
    },
    {
      name: 'end and transition together',
      text: `${HEAD}  - name: A\n    type: operation\n    actions: []\n    end: true\n    transition: B\n`,
      expect: [['SCHEMA', '/states/0', 5, "must have only one of 'end' and 'transition'"]],
    },
    {
      name: 'neither end nor transition',
      text: `${HEAD}  - name: A\n    type: operation\n    actions: []\n`,
      expect: [['SCHEMA', '/states/0', 5, "must have 'end' or 'transition'"]],
    },
    {
      name: 'missing actions of an operation state',
      text: `${HEAD}  - name: A\n    type: operation\n    end: true\n`,
      expect: [['SCHEMA', '/states/0', 5, "missing required property 'actions'"]],
    },
    {
      name: 'misspelt property gets a suggestion at its own line',
      text: `${HEAD}  - name: A\n    type: operation\n    actions: []\n    end: true\n    transtion: B\n`,
      expect: [['SCHEMA', '/states/0/transtion', 9, "unknown property 'transtion' (did you mean 'transition'?)"]],
    },
    {
      name: 'end of the wrong type',
      text: `${HEAD}  - name: A\n    type: inject\n    data: {}\n    end: yes\n`,
      expect: [['SCHEMA', '/states/0/end', 8, 'must be a boolean or an object, not the string "yes"']],
    },
    {
      name: 'a non-boolean string for terminate',
      text: `${HEAD}  - name: A\n    type: inject\n    data: {}\n    end:\n      terminate: maybe\n`,
      expect: [['SCHEMA', '/states/0/end/terminate', 9, 'must be a boolean, not the string "maybe"']],
    },
    {
      name: 'bad enum and unknown property in an action',
      text: `${HEAD}  - name: A\n    type: operation\n    actions:\n      - functionRef:\n          refName: f\n          invoke: later\n        foo: 1\n    end: true\n`,
      expect: [
        ['SCHEMA', '/states/0/actions/0/functionRef/invoke', 10, 'must be one of: "sync", "async" (not the string "later")'],
        [
          'SCHEMA',
          '/states/0/actions/0/foo',
          11,
          "unknown property 'foo' (allowed: id, name, functionRef, eventRef, subFlowRef, sleep, retryRef, nonRetryableErrors, retryableErrors, actionDataFilter, condition)",
        ],
      ],
    },
    {
      name: 'action without a reference',
      text: `${HEAD}  - name: A\n    type: operation\n    actions:\n      - name: x\n    end: true\n`,
      expect: [['SCHEMA', '/states/0/actions/0', 8, "must have 'functionRef' or 'eventRef' or 'subFlowRef'"]],
    },
    {
      name: 'data condition without transition or end',
      text: `${HEAD}  - name: A\n    type: switch\n    dataConditions:\n      - condition: .a\n    defaultCondition:\n      transition: A\n`,
      expect: [['SCHEMA', '/states/0/dataConditions/0', 8, "must have 'transition' or 'end'"]],
    },
    {
      name: 'onErrors with errorRef and errorRefs',
      text: `${HEAD}  - name: A\n    type: inject\n    data: {}\n    end: true\n    onErrors:\n      - errorRef: e\n        errorRefs: [f]\n        end: true\n`,
      expect: [['SCHEMA', '/states/0/onErrors', 9, "unknown property 'onErrors' (allowed: id, name, type, end, data, timeouts, stateDataFilter, transition, compensatedBy, usedForCompensation, metadata)"]],
    },
    {
      name: 'onErrors entry with both errorRef and errorRefs',
      text: `${HEAD}  - name: A\n    type: operation\n    actions: []\n    end: true\n    onErrors:\n      - errorRef: e\n        errorRefs: [f]\n        end: true\n`,
      expect: [['SCHEMA', '/states/0/onErrors/0', 10, "must have only one of 'errorRef' and 'errorRefs'"]],
    },
    {
      name: 'neither id nor key',
      text: "specVersion: '0.8'\nstart: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n",
      expect: [['SCHEMA', '', 1, "must have 'id' or 'key'"]],
    },
    {
      name: 'function with an unknown type, and one without a name',
      text: "id: x\nspecVersion: '0.8'\nfunctions:\n  - name: f\n    operation: x\n    type: soap\n  - operation: y\nstart: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n",
      expect: [
        ['SCHEMA', '/functions/0/type', 6, 'must be one of: "rest", "asyncapi", "rpc", "graphql", "odata", "expression", "custom" (not the string "soap")'],
        ['SCHEMA', '/functions/1', 7, "missing required property 'name'"],
      ],
    },
    {
      name: 'empty states',
      text: "id: x\nspecVersion: '0.8'\nstart: A\nstates: []\n",
      expect: [['SCHEMA', '/states', 4, 'must not be an empty list']],
    },
    {
      name: 'a definition that is not an object',
      text: '- a\n- b\n',
      expect: [['SCHEMA', '', 1, 'must be an object, not an array']],
    },
    {
      name: 'sleep duration of the wrong type',
      text: `${HEAD}  - name: A\n    type: sleep\n    duration: 5\n    end: true\n`,
      expect: [['SCHEMA', '/states/0/duration', 7, 'must be a string, not the number 5']],
    },
    {
      name: 'foreach mode and batchSize out of range',
      text: `${HEAD}  - name: A\n    type: foreach\n    inputCollection: .x\n    mode: random\n    batchSize: -1\n    actions: []\n    end: true\n`,
      expect: [
        ['SCHEMA', '/states/0/mode', 8, 'must be one of: "sequential", "parallel" (not the string "random")'],
        ['SCHEMA', '/states/0/batchSize', 9, 'must be >= 0'],
      ],
    },
    {
      name: 'timeouts: missing duration and an unknown key',
      text: "id: x\nspecVersion: '0.8'\ntimeouts:\n  workflowExecTimeout: {}\n  foo: 1\nstart: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n",
      expect: [
        ['SCHEMA', '/timeouts/workflowExecTimeout', 4, "missing required property 'duration'"],
        ['SCHEMA', '/timeouts/foo', 5, "unknown property 'foo' (allowed: workflowExecTimeout, stateExecTimeout, actionExecTimeout, branchExecTimeout, eventTimeout)"],
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(brief(check(c.text).issues)).toEqual(c.expect);
    });
  }

  it('reports every problem at once, in text order', () => {
    const text = `id: x\nspecVersion: '0.8'\nstart: A\nfunctions:\n  - name: f\nstates:\n  - name: A\n    type: operation\n    actions:\n      - functionRef: 5\n  - name: B\n    type: nope\n`;
    expect(brief(check(text).issues)).toEqual([
      ['SCHEMA', '/functions/0', 5, "missing required property 'operation'"],
      ['SCHEMA', '/states/0', 7, "must have 'end' or 'transition'"],
      ['SCHEMA', '/states/0/actions/0/functionRef', 10, 'must be a string or an object, not the number 5'],
      ['SCHEMA', '/states/1/type', 12, 'must be one of: sleep, event, operation, parallel, switch, inject, foreach, callback (not the string "nope")'],
    ]);
  });

  it('gives JSON definitions positions too', () => {
    const text = '{\n  "id": "x",\n  "specVersion": "0.8",\n  "start": "A",\n  "states": [\n    {"name": "A", "type": "inject", "data": {}, "end": "no"}\n  ]\n}\n';
    expect(check(text, 'wf.sw.json').issues).toEqual([
      {
        severity: 'error',
        code: 'SCHEMA',
        message: 'must be a boolean or an object, not the string "no"',
        file: 'wf.sw.json',
        pointer: '/states/0/end',
        line: 6,
        column: 49,
      },
    ]);
  });
});

describe('validateDefinitionSchema: SonataFlow leniencies', () => {
  it('accepts object metadata values, and keeps them', () => {
    const text = `${HEAD}  - name: A\n    type: inject\n    data: {}\n    end: true\n    metadata:\n      spec: {a: [1]}\nmetadata:\n  n: 5\n`;
    const r = check(text);
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ metadata: { n: 5 }, states: [{ metadata: { spec: { a: [1] } } }] });
  });

  it('accepts "true"/"false" strings where a boolean is wanted, and returns them as booleans', () => {
    const text =
      "id: x\nspecVersion: '0.8'\nkeepActive: 'true'\nstart: A\nevents:\n  - name: e\n    type: t\n    source: s\n    dataOnly: 'false'\nstates:\n" +
      "  - name: A\n    type: operation\n    usedForCompensation: 'true'\n    actions:\n      - functionRef:\n          refName: f\n          arguments: {flag: 'true'}\n        actionDataFilter:\n          useResults: 'false'\n" +
      "  - name: B\n    type: inject\n    data: {x: 'true'}\n    end:\n      terminate: 'true'\n      compensate: 'false'\n" +
      "  - name: C\n    type: inject\n    data: {}\n    end: 'true'\n";
    const r = check(text);
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({
      keepActive: true,
      events: [{ dataOnly: false }],
      states: [
        { usedForCompensation: true, actions: [{ functionRef: { arguments: { flag: 'true' } }, actionDataFilter: { useResults: false } }] },
        { data: { x: 'true' }, end: { terminate: true, compensate: false } },
        { end: true },
      ],
    });
  });

  it('does not coerce other strings', () => {
    const r = check(`${HEAD}  - name: A\n    type: inject\n    data: {}\n    end:\n      terminate: 'TRUE'\n`);
    expect(brief(r.issues)).toEqual([['SCHEMA', '/states/0/end/terminate', 9, 'must be a boolean, not the string "TRUE"']]);
  });

  it('accepts a top-level extensions array', () => {
    const text = `${HEAD}  - name: A\n    type: inject\n    data: {}\n    end: true\nextensions:\n  - extensionid: workflow-output-schema\n    outputSchema: schemas/out.json\n  - extensionid: workflow-uri-definitions\n    definitions: {api: specs/api.yaml}\n`;
    expect(check(text).issues).toEqual([]);
  });

  it('warns about any specVersion other than the string 0.8', () => {
    const states = "start: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n";
    expect(brief(check(`id: x\nspecVersion: '1.0'\n${states}`).issues)).toEqual([
      ['SPEC_VERSION', '/specVersion', 2, `specVersion is "1.0", not '0.8'; the definition is read as 0.8`],
    ]);
    expect(brief(check(`id: x\nspecVersion: 0.8\n${states}`).issues)).toEqual([
      ['SPEC_VERSION', '/specVersion', 2, `specVersion is the number 0.8, not '0.8'; the definition is read as 0.8`],
    ]);
    expect(brief(check(`id: x\n${states}`).issues)).toEqual([
      ['SPEC_VERSION', '', 1, 'specVersion is missing; the definition is read as 0.8'],
    ]);
    expect(check(`id: x\nspecVersion: '1.0'\n${states}`).issues[0]!.severity).toBe('warning');
  });

  it('warns when start is missing (the first state starts)', () => {
    const r = check("id: x\nspecVersion: '0.8'\nstates:\n  - name: First\n    type: inject\n    data: {}\n    end: true\n");
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        code: 'START_DEFAULT',
        message: "no 'start': the workflow starts at the first state 'First' (the spec default; SonataFlow requires 'start')",
        file: 'wf.sw.yaml',
        pointer: '',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('accepts start: {stateName} without schedule, but still checks the object', () => {
    const states = 'states:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n';
    expect(check(`id: x\nspecVersion: '0.8'\nstart:\n  stateName: A\n${states}`).issues).toEqual([]);
    expect(brief(check(`id: x\nspecVersion: '0.8'\nstart:\n  stateName: A\n  foo: 1\n${states}`).issues)).toEqual([
      ['SCHEMA', '/start/foo', 5, "unknown property 'foo' (allowed: stateName, schedule)"],
    ]);
  });

  it('accepts dataInputSchema {schema} without failOnValidationErrors, and relative resource URIs', () => {
    const text = `id: x\nspecVersion: '0.8'\ndataInputSchema:\n  schema: schemas/in.json\nfunctions: specs/functions.yaml\nevents: ../events.json\nstart: A\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n`;
    expect(check(text).issues).toEqual([]);
  });
});

describe('validateResourceSchema', () => {
  function resource(text: string, file = 'functions.yaml') {
    return parseSource(file, text).value!;
  }

  it('checks a wrapped functions file and reports positions in it', () => {
    const r = validateResourceSchema(resource('functions:\n  - name: a\n    operation: x#y\n  - name: b\n'), 'functions');
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'SCHEMA',
        message: "missing required property 'operation'",
        file: 'functions.yaml',
        pointer: '/functions/1',
        line: 4,
        column: 5,
      },
    ]);
  });

  it('accepts a bare list and coerces boolean strings', () => {
    const r = validateResourceSchema(resource('- name: e\n  type: t\n  kind: produced\n  dataOnly: "false"\n', 'events.yaml'), 'events');
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual([{ name: 'e', type: 't', kind: 'produced', dataOnly: false }]);
  });

  it('rejects a file of the wrong shape', () => {
    const r = validateResourceSchema(resource('other: 1\n'), 'functions');
    expect(brief(r.issues)).toEqual([['SCHEMA', '', 1, "must be an object with a 'functions' list, or the list itself"]]);
  });

  it('accepts a bare timeouts object', () => {
    const r = validateResourceSchema(resource('workflowExecTimeout: PT1H\n', 'timeouts.yaml'), 'timeouts');
    expect(r.issues).toEqual([]);
  });
});
