/**
 * The persisted state of one workflow instance: plain JSON, so any store can keep it and a restart
 * resumes it. Timers hold absolute due times. Type-only apart from the version constant.
 */
import type { ErrorInfo } from '../errors/workflow-error.js';
import type { Json } from '../model/json.js';
import type { CloudEvent } from './cloud-event.js';
import type { Trigger } from './commands.js';

/** Engine semantics version recorded in every instance; a changed rule applies only to newer instances. */
export const SEMANTICS_VERSION = 1;

export type InstanceStatus = 'running' | 'waiting' | 'suspended' | 'completed' | 'faulted' | 'cancelled';

export interface InstanceState {
  v: number;
  id: string;
  workflowId: string;
  workflowVersion: string;
  status: InstanceStatus;
  input: Json;
  output?: Json;
  error?: ErrorInfo;
  startedAt: number;
  endedAt?: number;
  /** Counter for thread, call and timer ids (deterministic). */
  seq: number;
  threads: Record<string, Thread>;
  /** Pending function calls, subflows and result-event waits, by call id. */
  calls: Record<string, PendingCall>;
  timers: Record<string, PendingTimer>;
  /** Events that arrived while no thread waited for them; consumed by the next matching wait. */
  inbox: CloudEvent[];
  /** Correlation attribute values fixed by the first correlated event. */
  correlation: Record<string, string>;
  /** Asynchronous subflows to cancel when this instance ends (`onParentComplete: terminate`). */
  children: { callId: string; terminate: boolean }[];
  parent?: { instanceId: string; callId: string };
  /**
   * `workflowExecTimeout` expired: `pending` ends the run at the next state exit (interrupt: false),
   * `run-before` means the `runBefore` state is running and the run ends after it.
   */
  timedOut?: 'pending' | 'run-before';
  /** Headers of the request that started the run (`$WORKFLOW.headers`); never credentials. */
  headers?: Record<string, string>;
  /** Status and headers of the last call that reported them (`$WORKFLOW.statusCode`, `responseHeaders`). */
  lastResponse?: { statusCode: number; headers: Record<string, string> };
  /** A faulted run whose main thread was kept where it failed, so that it can be retriggered. */
  retriggerable?: boolean;
  /** How many times the run was retriggered. */
  retriggers?: number;
  /** Triggers that arrived while the run was suspended (events, call results), replayed on resume. */
  deferred?: Trigger[];
  /** Highest store inbox entry applied: a stale claim that returns it again must not apply it twice. */
  inboxSeen?: number;
  /** The state where the run ended (for ERROR reports). */
  lastState?: string;
  /**
   * Process variables the host started the run with beside its data (SonataFlow's extra variables,
   * e.g. `initiatorEntity`, `targetEntity`); the interpreter keeps them and never reads them.
   */
  variables?: Record<string, Json>;
}

/** A pending call: which thread waits for it. */
export interface PendingCall {
  thread: string;
  kind: 'function' | 'subflow' | 'event';
  name: string;
  attempt: number;
  startedAt: number;
}

export type TimerPurpose =
  | 'sleep'
  | 'retry'
  | 'event-timeout'
  | 'state-timeout'
  | 'action-timeout'
  | 'branch-timeout'
  | 'workflow-timeout';

export interface PendingTimer {
  dueAt: number;
  thread: string;
  purpose: TimerPurpose;
}

/**
 * One path of execution. The `main` thread walks states; child threads run an action list for a
 * parallel branch, a foreach iteration or a parallel action, and report to their parent.
 */
export interface Thread {
  id: string;
  parent?: string;
  data: Json;
  /** Extra jq variables (a foreach `iterationParam`). */
  vars?: Record<string, Json>;
  /** Current state (main thread) or the state that owns this child's action list. */
  state: string;
  /** Child threads: what they run. */
  task?: ChildTask;
  /** Progress inside the current state. */
  stage: Stage;
  /** Progress through an action list. */
  acts?: ActionListProgress;
  /** States completed with `compensatedBy`, oldest first (main thread). */
  compensable?: string[];
  compensation?: CompensationProgress;
  /** Timer ids owned by the current state (state timeout, event timeout); cancelled on exit. */
  stateTimers?: string[];
  /** Ids of live child threads. */
  children?: string[];
  /** Event state: `onEvents` indexes still to run (non-exclusive), and the one running in a join. */
  pendingOnEvents?: number[];
  onEventsIndex?: number;
  /** Child threads: the merges they made, replayed on the parent's data in child order. */
  merges?: { path: string[] | null; value: Json }[];
}

/** What a child thread runs. */
export type ChildTask =
  | { kind: 'branch'; index: number }
  | { kind: 'iteration'; index: number }
  | { kind: 'action'; index: number; onEvents?: number };

/** Where a thread is inside its state. */
export type Stage =
  | { kind: 'enter' }
  | { kind: 'actions'; onEvents?: number; callback?: boolean }
  | { kind: 'wait-event'; refs: string[]; got: Record<string, Json>; timer?: string; callback?: boolean }
  | { kind: 'sleep'; timer: string }
  | {
      kind: 'join';
      /** Per child: its merges (branches, parallel actions) or its result (foreach); null while running. */
      results: (Json | null)[];
      done: number;
      total: number;
      /** Completions needed (`atLeast`), else `total`. */
      need: number;
      /** Foreach: next item to start, the items, and how many may run at once. */
      next: number;
      items?: Json[];
      batch?: number;
      failed?: ErrorInfo;
    }
  | { kind: 'timed-out' }
  | { kind: 'exit' }
  | { kind: 'done' };

/** Progress of one action list. */
export interface ActionListProgress {
  index: number;
  /** Phase of the current action; `before`, `call`, `retry-wait` and `after` wait for `timer`/`call`. */
  phase: 'start' | 'before' | 'issue' | 'call' | 'retry-wait' | 'got' | 'after' | 'apply';
  attempt: number;
  call?: string;
  timer?: string;
  actionTimer?: string;
  result?: Json;
  /** The result is not applied (async call, subflow without wait). */
  skip?: boolean;
  /** Result of the previous action (`$WORKFLOW.prevActionResult`, foreach output). */
  last?: Json;
}

export interface CompensationProgress {
  queue: string[];
  then: { kind: 'transition'; next: string } | { kind: 'end' };
  /** Index into the end definition's handling when `then` is end: the state whose end triggered it. */
  from: string;
}
