/**
 * A run's timeline from its history entries, oldest first: the run's own events (started, failed,
 * retriggered, …), one row per state visit, one row per action call (its attempts, each with its
 * duration, the retry delay and error code, and the error that ended it), and notes for sleeps,
 * timeouts, events and handled errors. Pure: the Timeline component and tests share it.
 *
 * History facts this relies on (packages/engine/src/interpret): `action.called` carries
 * `{callId, function|subflow, attempt}`; `action.completed` carries `{callId, result}` (or, for an
 * expression function, the action's name and `{function, result}` with no call before it);
 * `action.retrying` carries `{attempt, delayMs, code, message}` (or `{attempt, reason}` when a call is
 * issued again after a restart); `action.failed` and `instance.faulted` carry the error
 * `{code, name, message}`; `instance.retriggered` names the state the run resumes in.
 */
import type { RunHistoryEntry } from '../../api/types';

export interface TimelineError {
  readonly code?: string;
  readonly name?: string;
  readonly message: string;
  /** What the engine kept beside the message, e.g. `{status, body}` of an HTTP failure. */
  readonly details?: unknown;
}

export type AttemptOutcome = 'running' | 'completed' | 'failed' | 'interrupted' | 'not-awaited';

export interface ActionAttempt {
  attempt: number;
  startedAt: number;
  endedAt?: number;
  outcome: AttemptOutcome;
  /** The error code of a failed attempt. */
  code?: string;
  /** Why it failed, when the history says (the last attempt of a failed call). */
  message?: string;
  /** How long the engine waited before the next attempt. */
  retryDelayMs?: number;
  note?: string;
}

/** `not-awaited`: an async call (`invoke: async`): started, and the run went on without its answer. */
export type ActionOutcome = 'running' | 'retrying' | 'completed' | 'failed' | 'interrupted' | 'not-awaited';

export interface TimelineAction {
  readonly kind: 'action';
  readonly seq: number;
  readonly thread: string;
  readonly state?: string;
  /** The action's name (or its function's, when it has none). */
  readonly name: string;
  /** What it calls: a function or a subflow. */
  target?: string;
  readonly startedAt: number;
  endedAt?: number;
  outcome: ActionOutcome;
  readonly attempts: ActionAttempt[];
  error?: TimelineError;
}

export type StateOutcome = 'running' | 'done' | 'failed' | 'interrupted';

export interface TimelineState {
  readonly kind: 'state';
  readonly seq: number;
  readonly thread: string;
  readonly name: string;
  readonly enteredAt: number;
  exitedAt?: number;
  outcome: StateOutcome;
  error?: TimelineError;
  /** An error an `onErrors` handler caught here (the state was left through the handler). */
  handledError?: TimelineError;
}

export type RunEvent = 'started' | 'completed' | 'failed' | 'aborted' | 'suspended' | 'resumed' | 'retriggered';

export interface TimelineRunEvent {
  readonly kind: 'run';
  readonly seq: number;
  readonly at: number;
  readonly event: RunEvent;
  readonly state?: string;
  readonly error?: TimelineError;
  readonly detail?: string;
}

export type NoteWhat = 'sleep' | 'timeout' | 'event-received' | 'event-sent' | 'error-handled';

export interface TimelineNote {
  readonly kind: 'note';
  readonly seq: number;
  readonly at: number;
  readonly what: NoteWhat;
  readonly state?: string;
  readonly text: string;
  /** For a sleep: when it ends. */
  readonly until?: number;
}

export type TimelineItem = TimelineRunEvent | TimelineState | TimelineAction | TimelineNote;

/** When an item started (entered, called, happened). */
export function itemStart(item: TimelineItem): number {
  return item.kind === 'state' ? item.enteredAt : item.kind === 'action' ? item.startedAt : item.at;
}

/** How long an item took (`now` for one still going); undefined for instants. */
export function itemDuration(item: TimelineItem, now?: number): number | undefined {
  if (item.kind === 'state') return (item.exitedAt ?? now ?? item.enteredAt) - item.enteredAt;
  if (item.kind === 'action') return (item.endedAt ?? now ?? item.startedAt) - item.startedAt;
  return undefined;
}

/** How long an attempt took. */
export function attemptDuration(a: ActionAttempt, now?: number): number {
  return (a.endedAt ?? now ?? a.startedAt) - a.startedAt;
}

type Obj = Record<string, unknown>;

function obj(data: unknown): Obj {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Obj) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The error in an entry's data (`{code, name, message}`), if any. */
export function errorOf(data: unknown): TimelineError | undefined {
  const d = obj(data);
  const message = str(d.message);
  if (message === undefined) return undefined;
  const code = str(d.code);
  const name = str(d.name);
  return {
    message,
    ...(code !== undefined ? { code } : {}),
    ...(name !== undefined && name !== code ? { name } : {}),
    ...(d.details !== undefined && d.details !== null ? { details: d.details } : {}),
  };
}

const TIMEOUT_WORDS: Readonly<Record<string, string>> = {
  'action-timeout': 'The action timed out',
  'state-timeout': 'The state timed out',
  'event-timeout': 'Waiting for the event timed out',
  'branch-timeout': 'A branch timed out',
  'workflow-timeout': 'The run timed out',
};

/** Builds the timeline of `entries` (history in `seq` order). */
export function buildTimeline(entries: readonly RunHistoryEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  /** Open state row per thread. */
  const openState = new Map<string, TimelineState>();
  /** The action row a thread is busy with (running, or waiting to retry). */
  const current = new Map<string, TimelineAction>();
  const byCall = new Map<string, { action: TimelineAction; attempt: ActionAttempt }>();
  /** A failed state row the run resumed in (closed again if the retrigger enters the state anew). */
  let resumed: { row: TimelineState; at: number; error?: TimelineError } | undefined;

  const finishAction = (a: TimelineAction, at: number, outcome: ActionOutcome): void => {
    a.outcome = outcome;
    a.endedAt = at;
    const last = a.attempts[a.attempts.length - 1];
    if (last && last.outcome === 'running') {
      last.outcome = outcome === 'completed' || outcome === 'failed' || outcome === 'not-awaited' ? outcome : 'interrupted';
      last.endedAt = at;
    }
    if (current.get(a.thread) === a) current.delete(a.thread);
  };
  const busyWith = (thread: string, state: string | undefined, action: string | undefined): TimelineAction | undefined => {
    const a = current.get(thread);
    if (!a || (state !== undefined && a.state !== undefined && a.state !== state) || (action !== undefined && a.name !== action)) return undefined;
    return a;
  };
  /**
   * A thread moved on (next call, or out of its state) while a call was still running: the run
   * does not wait for async calls, and history records no answer for them.
   */
  const movedOn = (thread: string): void => {
    const a = current.get(thread);
    if (a && a.outcome === 'running') finishAction(a, a.attempts[a.attempts.length - 1]?.startedAt ?? a.startedAt, 'not-awaited');
  };
  /** Everything still going ends with the run. */
  const endAll = (at: number, outcome: StateOutcome, failedState?: string, error?: TimelineError): void => {
    for (const a of current.values()) {
      if (a.outcome === 'running' || a.outcome === 'retrying') finishAction(a, at, 'interrupted');
    }
    current.clear();
    byCall.clear();
    for (const s of openState.values()) {
      s.exitedAt = at;
      s.outcome = s.name === failedState ? 'failed' : outcome;
      if (s.name === failedState && error) s.error = error;
    }
    openState.clear();
  };

  for (const h of entries) {
    const at = Date.parse(h.at);
    const thread = h.thread ?? 'main';
    const data = obj(h.data);
    switch (h.type) {
      case 'instance.started':
        items.push({ kind: 'run', seq: h.seq, at, event: 'started' });
        break;
      case 'state.entered': {
        if (h.state === undefined) break;
        const open = openState.get(thread);
        if (open) {
          if (resumed?.row === open) {
            open.outcome = 'failed';
            open.exitedAt = resumed.at;
            if (resumed.error) open.error = resumed.error;
          } else {
            open.outcome = 'interrupted';
            open.exitedAt = at;
          }
        }
        resumed = undefined;
        const row: TimelineState = { kind: 'state', seq: h.seq, thread, name: h.state, enteredAt: at, outcome: 'running' };
        openState.set(thread, row);
        items.push(row);
        break;
      }
      case 'state.exited': {
        movedOn(thread);
        const row = openState.get(thread);
        if (row && row.name === h.state) {
          row.exitedAt = at;
          row.outcome = 'done';
          openState.delete(thread);
        }
        if (resumed?.row === row) resumed = undefined;
        break;
      }
      case 'action.called': {
        const name = h.action ?? str(data.function) ?? str(data.subflow) ?? 'action';
        movedOn(thread);
        const waiting = busyWith(thread, h.state, h.action);
        const action: TimelineAction =
          waiting && waiting.outcome === 'retrying'
            ? waiting
            : { kind: 'action', seq: h.seq, thread, ...(h.state !== undefined ? { state: h.state } : {}), name, startedAt: at, outcome: 'running', attempts: [] };
        if (action !== waiting) {
          if (waiting) finishAction(waiting, at, 'interrupted');
          items.push(action);
        }
        const target = str(data.function) ?? str(data.subflow);
        if (target !== undefined) action.target = target;
        const attempt: ActionAttempt = { attempt: num(data.attempt) ?? action.attempts.length + 1, startedAt: at, outcome: 'running' };
        const last = action.attempts[action.attempts.length - 1];
        if (last?.note !== undefined && last.outcome === 'interrupted') attempt.note = 'issued again after a restart';
        action.attempts.push(attempt);
        action.outcome = 'running';
        current.set(thread, action);
        const callId = str(data.callId);
        if (callId !== undefined) byCall.set(callId, { action, attempt });
        break;
      }
      case 'action.completed': {
        const callId = str(data.callId);
        const call = callId !== undefined ? byCall.get(callId) : undefined;
        if (call) {
          byCall.delete(callId!);
          finishAction(call.action, at, 'completed');
          break;
        }
        // An expression function (no call before it) or the answer to an event an action waited for.
        const fn = str(data.function);
        const name = h.action ?? fn ?? 'response event';
        items.push({
          kind: 'action',
          seq: h.seq,
          thread,
          ...(h.state !== undefined ? { state: h.state } : {}),
          name,
          ...(fn !== undefined ? { target: fn } : {}),
          startedAt: at,
          endedAt: at,
          outcome: 'completed',
          attempts: [{ attempt: 1, startedAt: at, endedAt: at, outcome: 'completed' }],
        });
        break;
      }
      case 'action.retrying': {
        const action = busyWith(thread, h.state, h.action);
        if (!action) break;
        const last = action.attempts[action.attempts.length - 1];
        const reason = str(data.reason);
        if (last && last.outcome === 'running') {
          last.endedAt = at;
          if (reason !== undefined) {
            last.outcome = 'interrupted';
            last.note = reason;
          } else {
            last.outcome = 'failed';
            const code = str(data.code);
            const delay = num(data.delayMs);
            const message = str(data.message);
            if (code !== undefined) last.code = code;
            if (message !== undefined) last.message = message;
            if (delay !== undefined) last.retryDelayMs = delay;
          }
        }
        for (const [id, c] of byCall) if (c.action === action) byCall.delete(id);
        action.outcome = 'retrying';
        break;
      }
      case 'action.failed': {
        const error = errorOf(h.data) ?? { message: 'the action failed' };
        let action = busyWith(thread, h.state, h.action);
        if (!action) {
          action = { kind: 'action', seq: h.seq, thread, ...(h.state !== undefined ? { state: h.state } : {}), name: h.action ?? 'action', startedAt: at, outcome: 'running', attempts: [] };
          items.push(action);
        }
        const last = action.attempts[action.attempts.length - 1];
        if (last && last.outcome === 'running') {
          if (error.code !== undefined) last.code = error.code;
          last.message = error.message;
        }
        for (const [id, c] of byCall) if (c.action === action) byCall.delete(id);
        finishAction(action, at, 'failed');
        action.error = error;
        break;
      }
      case 'error.handled': {
        const error = errorOf(h.data) ?? { message: 'an error' };
        const row = openState.get(thread);
        if (row && row.name === h.state) row.handledError = error;
        items.push({ kind: 'note', seq: h.seq, at, what: 'error-handled', ...(h.state !== undefined ? { state: h.state } : {}), text: `Error handled: ${error.message}${error.code ? ` (${error.code})` : ''}` });
        break;
      }
      case 'timer.started': {
        const purpose = str(data.purpose);
        const due = num(data.dueAt);
        const state = openState.get(thread)?.name;
        if (purpose === 'sleep') items.push({ kind: 'note', seq: h.seq, at, what: 'sleep', ...(state !== undefined ? { state } : {}), text: 'Sleeping', ...(due !== undefined ? { until: due } : {}) });
        break;
      }
      case 'timer.fired': {
        const purpose = str(data.purpose) ?? '';
        const words = TIMEOUT_WORDS[purpose];
        const state = openState.get(thread)?.name;
        if (words) items.push({ kind: 'note', seq: h.seq, at, what: 'timeout', ...(state !== undefined ? { state } : {}), text: words });
        break;
      }
      case 'event.received':
        items.push({ kind: 'note', seq: h.seq, at, what: 'event-received', text: `Event received: ${str(data.type) ?? 'event'}${str(data.source) ? ` from ${str(data.source)}` : ''}` });
        break;
      case 'event.produced':
        items.push({ kind: 'note', seq: h.seq, at, what: 'event-sent', ...(h.state !== undefined ? { state: h.state } : {}), text: `Event sent: ${str(data.type) ?? 'event'}` });
        break;
      case 'instance.completed':
        endAll(at, 'done');
        items.push({ kind: 'run', seq: h.seq, at, event: 'completed' });
        break;
      case 'instance.faulted': {
        const error = errorOf(h.data);
        const state = str(data.state);
        endAll(at, 'failed', state ?? openState.get('main')?.name, error);
        items.push({ kind: 'run', seq: h.seq, at, event: 'failed', ...(state !== undefined ? { state } : {}), ...(error ? { error } : {}) });
        break;
      }
      case 'instance.cancelled':
        endAll(at, 'interrupted');
        items.push({ kind: 'run', seq: h.seq, at, event: 'aborted' });
        break;
      case 'instance.suspended':
        items.push({ kind: 'run', seq: h.seq, at, event: 'suspended', ...(str(data.reason) ? { detail: str(data.reason)! } : {}) });
        break;
      case 'instance.resumed':
        items.push({ kind: 'run', seq: h.seq, at, event: 'resumed' });
        break;
      case 'instance.retriggered': {
        const state = h.state;
        items.push({ kind: 'run', seq: h.seq, at, event: 'retriggered', ...(state !== undefined ? { state } : {}) });
        // The run goes on in the state it failed in: that row is open again.
        for (let i = items.length - 1; i >= 0; i--) {
          const it = items[i]!;
          if (it.kind === 'state' && it.name === state) {
            if (it.outcome === 'failed') {
              resumed = { row: it, at, ...(it.error ? { error: it.error } : {}) };
              it.outcome = 'running';
              delete it.exitedAt;
              delete it.error;
              openState.set(it.thread, it);
            }
            break;
          }
        }
        break;
      }
    }
  }
  return items;
}
