// Normalizes every spec 0.8 example: none may throw, and exactly the examples listed as broken
// (the published text is incomplete or wrong) produce errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docOf, folderResources } from '../../../test/bad-definitions/load-fixture.js';
import type { ResourceSet } from '../document.js';
import type { Json } from '../../model/json.js';
import { normalize } from './normalize.js';

const DIR = fileURLToPath(new URL('../../../test/spec-examples/', import.meta.url));

/** Resource URIs the examples use, mapped to the file each was saved as. */
const SAVED_AS: Record<string, string> = {
  'functiondefs.json': 'reusing-function-and-event-definitions--functiondefs.json',
  'eventdefs.yml': 'reusing-function-and-event-definitions--eventdefs.yaml',
  'file://orderfunctions.yml': 'online-food-ordering--workflow-function-definition.yaml',
  'file://orderevents.yml': 'online-food-ordering--workflow-event-definition.yaml',
};

/** Fragments that are resource files, not workflows. */
const NOT_WORKFLOWS = new Set(Object.values(SAVED_AS));

/** Published examples that fail to load, and why (the error codes each one gets). */
const BROKEN: Record<string, string> = {
  'book-lending.json': 'no functions/events defined; PT2W puts weeks after T (DURATION, UNKNOWN_*)',
  'book-lending.yaml': 'same as the JSON',
  'car-vitals-checks-2.json': 'functionRef names differ from the defined names; event not defined',
  'car-vitals-checks-2.yaml': 'same as the JSON',
  'new-patient-onboarding.json': 'function and event not defined in the snippet',
  'online-food-ordering--deliver-order-sub-workflow.yaml': 'functions and events are defined in the main workflow only',
  'online-food-ordering--place-order-sub-workflow.yaml': 'functions and events are defined in the main workflow only',
  'perform-customer-credit-check-example.json': 'callCreditCheckMicroservice is not defined',
  'perform-customer-credit-check-example.yaml': 'same as the JSON',
  'process-transactions.json': 'asyncapi functions; a misspelt function name; iterationParam written as an expression',
  'process-transactions.yaml': 'same as the JSON',
  'purchase-order-deadline.json': 'PT30D puts days after T (DURATION)',
  'purchase-order-deadline.yaml': 'same as the JSON',
};

/** Published YAML that does not parse (the loader reports it before normalizing). */
const UNPARSEABLE = new Set(['continuing-as-a-new-execution.yaml']);

function resources(): ResourceSet {
  const folder = folderResources(DIR);
  return { get: (uri) => folder.get(SAVED_AS[uri] ?? uri) };
}

const files = readdirSync(DIR)
  .filter((f) => /\.(json|yaml)$/.test(f) && !NOT_WORKFLOWS.has(f))
  .sort();

describe('spec 0.8 examples', () => {
  for (const file of files) {
    it(file, () => {
      let value: Json;
      try {
        value = parse(readFileSync(join(DIR, file), 'utf8')) as Json;
      } catch {
        expect(UNPARSEABLE.has(file)).toBe(true);
        return;
      }
      const result = normalize({ doc: docOf(file, value), resources: resources(), now: () => 0 });
      const errors = result.issues.filter((i) => i.severity === 'error');
      if (file in BROKEN) expect(errors.length).toBeGreaterThan(0);
      else expect(errors).toEqual([]);
    });
  }
});
