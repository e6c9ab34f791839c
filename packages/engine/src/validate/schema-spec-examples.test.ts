// Every published spec 0.8 example and the seed workflow against the 0.8 schema (with SonataFlow's
// leniencies): all pass except the one the spec repository itself gets wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseSource } from '../load/source-document.js';
import { validateDefinitionSchema, validateResourceSchema } from './schema-validate.js';

const EXAMPLES = new URL('../../test/spec-examples/', import.meta.url);
const SEED = new URL('../../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url);

/** Files that are resource fragments, not workflows (checked as resources below). */
const RESOURCES: Record<string, 'functions' | 'events'> = {
  'online-food-ordering--workflow-event-definition.yaml': 'events',
  'online-food-ordering--workflow-function-definition.yaml': 'functions',
  'reusing-function-and-event-definitions--eventdefs.yaml': 'events',
  'reusing-function-and-event-definitions--functiondefs.json': 'functions',
};

/** Examples without `start` (the spec default applies): a START_DEFAULT warning each. */
const NO_START = new Set([
  'process-transactions.json',
  'process-transactions.yaml',
  'reusing-function-and-event-definitions.json',
  'reusing-function-and-event-definitions.yaml',
]);

function load(file: string, url: URL = new URL(file, EXAMPLES)) {
  const parsed = parseSource(file, readFileSync(url, 'utf8'));
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return parsed.value!;
}

const files = readdirSync(EXAMPLES)
  .filter((f) => /\.(json|yaml)$/.test(f))
  .sort();

describe('spec 0.8 examples against the schema', () => {
  it('finds all the examples', () => {
    expect(files.length).toBe(61);
  });

  for (const file of files.filter((f) => !(f in RESOURCES) && f !== 'event-based-transitions-example.json')) {
    it(`${file} is valid`, () => {
      const { issues } = validateDefinitionSchema(load(file));
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(issues.map((i) => i.code)).toEqual(NO_START.has(file) ? ['START_DEFAULT'] : []);
    });
  }

  for (const [file, kind] of Object.entries(RESOURCES)) {
    it(`${file} is a valid ${kind} file`, () => {
      expect(validateResourceSchema(load(file), kind).issues).toEqual([]);
    });
  }

  it('event-based-transitions-example.json uses 0.7 syntax (eventTimeout on the state)', () => {
    const file = 'event-based-transitions-example.json';
    const { issues } = validateDefinitionSchema(load(file));
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'SCHEMA',
        message:
          "unknown property 'eventTimeout' (allowed: id, name, type, stateDataFilter, timeouts, eventConditions, onErrors, defaultCondition, compensatedBy, usedForCompensation, metadata)",
        file,
        pointer: '/states/0/eventTimeout',
        line: 34,
        column: 6,
      },
    ]);
  });
});

describe('seed workflow against the schema', () => {
  it('validates with no issues', () => {
    const doc = load('create-ocp-namespace-swt.sw.yaml', SEED);
    const { issues, value } = validateDefinitionSchema(doc);
    expect(issues).toEqual([]);
    expect(value).toBe(doc.value);
  });
});
