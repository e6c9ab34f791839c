/**
 * The working context of one step: the definition, the mutable copy of the instance state, the clock
 * reading, and the commands and history the step produces. Helpers here are the only way the
 * interpreter starts timers, allocates ids and records history.
 */
import type { DurationSpec } from '../model/expression.js';
import type { WorkflowDef } from '../model/definition.js';
import type { Json, JsonObject } from '../model/json.js';
import { WorkflowError } from '../errors/workflow-error.js';
import { parseDuration } from '../expr/duration.js';
import type { Command, HistoryEntry } from './commands.js';
import { evalOne, type Vars } from './evaluate.js';
import type { InstanceState, Thread, TimerPurpose } from './instance-state.js';

/** What the host supplies to every step besides the state. */
export interface StepEnv {
  /** `$SECRET` (all configuration keys) and `$SECRETS` (listed secrets). */
  readonly secret: JsonObject;
  readonly secrets: JsonObject;
}

/** One step in progress. */
export class StepContext {
  readonly commands: Command[] = [];
  readonly history: HistoryEntry[] = [];
  private readonly queue: string[] = [];
  /** State entries in this step (loop guard). */
  entries = 0;
  private workflowVar: JsonObject | undefined;

  constructor(
    readonly def: WorkflowDef,
    readonly s: InstanceState,
    readonly now: number,
    readonly env: StepEnv,
  ) {}

  /** A fresh id, unique within the instance: `<prefix><n>`. */
  newId(prefix: string): string {
    this.s.seq += 1;
    return `${prefix}${this.s.seq}`;
  }

  record(type: HistoryEntry['type'], fields: Omit<HistoryEntry, 'at' | 'type'> = {}): void {
    this.history.push({ at: this.now, type, ...fields });
  }

  /** Marks a thread as able to make progress in this step. */
  wake(threadId: string): void {
    if (!this.queue.includes(threadId)) this.queue.push(threadId);
  }

  /** Next runnable thread id, or undefined. */
  nextRunnable(): string | undefined {
    return this.queue.shift();
  }

  /** Starts a timer owned by `thread`; returns its id. */
  startTimer(thread: string, purpose: TimerPurpose, ms: number): string {
    const timerId = this.newId('timer-');
    const dueAt = this.now + Math.max(0, ms);
    this.s.timers[timerId] = { dueAt, thread, purpose };
    this.commands.push({ type: 'timer.start', timerId, dueAt, purpose });
    this.record('timer.started', { thread, data: { timerId, purpose, dueAt } });
    return timerId;
  }

  cancelTimer(timerId: string | undefined): void {
    if (timerId === undefined || !(timerId in this.s.timers)) return;
    delete this.s.timers[timerId];
    this.commands.push({ type: 'timer.cancel', timerId });
  }

  /** Cancels a pending call (function, subflow or result-event wait). */
  cancelCall(callId: string | undefined): void {
    if (callId === undefined) return;
    const call = this.s.calls[callId];
    if (!call) return;
    delete this.s.calls[callId];
    if (call.kind === 'function') this.commands.push({ type: 'call.cancel', callId });
    if (call.kind === 'subflow') this.commands.push({ type: 'subflow.cancel', callId });
  }

  /** The jq variables for expressions evaluated in `t`. */
  vars(t: Thread | undefined): Vars {
    this.workflowVar ??= {
      id: this.def.id,
      name: this.def.name,
      version: this.def.version,
      instanceId: this.s.id,
      input: this.s.input,
    };
    let wf: JsonObject = this.workflowVar;
    const prev = t?.acts?.last;
    const res = this.s.lastResponse;
    if (prev !== undefined || res || this.s.headers) {
      wf = { ...wf };
      if (prev !== undefined) wf.prevActionResult = prev;
      if (this.s.headers) wf.headers = this.s.headers;
      if (res) {
        wf.statusCode = res.statusCode;
        wf.responseHeaders = res.headers;
      }
    }
    const base: Record<string, Json> = {
      WORKFLOW: wf,
      SECRET: this.env.secret,
      SECRETS: this.env.secrets,
      CONST: this.def.constants,
    };
    return t?.vars ? { ...base, ...t.vars } : base;
  }

  /** Milliseconds of a duration (evaluating it when it is an expression such as `$CONST.timeout`). */
  durationMs(d: DurationSpec, t: Thread | undefined): number {
    if (d.ms !== undefined) return d.ms;
    const v = d.expr ? evalOne(d.expr, t?.data ?? null, this.vars(t)) : null;
    const ms = typeof v === 'string' ? parseDuration(v) : typeof v === 'number' ? v : undefined;
    if (ms === undefined) {
      throw new WorkflowError({
        code: 'EXPRESSION_FAILED',
        message: `duration ${JSON.stringify(d.text)} gave ${JSON.stringify(v)}, not an ISO-8601 duration`,
        retryable: false,
      });
    }
    return ms;
  }
}
