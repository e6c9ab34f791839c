// @vitest-environment jsdom
/**
 * The run timeline: the model (components/run/timeline-model.ts) groups a call retried twice and
 * then failing into one action with three attempts, their durations and retry delays, and the
 * component shows the failing action with its error; the failure summary names state, action and
 * message. Histories come from real runs on the engine.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FailureSummary } from '../src/components/run/FailureSummary';
import { Timeline } from '../src/components/run/Timeline';
import { attemptDuration, buildTimeline, itemDuration, type TimelineAction, type TimelineState } from '../src/components/run/timeline-model';
import type { ProcessInstanceDTO } from '../src/api/types';
import { CALL_MS, runOnEngine, type Answer } from './engine-runs';

const FLAKY = {
  id: 'flaky-namespace',
  name: 'Flaky namespace',
  specVersion: '0.8',
  start: 'Prepare',
  retries: [{ name: 'twice', delay: 'PT2S', multiplier: 2, maxAttempts: 2 }],
  functions: [{ name: 'createNamespace', type: 'custom', operation: 'rest:post:/namespaces' }],
  states: [
    { name: 'Prepare', type: 'inject', data: { prepared: true }, transition: 'Create' },
    { name: 'Create', type: 'operation', actions: [{ name: 'createNs', functionRef: { refName: 'createNamespace', arguments: { name: '.name' } }, retryRef: 'twice' }], end: true },
  ],
};

const down: Answer = { fail: '503', message: 'namespace service unavailable' };

async function failingRun() {
  const run = await runOnEngine({ definition: FLAKY, input: { name: 'team-a' }, answers: { createNamespace: [down, down, down] } });
  expect(run.status).toBe('ERROR');
  return run;
}

afterEach(cleanup);

describe('buildTimeline', () => {
  it('groups a call retried twice that then fails into one action with three attempts', async () => {
    const run = await failingRun();
    const items = buildTimeline(run.history);
    const actions = items.filter((i): i is TimelineAction => i.kind === 'action');
    expect(actions).toHaveLength(1);
    const [a] = actions as [TimelineAction];
    expect(a).toMatchObject({ name: 'createNs', target: 'createNamespace', state: 'Create', outcome: 'failed', error: { code: '503', message: 'namespace service unavailable' } });
    expect(a.attempts.map((t) => [t.attempt, t.outcome, t.code, t.retryDelayMs])).toEqual([
      [1, 'failed', '503', 2000],
      [2, 'failed', '503', 4000],
      [3, 'failed', '503', undefined],
    ]);
    // Every failed attempt says why (retries carry the message too).
    expect(a.attempts.map((t) => t.message)).toEqual(['namespace service unavailable', 'namespace service unavailable', 'namespace service unavailable']);
    // Each call takes CALL_MS; the action spans the calls and the two waits between them.
    expect(a.attempts.map((t) => attemptDuration(t))).toEqual([CALL_MS, CALL_MS, CALL_MS]);
    expect(itemDuration(a)).toBe(3 * CALL_MS + 2000 + 4000);

    const states = items.filter((i): i is TimelineState => i.kind === 'state');
    expect(states.map((s) => [s.name, s.outcome])).toEqual([
      ['Prepare', 'done'],
      ['Create', 'failed'],
    ]);
    expect(states[1]!.error?.message).toBe('namespace service unavailable');
    expect(items.filter((i) => i.kind === 'run').map((i) => i.kind === 'run' && i.event)).toEqual(['started', 'failed']);
  });

  it('after a retrigger the failed action and the new successful call are separate rows, and the state ends done', async () => {
    const run = await runOnEngine({
      definition: FLAKY,
      input: { name: 'team-a' },
      answers: { createNamespace: [down, down, down] },
      then: async (rt, id) => rt.retrigger(id),
    });
    expect(run.status).toBe('COMPLETED');
    const items = buildTimeline(run.history);
    const actions = items.filter((i): i is TimelineAction => i.kind === 'action');
    expect(actions.map((a) => [a.name, a.outcome, a.attempts.length])).toEqual([
      ['createNs', 'failed', 3],
      ['createNs', 'completed', 1],
    ]);
    expect(items.map((i) => (i.kind === 'run' ? i.event : i.kind))).toEqual(['started', 'state', 'state', 'action', 'failed', 'retriggered', 'action', 'completed']);
    expect(items.filter((i): i is TimelineState => i.kind === 'state').map((s) => [s.name, s.outcome])).toEqual([
      ['Prepare', 'done'],
      ['Create', 'done'],
    ]);
  });
});

describe('<Timeline> and <FailureSummary>', () => {
  it('shows the failing action, its attempts and its error message', async () => {
    const run = await failingRun();
    render(<Timeline entries={run.history} />);
    const list = screen.getByRole('list', { name: 'Run timeline' });
    const row = within(list)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-kind') === 'action')!;
    expect(row).toBeDefined();
    expect(row.textContent).toContain('createNs');
    expect(row.textContent).toContain('Failed after 3 attempts');
    expect(within(row).getByText(/Error 503: namespace service unavailable/)).toBeTruthy();
    const attempts = within(row).getByRole('list', { name: 'Attempts of createNs' });
    expect(within(attempts).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Attempt 1 · failed (503) after 150 ms: namespace service unavailable · retried after 2.0 s',
      'Attempt 2 · failed (503) after 150 ms: namespace service unavailable · retried after 4.0 s',
      'Attempt 3 · failed (503) after 150 ms: namespace service unavailable',
    ]);
    expect(screen.getByText(/Run failed in state «Create»/)).toBeTruthy();
  });

  it('says in plain words where the run failed, while calling what, and why', async () => {
    const run = await failingRun();
    const dto = { id: 'run-1', processId: FLAKY.id, state: 'ERROR', nodes: run.nodes, error: { __typename: 'ProcessInstanceError', ...run.error! } } as ProcessInstanceDTO;
    render(<FailureSummary run={dto} history={run.history} />);
    expect(screen.getByTestId('failure-sentence').textContent).toBe('The run failed in state «Create» while calling «createNs» (createNamespace): namespace service unavailable');
    expect(screen.getByText('The action was tried 3 times.')).toBeTruthy();
  });
});
