// How a run is shown: nodes and error from its history (retrigger cases included), the execution
// summary, the humanized duration, and the credential headers of execute.
import { describe, expect, it } from 'vitest';
import type { InstanceState, StoredHistoryEntry } from '@sluice/engine';
import { credentialHeaders, forwardedAuthorizationHeaders } from '../../src/orchestrator/credential-headers.js';
import { executionSummary } from '../../src/orchestrator/execution-summary.js';
import { humanizeDuration } from '../../src/orchestrator/humanize-duration.js';
import { instanceError, nodeInstances } from '../../src/orchestrator/node-instances.js';

const T = Date.parse('2025-05-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function history(entries: Omit<StoredHistoryEntry, 'seq'>[]): StoredHistoryEntry[] {
  return entries.map((e, i) => ({ ...e, seq: i + 1 }));
}

function state(over: Partial<InstanceState>): InstanceState {
  return { v: 1, id: 'i1', workflowId: 'wf', workflowVersion: '1', status: 'completed', input: {}, startedAt: T, seq: 0, threads: {}, calls: {}, timers: {}, inbox: [], correlation: {}, children: [], ...over };
}

describe('nodes', () => {
  it('one node per state entry, closed by its exit, ids from the history position', () => {
    const h = history([
      { at: T, type: 'instance.started' },
      { at: T, type: 'state.entered', state: 'A', thread: 'main' },
      { at: T + 5, type: 'state.exited', state: 'A', thread: 'main' },
      { at: T + 5, type: 'state.entered', state: 'B', thread: 'main' },
      { at: T + 9, type: 'state.exited', state: 'B', thread: 'main' },
      { at: T + 9, type: 'state.entered', state: 'A', thread: 'main' },
      { at: T + 12, type: 'state.exited', state: 'A', thread: 'main' },
      { at: T + 12, type: 'instance.completed' },
    ]);
    const nodes = nodeInstances(h, state({}), undefined);
    expect(nodes.map((n) => [n.id, n.name, n.enter, n.exit])).toEqual([
      ['i1-2', 'A', iso(T), iso(T + 5)],
      ['i1-4', 'B', iso(T + 5), iso(T + 9)],
      ['i1-6', 'A', iso(T + 9), iso(T + 12)],
    ]);
    expect(nodes.every((n) => n.type === 'unknown' && n.definitionId === n.name && n.errorMessage === undefined)).toBe(true);
    expect(instanceError(nodes, state({}))).toBeUndefined();
  });

  it('marks the open node of a failed run and gives the error', () => {
    const failed = state({ status: 'faulted', lastState: 'B', error: { code: '500', name: 'HttpError', message: 'POST /x: 500', state: 'B' } });
    const h = history([
      { at: T, type: 'state.entered', state: 'A', thread: 'main' },
      { at: T + 1, type: 'state.exited', state: 'A', thread: 'main' },
      { at: T + 1, type: 'state.entered', state: 'B', thread: 'main' },
      { at: T + 2, type: 'instance.faulted', data: { code: '500', name: 'HttpError', message: 'POST /x: 500', state: 'B' } },
    ]);
    const nodes = nodeInstances(h, failed, undefined);
    expect(nodes[1]).toMatchObject({ name: 'B', errorMessage: 'POST /x: 500' });
    expect(nodes[1]!.exit).toBeUndefined();
    expect(nodes[0]!.errorMessage).toBeUndefined();
    expect(instanceError(nodes, failed)).toEqual({ __typename: 'ProcessInstanceError', nodeDefinitionId: 'B', nodeInstanceId: nodes[1]!.id, message: 'POST /x: 500' });
  });

  it('closes a node left by a retrigger that entered its state again, with the old failure', () => {
    const h = history([
      { at: T, type: 'state.entered', state: 'B', thread: 'main' },
      { at: T + 2, type: 'instance.faulted', data: { message: 'first' } },
      { at: T + 10, type: 'instance.retriggered', state: 'B', data: { attempt: 1, error: { message: 'first' } } },
      { at: T + 10, type: 'state.entered', state: 'B', thread: 'main' },
      { at: T + 11, type: 'state.exited', state: 'B', thread: 'main' },
    ]);
    const nodes = nodeInstances(h, state({}), undefined);
    expect(nodes.map((n) => [n.enter, n.exit, n.errorMessage])).toEqual([
      [iso(T), iso(T + 10), 'first'],
      [iso(T + 10), iso(T + 11), undefined],
    ]);
  });

  it('keeps one node when a retrigger resumed the failed action in place', () => {
    const h = history([
      { at: T, type: 'state.entered', state: 'B', thread: 'main' },
      { at: T + 2, type: 'instance.faulted', data: { message: 'first' } },
      { at: T + 10, type: 'instance.retriggered', state: 'B', data: { attempt: 1, error: { message: 'first' } } },
      { at: T + 10, type: 'action.called', state: 'B', thread: 'main' },
      { at: T + 11, type: 'state.exited', state: 'B', thread: 'main' },
    ]);
    const nodes = nodeInstances(h, state({}), undefined);
    expect(nodes.map((n) => [n.enter, n.exit, n.errorMessage])).toEqual([[iso(T), iso(T + 11), undefined]]);
  });
});

describe('execution summary', () => {
  it('words lifecycle events with their times, and where a waiting run waits', () => {
    const h = history([
      { at: T, type: 'instance.started' },
      { at: T, type: 'state.entered', state: 'Call', thread: 'main' },
      { at: T + 1000, type: 'instance.faulted', data: { message: 'x', state: 'Call' } },
      { at: T + 2000, type: 'instance.retriggered', state: 'Call' },
      { at: T + 3000, type: 'state.entered', state: 'Wait', thread: 'main' },
    ]);
    expect(executionSummary(h, state({ status: 'waiting' }))).toEqual([
      `Workflow started at ${iso(T)}`,
      `Workflow failed at ${iso(T + 1000)} in node Call`,
      `Workflow retriggered at ${iso(T + 2000)} from node Call`,
      `Workflow waiting at node Wait since ${iso(T + 3000)}`,
    ]);
    expect(executionSummary(history([{ at: T, type: 'instance.cancelled' }]), state({ status: 'cancelled' }))).toEqual([`Workflow aborted at ${iso(T)}`]);
  });
});

describe('humanized duration', () => {
  it('follows the usual thresholds', () => {
    const s = 1000;
    const m = 60 * s;
    const h = 60 * m;
    const d = 24 * h;
    const cases: [number, string][] = [
      [0, 'a few seconds'],
      [44 * s, 'a few seconds'],
      [45 * s, 'a minute'],
      [89 * s, 'a minute'],
      [3 * m, '3 minutes'],
      [44 * m, '44 minutes'],
      [45 * m, 'an hour'],
      [5 * h, '5 hours'],
      [22 * h, 'a day'],
      [3 * d, '3 days'],
      [26 * d, 'a month'],
      [100 * d, '3 months'],
      [320 * d, 'a year'],
      [800 * d, '2 years'],
      [-3 * m, '3 minutes'],
    ];
    for (const [ms, text] of cases) expect([ms, humanizeDuration(ms)]).toEqual([ms, text]);
  });
});

describe('credential headers', () => {
  const user = { type: 'user', userEntityRef: 'user:default/dev1', ownershipEntityRefs: [], isAdmin: false } as const;
  const service = { type: 'service', subject: 'ci' } as const;

  it('capitalizes the provider, adds the user’s own token, never a service token', () => {
    const tokens = [{ provider: 'github', token: 'g' }, { provider: 'github-two', token: 'g2' }, { provider: 'gitlab', token: '' }];
    expect(credentialHeaders(user, 'Bearer u-token', tokens)).toEqual({ 'X-Authorization-Github': 'g', 'X-Authorization-Github-two': 'g2', 'X-Authorization-Backstage': 'u-token' });
    expect(credentialHeaders(service, 'Bearer static-token', tokens)).toEqual({ 'X-Authorization-Github': 'g', 'X-Authorization-Github-two': 'g2' });
  });

  it('takes X-Authorization-* request headers as credentials', () => {
    expect(forwardedAuthorizationHeaders({ 'x-authorization-github': 'g', authorization: 'Bearer s', 'x-other': 'o', 'x-authorization-': 'e' })).toEqual({ 'X-Authorization-Github': 'g' });
  });
});
