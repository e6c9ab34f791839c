/**
 * Step states of a scaffolder task derived from its events, with events shaped as the server's
 * eventstream sends them (the namespace template's three steps).
 */
import { describe, expect, it } from 'vitest';
import type { SerializedTaskEvent } from '../src/api/types';
import { deriveTaskProgress } from '../src/pages/templates/task-steps';

const STEPS = [
  { id: 'render', name: 'Generating Namespace Resources', action: 'fetch:template' },
  { id: 'apply', name: 'Applying Namespace Resources', action: 'kubernetes:apply' },
  { id: 'register', name: 'Register', action: 'catalog:register' },
];

let nextId = 1;
function event(type: SerializedTaskEvent['type'], body: Record<string, unknown>): SerializedTaskEvent {
  const id = nextId++;
  return { id, taskId: 't-1', type, createdAt: new Date(Date.UTC(2025, 0, 10, 9, 0, id)).toISOString(), body };
}
const log = (stepId: string, message: string, status?: string) => event('log', { message, stepId, ...(status ? { status } : {}) });
const states = (events: SerializedTaskEvent[], taskStatus?: string) => deriveTaskProgress(STEPS, events, taskStatus).steps.map((s) => s.state);

describe('deriveTaskProgress', () => {
  it('starts with every step pending', () => {
    const p = deriveTaskProgress(STEPS, []);
    expect(p.steps.map((s) => [s.id, s.name, s.state])).toEqual([
      ['render', 'Generating Namespace Resources', 'pending'],
      ['apply', 'Applying Namespace Resources', 'pending'],
      ['register', 'Register', 'pending'],
    ]);
    expect(p.completion).toBeUndefined();
  });

  it('follows the steps as they begin and finish, with their log lines', () => {
    const events = [
      log('render', 'Beginning step Generating Namespace Resources', 'processing'),
      log('render', 'Writing manifests/namespace.yaml'),
      log('render', 'Finished step Generating Namespace Resources', 'completed'),
      log('apply', 'Beginning step Applying Namespace Resources', 'processing'),
    ];
    const p = deriveTaskProgress(STEPS, events);
    expect(p.steps.map((s) => s.state)).toEqual(['done', 'running', 'pending']);
    expect(p.steps[0]!.log.map((l) => l.message)).toEqual([
      'Beginning step Generating Namespace Resources',
      'Writing manifests/namespace.yaml',
      'Finished step Generating Namespace Resources',
    ]);
  });

  it('treats a log line without a status as the step running', () => {
    expect(states([log('render', 'Fetching template')])).toEqual(['running', 'pending', 'pending']);
  });

  it('marks the failing step failed and leaves the later ones pending; the completion carries the error', () => {
    const events = [
      log('render', 'Beginning step Generating Namespace Resources', 'processing'),
      log('render', 'Finished step Generating Namespace Resources', 'completed'),
      log('apply', 'Beginning step Applying Namespace Resources', 'processing'),
      log('apply', 'namespaces "team-a" is forbidden', 'failed'),
      event('completion', { message: 'Run completed with status: failed', status: 'failed', error: { name: 'Error', message: 'namespaces "team-a" is forbidden' } }),
    ];
    const p = deriveTaskProgress(STEPS, events);
    expect(p.steps.map((s) => s.state)).toEqual(['done', 'failed', 'pending']);
    expect(p.completion).toEqual({ status: 'failed', error: { name: 'Error', message: 'namespaces "team-a" is forbidden' } });
  });

  it('settles a step still running by the completion: done on success, cancelled on cancel', () => {
    const running = [log('render', 'Beginning step Generating Namespace Resources', 'processing')];
    const output = { links: [{ title: 'Open Component in catalog', entityRef: 'component:default/team-a' }] };
    expect(states([...running, event('completion', { message: 'Run completed with status: completed', status: 'completed', output })])).toEqual(['done', 'pending', 'pending']);
    expect(
      states([
        ...running,
        event('cancelled', { message: 'The task was cancelled' }),
        event('completion', { message: 'Run completed with status: cancelled', status: 'cancelled', error: { name: 'CancelledError', message: 'The task was cancelled' } }),
      ]),
    ).toEqual(['cancelled', 'pending', 'pending']);
  });

  it('says when a cancel was asked for, before the run has ended', () => {
    const running = [log('render', 'Beginning step Generating Namespace Resources', 'processing')];
    expect(deriveTaskProgress(STEPS, running).cancelRequested).toBe(false);
    const p = deriveTaskProgress(STEPS, [...running, event('cancelled', { message: 'The task was cancelled' })]);
    expect(p.cancelRequested).toBe(true);
    expect(p.steps[0]!.state).toBe('running');
    expect(p.completion).toBeUndefined();
  });

  it('keeps the output of a completed run', () => {
    const output = { links: [{ title: 'Open Component in catalog', entityRef: 'component:default/team-a' }] };
    const p = deriveTaskProgress(STEPS, [event('completion', { message: 'Run completed with status: completed', status: 'completed', output })]);
    expect(p.completion).toEqual({ status: 'completed', output });
  });

  it('marks skipped steps skipped', () => {
    expect(states([log('apply', 'Skipping step apply because its if condition was false', 'skipped')])).toEqual(['pending', 'skipped', 'pending']);
  });

  it('puts every step back to pending when the task starts over, keeping the earlier lines', () => {
    const events = [
      log('render', 'Beginning step Generating Namespace Resources', 'processing'),
      log('render', 'Finished step Generating Namespace Resources', 'completed'),
      log('apply', 'Beginning step Applying Namespace Resources', 'processing'),
      event('recovered', { message: 'The task was interrupted and starts over' }),
      log('render', 'Beginning step Generating Namespace Resources', 'processing'),
    ];
    const p = deriveTaskProgress(STEPS, events);
    expect(p.steps.map((s) => s.state)).toEqual(['running', 'pending', 'pending']);
    expect(p.steps[0]!.log).toHaveLength(3);
    expect(p.taskLog.map((l) => l.message)).toEqual(['The task was interrupted and starts over']);
  });

  it('orders events by id and ignores repeats (a reconnected stream sends them again)', () => {
    const begin = log('render', 'Beginning step Generating Namespace Resources', 'processing');
    const done = log('render', 'Finished step Generating Namespace Resources', 'completed');
    const p = deriveTaskProgress(STEPS, [done, begin, begin, done]);
    expect(p.steps[0]!.state).toBe('done');
    expect(p.steps[0]!.log.map((l) => l.id)).toEqual([begin.id, done.id]);
  });

  it("ends with the task's status when no completion event was seen", () => {
    expect(states([log('render', 'Beginning step Generating Namespace Resources', 'processing')], 'failed')).toEqual(['failed', 'pending', 'pending']);
    expect(deriveTaskProgress(STEPS, [], 'cancelled').completion).toEqual({ status: 'cancelled' });
    expect(deriveTaskProgress(STEPS, [], 'processing').completion).toBeUndefined();
  });

  it('ignores log lines of unknown steps for the steps, keeping them in the task log', () => {
    const p = deriveTaskProgress(STEPS, [log('elsewhere', 'stray line')]);
    expect(p.steps.map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
    expect(p.taskLog.map((l) => l.message)).toEqual(['stray line']);
  });
});
