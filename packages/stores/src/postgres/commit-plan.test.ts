// The commit planner: lease columns, wake times and batch rows follow the memory store's rules.
import { SEMANTICS_VERSION, triggers, type InstanceState } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { enqueueRows, planCommit, stepRowsParams } from './commit-plan.js';

const T = 1_000_000;

function state(id: string, over: Partial<InstanceState> = {}): InstanceState {
  return {
    v: SEMANTICS_VERSION,
    id,
    workflowId: 'wf',
    workflowVersion: '1',
    status: 'running',
    input: {},
    startedAt: T,
    seq: 0,
    threads: {},
    calls: {},
    timers: {},
    inbox: [],
    correlation: {},
    children: [],
    ...over,
  };
}

describe('planCommit', () => {
  it('releases the lease and wakes at the earliest timer', () => {
    const p = planCommit({
      state: state('a', { timers: { t2: { dueAt: T + 50, thread: 'main', purpose: 'sleep' }, t1: { dueAt: T + 20, thread: 'main', purpose: 'retry' } } }),
      history: [],
      opts: { worker: 'w', now: T },
    });
    expect(p.stateRow).toMatchObject({ locked_by: null, locked_until: null, wake_at: T + 20, worker: 'w', updated_at: T });
    expect(p.dueNow).toBe(false);
    expect(p.timers).toEqual([
      { instance_id: 'a', timer_id: 't2', due_at: T + 50, purpose: 'sleep' },
      { instance_id: 'a', timer_id: 't1', due_at: T + 20, purpose: 'retry' },
    ]);
  });

  it('keeps the lease while calls are in flight and wakes at its end', () => {
    const p = planCommit({ state: state('a'), history: [], opts: { worker: 'w', now: T, keepLeaseMs: 30 } });
    expect(p.stateRow).toMatchObject({ locked_by: 'w', locked_until: T + 30, wake_at: T + 30 });
  });

  it('never keeps the lease of a finished instance, which never wakes', () => {
    const p = planCommit({ state: state('a', { status: 'completed', endedAt: T }), history: [], opts: { worker: 'w', now: T, keepLeaseMs: 30 } });
    expect(p.stateRow).toMatchObject({ locked_by: null, locked_until: null, wake_at: null, ended_at: T, status: 'completed' });
  });

  it('is due now when a timer is already due', () => {
    const p = planCommit({ state: state('a', { timers: { t: { dueAt: T - 1, thread: 'main', purpose: 'sleep' } } }), history: [], opts: { worker: 'w', now: T } });
    expect(p.dueNow).toBe(true);
  });

  it('copies the summary columns from the state', () => {
    const p = planCommit({
      state: state('a', { status: 'faulted', error: { code: 'E', name: 'E', message: 'boom' }, lastState: 'S', parent: { instanceId: 'p', callId: 'c' } }),
      history: [],
      opts: { worker: 'w', now: T },
    });
    expect(p.stateRow).toMatchObject({ error_code: 'E', error_message: 'boom', last_state: 'S', parent_id: 'p', parent_call_id: 'c' });
  });
});

describe('batch rows', () => {
  it('numbers history per commit, outbox and enqueues across the batch', () => {
    const plans = [
      planCommit({
        state: state('a'),
        history: [{ at: T, type: 'state.entered' }, { at: T, type: 'state.exited' }],
        opts: { worker: 'w', now: T, consumed: [7], outbox: [{ id: 'e1', source: 's', type: 't', specversion: '1.0' }] },
      }),
      planCommit({
        state: state('b'),
        history: [{ at: T + 1, type: 'instance.completed' }],
        opts: { worker: 'w', now: T + 1, outbox: [{ id: 'e2', source: 's', type: 't', specversion: '1.0' }], enqueue: [{ instanceId: 'p', trigger: triggers.cancel('x') }] },
      }),
    ];
    const params = stepRowsParams(plans);
    expect(params.ids).toEqual(['a', 'b']);
    expect(JSON.parse(params.history).map((h: { instance_id: string; n: number }) => [h.instance_id, h.n])).toEqual([['a', 1], ['a', 2], ['b', 1]]);
    expect(JSON.parse(params.outbox).map((o: { n: number; event: { id: string } }) => [o.n, o.event.id])).toEqual([[1, 'e1'], [2, 'e2']]);
    expect(JSON.parse(params.wake)).toEqual([{ id: 'a', now: T, consumed: [7] }, { id: 'b', now: T + 1, consumed: [] }]);
    expect(enqueueRows(plans)).toEqual([{ n: 1, instance_id: 'p', trigger: triggers.cancel('x'), now: T + 1 }]);
  });
});
