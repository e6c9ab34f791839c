/**
 * What the step function asks the runtime to do (commands), what the runtime feeds back (triggers),
 * and what it records (history). All plain data. Trigger constructors live here so that internal
 * names are never typed inline elsewhere.
 */
import type { ErrorInfo } from '../errors/workflow-error.js';
import type { Json } from '../model/json.js';
import type { CloudEvent } from './cloud-event.js';
import type { TimerPurpose } from './instance-state.js';

export type Command =
  | { type: 'invoke'; callId: string; fn: string; args: Json; attempt: number; async: boolean; timeoutMs?: number }
  | { type: 'call.cancel'; callId: string }
  | { type: 'timer.start'; timerId: string; dueAt: number; purpose: TimerPurpose }
  | { type: 'timer.cancel'; timerId: string }
  | { type: 'event.emit'; event: CloudEvent }
  | { type: 'subflow.start'; callId: string; workflowId: string; version?: string; input: Json; wait: boolean }
  | { type: 'subflow.cancel'; callId: string }
  | { type: 'instance.continue-as'; workflowId: string; version?: string; input: Json }
  | { type: 'instance.ended'; status: 'completed' | 'faulted' | 'cancelled' };

/** The result of a function call as the runtime reports it. */
export interface CallOutcome {
  body: Json;
  status?: number;
  headers?: Record<string, string>;
}

export type Trigger =
  | { type: 'start'; input: Json; event?: CloudEvent; headers?: Record<string, string> }
  | { type: 'call.ok'; callId: string; result: CallOutcome }
  | { type: 'call.failed'; callId: string; error: ErrorInfo }
  | { type: 'timer.fired'; timerId: string }
  | { type: 'event'; event: CloudEvent }
  | { type: 'cancel'; reason: string }
  /** After a restart: calls in flight when the process stopped are issued again, except `liveCalls` (subflows whose child exists). */
  | { type: 'recover'; liveCalls: string[] }
  | { type: 'suspend'; reason: string }
  | { type: 'resume' }
  /** Resume a faulted run from the failed action (or state), with `data` merged into its data first. */
  | { type: 'retrigger'; data?: Json };

/** Builders for triggers: use these instead of object literals. */
export const triggers = {
  start: (input: Json, event?: CloudEvent, headers?: Record<string, string>): Trigger => ({
    type: 'start',
    input,
    ...(event ? { event } : {}),
    ...(headers ? { headers } : {}),
  }),
  callOk: (callId: string, result: CallOutcome): Trigger => ({ type: 'call.ok', callId, result }),
  callFailed: (callId: string, error: ErrorInfo): Trigger => ({ type: 'call.failed', callId, error }),
  timerFired: (timerId: string): Trigger => ({ type: 'timer.fired', timerId }),
  event: (event: CloudEvent): Trigger => ({ type: 'event', event }),
  cancel: (reason: string): Trigger => ({ type: 'cancel', reason }),
  recover: (liveCalls: string[] = []): Trigger => ({ type: 'recover', liveCalls }),
  suspend: (reason: string): Trigger => ({ type: 'suspend', reason }),
  resume: (): Trigger => ({ type: 'resume' }),
  retrigger: (data?: Json): Trigger => (data === undefined ? { type: 'retrigger' } : { type: 'retrigger', data }),
};

/** One entry of an instance's append-only history. */
export interface HistoryEntry {
  at: number;
  type:
    | 'instance.started'
    | 'state.entered'
    | 'state.exited'
    | 'action.called'
    | 'action.completed'
    | 'action.failed'
    | 'action.retrying'
    | 'timer.started'
    | 'timer.fired'
    | 'event.received'
    | 'event.produced'
    | 'error.handled'
    | 'instance.completed'
    | 'instance.faulted'
    | 'instance.cancelled'
    | 'instance.suspended'
    | 'instance.resumed'
    | 'instance.retriggered';
  state?: string;
  thread?: string;
  action?: string;
  data?: Json;
  /** The worker that committed the step (set by the runtime). */
  worker?: string;
}
