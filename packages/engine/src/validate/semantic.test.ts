// Valid definitions the semantic checks must accept (no false positives), and the name suggester.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import { docOf } from '../../test/bad-definitions/load-fixture.js';
import { normalize } from '../load/normalize/normalize.js';
import { closeMatches, didYouMean } from './semantic-suggest.js';

function issuesOf(raw: JsonObject): string[] {
  const r = normalize({ doc: docOf('wf.sw.yaml', raw), resources: { get: () => undefined }, now: () => 0 });
  return r.issues.map((i) => `${i.severity} ${i.code} ${i.pointer}`);
}

const inject = (name: string, rest: JsonObject): JsonObject => ({ name, type: 'inject', data: {}, ...rest });

describe('checkSemantics accepts', () => {
  it('a compensation chain reached only through compensatedBy', () => {
    expect(
      issuesOf({
        id: 'c',
        start: 'Book',
        states: [
          inject('Book', { compensatedBy: 'Undo', transition: 'Fail' }),
          inject('Fail', { end: { compensate: true } }),
          inject('Undo', { usedForCompensation: true, transition: 'Notify' }),
          inject('Notify', { usedForCompensation: true }),
        ],
      }),
    ).toEqual([]);
  });

  it('a keepActive loop without an end', () => {
    expect(issuesOf({ id: 'k', keepActive: true, states: [{ name: 'P', type: 'sleep', duration: 'PT1S', transition: 'P' }] })).toEqual([]);
  });

  it('states reached only from onErrors or runBefore, and an end only in an error handler', () => {
    expect(
      issuesOf({
        id: 'e',
        start: 'A',
        errors: [{ name: 'boom', code: '500' }],
        timeouts: { workflowExecTimeout: { duration: 'PT1H', runBefore: 'Cleanup' } },
        states: [
          inject('A', { onErrors: [{ errorRef: 'boom', transition: 'Handle' }], transition: 'A' }),
          inject('Handle', { onErrors: [{ errorRefs: ['boom'], end: true }], transition: 'A' }),
          inject('Cleanup', { end: true }),
        ],
      }),
    ).toEqual([]);
  });

  it('an event-based switch with consumed events and a default', () => {
    expect(
      issuesOf({
        id: 's',
        events: [{ name: 'yes', type: 'y', source: '/a' }],
        states: [
          { name: 'W', type: 'switch', eventConditions: [{ eventRef: 'yes', end: true }], defaultCondition: { end: true }, timeouts: { eventTimeout: 'PT1M' } },
        ],
      }),
    ).toEqual([]);
  });
});

describe('closeMatches', () => {
  it('suggests by case, edit distance and containment', () => {
    expect(closeMatches('createissue', ['CreateIssue', 'PollIssue'])).toEqual(['CreateIssue']);
    expect(closeMatches('postApiV4ProjectsIdIssue', ['postApiV4ProjectsIdIssues', 'getApiV4Projects'])).toEqual(['postApiV4ProjectsIdIssues']);
    expect(closeMatches('Issue', ['CreateIssue', 'Launch'])).toEqual(['CreateIssue']);
    expect(closeMatches('zzz', ['CreateIssue'])).toEqual([]);
    expect(didYouMean('Finsh', ['Finish', 'Finis'])).toBe(' (did you mean "Finish" or "Finis"?)');
  });
});
