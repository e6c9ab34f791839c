/**
 * The runtime: a worker that shares instances with other workers through the store. It claims an
 * instance under a lease, applies its queued triggers and due timers one step at a time (each step
 * committed atomically), and carries out the step's commands: calls invokers, starts subflows,
 * publishes produced events. Work for one instance is serialized in a per-instance mailbox.
 */
import { WorkflowError } from '../errors/workflow-error.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import { triggers, type Trigger } from '../interpret/commands.js';
import type { InstanceState } from '../interpret/instance-state.js';
import { startCorrelation } from '../interpret/events.js';
import { newInstance } from '../interpret/step.js';
import type { Json } from '../model/json.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { InstancePage, InstanceQuery, InstanceStore, InstanceSummary, StoredHistoryEntry } from '../ports/instance-store.js';
import type { Invoker, Logger } from '../ports/invoker.js';
import type { CredentialSource, RuntimeObserver } from '../ports/observer.js';
import type { Scheduler } from '../ports/scheduler.js';
import type { EventSink, WorkflowCatalog } from '../ports/workflows.js';
import { Executor } from './executor.js';
import { routeEvent } from './routing.js';
import { checkSchema } from './schema-check.js';
import { isFinished } from './store-rules.js';

export interface RuntimeOptions {
  readonly store: InstanceStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly catalog: WorkflowCatalog;
  readonly invokers: readonly Invoker[];
  readonly log: Logger;
  readonly events?: EventSink;
  /** Hooks for metrics. */
  readonly observer?: RuntimeObserver;
  /** Per-run credentials kept outside instance data, handed to invokers. */
  readonly credentials?: CredentialSource;
  /** This worker's name (unique among workers sharing a store). Default: a new id. */
  readonly worker?: string;
  /** Lease length; another worker takes over an instance this long after this one stops heartbeating. Default 30 s. */
  readonly leaseMs?: number;
  /** How often to look for due work when running with a scheduler. Default 250 ms. */
  readonly pollMs?: number;
  /** Most instances claimed per poll. Default 64. */
  readonly batch?: number;
}

export interface StartOptions {
  readonly version?: string;
  readonly instanceId?: string;
  readonly event?: CloudEvent;
  readonly parent?: { instanceId: string; callId: string };
  /** Request headers for `$WORKFLOW.headers` (the host strips credentials first). */
  readonly headers?: Record<string, string>;
  readonly businessKey?: string;
  readonly initiator?: string;
  /** Process variables kept with the instance beside its data (see `InstanceState.variables`). */
  readonly variables?: Record<string, Json>;
}

/**
 * Runs instances of the workflows in a catalog, sharing them with other workers through the store.
 *
 * @example
 *   const rt = new Runtime({ store, clock, ids, catalog, invokers: createDefaultInvokers(), log });
 *   const id = await rt.start('greeting', { name: 'Ada' });
 *   await rt.idle();
 */
export class Runtime {
  readonly worker: string;
  private readonly exec: Executor;
  private stopPolling: (() => void) | undefined;

  constructor(private readonly opts: RuntimeOptions) {
    this.worker = opts.worker ?? `worker-${opts.ids.newId()}`;
    this.exec = new Executor({
      ...opts,
      worker: this.worker,
      leaseMs: opts.leaseMs ?? 30_000,
      startChild: (workflowId, input, o) => this.start(workflowId, input, o),
    });
  }

  /**
   * Starts an instance; resolves with its id once it is stored (its first step runs right after).
   * Throws INPUT_INVALID (nothing is stored) or WORKFLOW_NOT_FOUND.
   */
  async start(workflowId: string, input: Json, opts: StartOptions = {}): Promise<string> {
    const reg = this.opts.catalog.get(workflowId, opts.version);
    if (!reg) throw new WorkflowError({ code: 'WORKFLOW_NOT_FOUND', message: `no workflow ${workflowId}${opts.version ? ` version ${opts.version}` : ''}`, retryable: false });
    const schema = reg.def.dataInputSchema;
    if (schema && !opts.event) {
      const violations = checkSchema(schema, input);
      if (violations.length > 0 && schema.failOnValidationErrors) {
        throw new WorkflowError({
          code: 'INPUT_INVALID',
          message: `input does not match ${schema.uri}: ${violations.map((v) => `${v.pointer} ${v.message}`).join('; ')}`,
          details: { violations: violations as unknown as Json },
          retryable: false,
        });
      }
      for (const v of violations) this.opts.log.log('warn', `input ${v.pointer} ${v.message}`, { workflowId });
    }
    const id = opts.instanceId ?? this.opts.ids.newId();
    const now = this.opts.clock.now();
    const state = newInstance({
      id,
      def: reg.def,
      now,
      ...(opts.parent ? { parent: opts.parent } : {}),
      ...(opts.variables ? { variables: opts.variables } : {}),
      ...(opts.event ? { correlation: startCorrelation(reg.def, opts.event) } : {}),
    });
    const meta = { ...(opts.businessKey !== undefined ? { businessKey: opts.businessKey } : {}), ...(opts.initiator !== undefined ? { initiator: opts.initiator } : {}) };
    await this.opts.store.create(state, meta, triggers.start(input, opts.event, opts.headers), now);
    this.exec.poke(id);
    return id;
  }

  /** Queues a trigger for an instance and works on it here if no other worker holds it. */
  async send(instanceId: string, trigger: Trigger): Promise<void> {
    if (!(await this.opts.store.enqueue(instanceId, trigger, this.opts.clock.now()))) {
      throw new WorkflowError({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${instanceId}`, retryable: false });
    }
    this.exec.poke(instanceId);
  }

  /** Aborts an instance; subflows that end with their parent are aborted too. */
  async cancel(instanceId: string, reason = 'cancelled'): Promise<void> {
    await this.requireActive(instanceId, 'abort');
    await this.send(instanceId, triggers.cancel(reason));
  }

  /** Suspends an active instance: timers stay due and events wait until `resume`. */
  async suspend(instanceId: string, reason = 'suspended'): Promise<void> {
    await this.requireActive(instanceId, 'suspend');
    await this.send(instanceId, triggers.suspend(reason));
  }

  async resume(instanceId: string): Promise<void> {
    const s = await this.requireInstance(instanceId);
    if (s.status !== 'suspended') throw conflict(instanceId, `is ${s.status}, not suspended`);
    await this.send(instanceId, triggers.resume());
  }

  /**
   * Resumes a faulted instance from the failed action or state, optionally merging `data` into its
   * data first. The attempt is recorded in the history.
   */
  async retrigger(instanceId: string, data?: Json): Promise<void> {
    const s = await this.requireInstance(instanceId);
    if (s.status !== 'faulted' || !s.retriggerable) throw conflict(instanceId, s.status !== 'faulted' ? `is ${s.status}, not faulted` : 'cannot be retriggered (it ended through its definition, not on an unhandled error)');
    await this.send(instanceId, triggers.retrigger(data));
  }

  /** Delivers an incoming CloudEvent to waiting or correlated instances, or starts instances with it. */
  async publishEvent(event: CloudEvent): Promise<{ delivered: string[]; started: string[] }> {
    const route = await routeEvent(this.opts.store, this.opts.catalog, event);
    for (const id of route.deliver) await this.send(id, triggers.event(event));
    const started: string[] = [];
    for (const wf of route.start) started.push(await this.start(wf, {}, { event }));
    return { delivered: route.deliver, started };
  }

  /** Claims and works on every instance that needs attention now; returns how many were claimed. */
  tick(): Promise<number> {
    return this.exec.tick(this.opts.batch ?? 64);
  }

  /** Polls for due work every `pollMs` (and keeps leases alive) until `stop()`. */
  run(scheduler: Scheduler): void {
    const poll = this.opts.pollMs ?? 250;
    let cancelled = false;
    const loop = (): void => {
      if (cancelled) return;
      void this.tick()
        .catch((err: unknown) => this.opts.log.log('error', `poll failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          if (!cancelled) cancelTimer = scheduler.after(poll, loop);
        });
    };
    let cancelTimer = scheduler.after(0, loop);
    const stopBeat = this.exec.runHeartbeat(scheduler);
    this.stopPolling = () => {
      cancelled = true;
      cancelTimer();
      stopBeat();
    };
  }

  /** Stops polling (in-flight work finishes; see `idle`). */
  stop(): void {
    this.stopPolling?.();
    this.stopPolling = undefined;
  }

  /**
   * Stops this worker for good: no new work is taken, answers of calls still in flight are dropped
   * (the instance's next owner issues them again, marked as retries). Await `idle()` before closing the store.
   */
  shutdown(): void {
    this.stop();
    this.exec.shutdown();
  }

  /**
   * How busy this worker is: `pending` counts queued or running work (calls included), `calls` the
   * invocations waiting for an answer. Tests use it to settle while a stub holds calls open.
   */
  load(): { pending: number; calls: number } {
    return this.exec.load();
  }

  /** Resolves once this worker has no step queued and no call in flight. */
  idle(): Promise<void> {
    return this.exec.idle();
  }

  /**
   * After a restart of this worker: instances it still holds are claimed again, so calls they had in
   * flight are issued again. (Instances of a dead worker are taken over by `tick` once the lease expires.)
   */
  async recover(): Promise<number> {
    return this.exec.recoverHeld();
  }

  get(instanceId: string): Promise<InstanceState | undefined> {
    return this.opts.store.get(instanceId);
  }

  summary(instanceId: string): Promise<InstanceSummary | undefined> {
    return this.opts.store.summary(instanceId);
  }

  query(q: InstanceQuery): Promise<InstancePage> {
    return this.opts.store.query(q);
  }

  history(instanceId: string, after?: number, limit?: number): Promise<StoredHistoryEntry[]> {
    return this.opts.store.history(instanceId, after, limit);
  }

  /** Deletes finished instances that ended more than `retentionMs` ago; returns how many. */
  purge(retentionMs: number): Promise<number> {
    return this.opts.store.purge(this.opts.clock.now() - retentionMs);
  }

  private async requireInstance(id: string): Promise<InstanceState> {
    const s = await this.opts.store.get(id);
    if (!s) throw new WorkflowError({ code: 'INSTANCE_NOT_FOUND', message: `no instance ${id}`, retryable: false });
    return s;
  }

  private async requireActive(id: string, what: string): Promise<InstanceState> {
    const s = await this.requireInstance(id);
    if (isFinished(s)) throw conflict(id, `has ended (${s.status}); cannot ${what} it`);
    return s;
  }
}

function conflict(id: string, why: string): WorkflowError {
  return new WorkflowError({ code: 'INSTANCE_CONFLICT', message: `instance ${id} ${why}`, retryable: false });
}
