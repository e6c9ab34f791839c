/**
 * Shared pieces of the store conformance suite: how a case gets its stores, fixed times and
 * workers, and builders for instance states, events and history entries.
 */
import { SEMANTICS_VERSION, triggers, type CloudEvent, type HistoryEntry, type InstanceMeta, type InstanceState, type InstanceStore, type PendingTimer } from '@sluice/engine';
import { expect } from 'vitest';

/** The stores a case works with: `a` and `b` share one database (`b` may be `a` itself). */
export interface Stores {
  readonly a: InstanceStore;
  readonly b: InstanceStore;
}

/** Registers one named case; the runner gives it fresh stores and closes them afterwards. */
export type DefineCase = (name: string, fn: (s: Stores) => Promise<void>) => void;

/** The base time of every case (epoch ms); the suite never reads the wall clock. */
export const T0 = 1_700_000_000_000;
/** A lease long enough to outlast any case unless a case moves time past it. */
export const LEASE = 60_000;
/** The first worker's name. */
export const W1 = 'worker-1';
/** The second worker's name. */
export const W2 = 'worker-2';

/** A plausible instance state; `over` replaces top-level fields. */
export function makeState(id: string, over: Partial<InstanceState> = {}): InstanceState {
  return {
    v: SEMANTICS_VERSION,
    id,
    workflowId: 'wf',
    workflowVersion: '1.0',
    status: 'running',
    input: { id },
    startedAt: T0,
    seq: 0,
    threads: { main: { id: 'main', data: { id }, state: 'Start', stage: { kind: 'enter' } } },
    calls: {},
    timers: {},
    inbox: [],
    correlation: {},
    children: [],
    ...over,
  };
}

/** A timer of the main thread due at `dueAt`. */
export function timer(dueAt: number): PendingTimer {
  return { dueAt, thread: 'main', purpose: 'sleep' };
}

/** A state waiting for calls in flight (what a worker commits with `keepLeaseMs`). */
export function inFlight(id: string, over: Partial<InstanceState> = {}): InstanceState {
  return makeState(id, { calls: { 'call-1': { thread: 'main', kind: 'function', name: 'svc', attempt: 1, startedAt: T0 } }, ...over });
}

/** A finished state. */
export function ended(id: string, status: 'completed' | 'faulted' | 'cancelled', endedAt: number, over: Partial<InstanceState> = {}): InstanceState {
  return makeState(id, { status, endedAt, ...over });
}

/** A CloudEvent with a recognizable id. */
export function cloudEvent(id: string, data: CloudEvent['data'] = { id }): CloudEvent {
  return { id, source: 'conformance', type: 'test.event', specversion: '1.0', data };
}

/** A history entry. */
export function entry(type: HistoryEntry['type'], at: number, fields: Omit<HistoryEntry, 'type' | 'at'> = {}): HistoryEntry {
  return { at, type, ...fields };
}

/** Options of {@link park}. */
export interface ParkOptions {
  readonly now?: number;
  readonly meta?: InstanceMeta;
  readonly history?: readonly HistoryEntry[];
  readonly worker?: string;
}

/**
 * Creates an instance and runs its first step: claims it, consumes the start trigger and commits
 * `state` (releasing the lease). Afterwards it wakes by `state`'s timers only.
 */
export async function park(store: InstanceStore, state: InstanceState, opts: ParkOptions = {}): Promise<void> {
  const now = opts.now ?? state.startedAt;
  const worker = opts.worker ?? W1;
  await store.create(makeState(state.id, { startedAt: state.startedAt }), opts.meta ?? {}, triggers.start(state.input), now);
  const claimed = await store.claim(state.id, worker, now, LEASE);
  expect(claimed, `park: claim ${state.id}`).toBeDefined();
  await store.commit(state, opts.history ?? [], { worker, now, consumed: claimed!.inbox.map((e) => e.id) });
}

/** Asserts that `p` rejects with an error whose `code` is `code`. */
export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

/** What a durable store must hand back for `v`: its JSON round trip. */
export function roundTrip<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
