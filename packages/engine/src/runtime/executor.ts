/**
 * The worker behind Runtime: claims instances from the store, applies their triggers one step at a
 * time, commits each step, and carries out the commands. One mailbox per instance keeps its work
 * in order; calls in flight keep the instance's lease alive through heartbeats.
 */
import { WorkflowError, toWorkflowError } from '../errors/workflow-error.js';
import { buildSecretVariable, buildSecretsVariable } from '../expr/secrets.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import { triggers, type Command, type Trigger } from '../interpret/commands.js';
import type { InstanceState } from '../interpret/instance-state.js';
import { step } from '../interpret/step.js';
import type { StepEnv } from '../interpret/step-context.js';
import type { Json } from '../model/json.js';
import type { Clock } from '../ports/clock.js';
import type { InstanceStore } from '../ports/instance-store.js';
import type { Invoker, Logger } from '../ports/invoker.js';
import type { CredentialSource, RuntimeObserver } from '../ports/observer.js';
import type { Scheduler } from '../ports/scheduler.js';
import type { EventSink, WorkflowCatalog, WorkflowRegistration } from '../ports/workflows.js';
import { checkSchema } from './schema-check.js';
import { isFinished } from './store-rules.js';

/** What the executor needs. @internal */
export interface ExecutorOptions {
  readonly store: InstanceStore;
  readonly clock: Clock;
  readonly catalog: WorkflowCatalog;
  readonly invokers: readonly Invoker[];
  readonly log: Logger;
  readonly events?: EventSink;
  readonly observer?: RuntimeObserver;
  readonly credentials?: CredentialSource;
  readonly worker: string;
  readonly leaseMs: number;
  readonly startChild: (workflowId: string, input: Json, opts: { version?: string; parent?: { instanceId: string; callId: string } }) => Promise<string>;
}

/** @internal */
export class Executor {
  private readonly mailboxes = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Invocations waiting for an invoker's answer. */
  private callsInFlight = 0;
  private readonly aborts = new Map<string, AbortController>();
  /**
   * Calls issued here (`<instance>/<callId>`) whose outcome has not been applied yet. A call in an
   * instance's state that is not here (nor a subflow being started here) is an orphan: the worker
   * that issued it died or lost the lease, and its answer will never be applied.
   */
  private readonly local = new Set<string>();
  /** Instances with synchronous calls in flight here, and how many. */
  private readonly calling = new Map<string, number>();
  private readonly invokers = new Map<string, Invoker>();
  private readonly envs = new WeakMap<WorkflowRegistration, StepEnv>();
  private outboxChain: Promise<void> = Promise.resolve();
  /** Subflow starts issued here and not yet stored, by `<parent>/<callId>`: a cancel waits for them. */
  private readonly starting = new Map<string, Promise<unknown>>();

  constructor(private readonly o: ExecutorOptions) {
    for (const inv of o.invokers) {
      if (this.invokers.has(inv.key)) throw new WorkflowError({ code: 'INVOKER_CONFLICT', message: `two invokers for ${inv.key}` });
      this.invokers.set(inv.key, inv);
    }
  }

  /** Set by `shutdown`: no new work starts, and answers of calls still in flight are dropped. */
  private closing = false;

  /** Stops taking work; what is running finishes (see `idle`). Dropped call answers are repeated by the next owner. */
  shutdown(): void {
    this.closing = true;
  }

  /** Works on `id` here if this worker can claim it. */
  poke(id: string): void {
    if (this.closing) return;
    this.track(this.enqueueWork(id, () => this.work(id)));
  }

  async tick(limit: number): Promise<number> {
    if (this.closing) return 0;
    const claimed = await this.o.store.claimDue(this.o.worker, this.o.clock.now(), this.o.leaseMs, limit);
    for (const c of claimed) {
      const id = c.state.id;
      // Re-read inside the mailbox: this claim was read concurrently with work already running
      // here for the same instance, and applying triggers to a state older than its last commit
      // would undo that commit.
      this.track(this.enqueueWork(id, () => this.work(id)));
    }
    return claimed.length;
  }

  /** Work queued or running here, and how much of it is invocations waiting for an answer. */
  load(): { pending: number; calls: number } {
    return { pending: this.inflight.size + this.mailboxes.size, calls: this.callsInFlight };
  }

  async idle(): Promise<void> {
    while (this.inflight.size > 0 || this.mailboxes.size > 0) {
      await Promise.all([...this.inflight, ...this.mailboxes.values()]);
    }
    await this.outboxChain;
  }

  /** Keeps the leases of instances with calls in flight alive; returns a stop function. */
  runHeartbeat(scheduler: Scheduler): () => void {
    let stop = false;
    let cancel = (): void => undefined;
    const beat = (): void => {
      if (stop) return;
      const ids = [...this.calling.keys()];
      const p = ids.length === 0 ? Promise.resolve([]) : this.o.store.heartbeat(this.o.worker, ids, this.o.clock.now() + this.o.leaseMs);
      void p
        .then((lost) => {
          for (const id of lost) this.abortInstance(id, 'lease lost');
        })
        .catch((err: unknown) => this.o.log.log('warn', `heartbeat failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          if (!stop) cancel = scheduler.after(Math.max(50, Math.floor(this.o.leaseMs / 3)), beat);
        });
    };
    cancel = scheduler.after(Math.floor(this.o.leaseMs / 3), beat);
    return () => {
      stop = true;
      cancel();
    };
  }

  /** Claims every active instance this worker may take and recovers calls it had in flight. */
  async recoverHeld(): Promise<number> {
    let n = 0;
    let cursor: string | undefined;
    do {
      const page = await this.o.store.query({ status: ['running'], limit: 500, ...(cursor ? { cursor } : {}) });
      for (const s of page.items) {
        n += 1;
        this.track(this.enqueueWork(s.id, () => this.work(s.id)));
      }
      cursor = page.next;
    } while (cursor);
    return n;
  }

  private track(p: Promise<unknown>): void {
    const t: Promise<unknown> = p
      .catch((err: unknown) => this.o.log.log('error', `worker ${this.o.worker}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => this.inflight.delete(t));
    this.inflight.add(t);
  }

  private enqueueWork(id: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.mailboxes.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.mailboxes.set(id, next);
    void next.then(
      () => this.mailboxes.get(id) === next && this.mailboxes.delete(id),
      () => this.mailboxes.get(id) === next && this.mailboxes.delete(id),
    );
    return next;
  }

  /** Claims `id` and applies `first`, its inbox and its due timers. */
  private async work(id: string, first?: Trigger): Promise<void> {
    const c = await this.o.store.claim(id, this.o.worker, this.o.clock.now(), this.o.leaseMs);
    if (!c) return;
    let state: InstanceState | undefined = c.state;
    // The revision each commit of this claim is computed from (one more after every commit).
    const rev = { n: c.revision };
    let applied = false;
    const answering = first && (first.type === 'call.ok' || first.type === 'call.failed') ? first.callId : undefined;
    const orphans = Object.entries(state.calls).filter(
      ([callId, call]) =>
        call.kind !== 'event' && callId !== answering && !this.local.has(`${id}/${callId}`) && !this.starting.has(`${id}/${callId}`),
    );
    if (orphans.length > 0) {
      const live = orphans.some(([, call]) => call.kind === 'subflow') ? await this.liveChildCalls(id) : [];
      state = await this.apply(state, triggers.recover(live), [], rev);
      applied = true;
    }
    if (state && first) {
      state = await this.apply(state, first, [], rev);
      applied = true;
    }
    for (const e of c.inbox) {
      if (!state) return;
      // An entry at or below inboxSeen was applied already (a claim can read the inbox from a
      // snapshot older than the state it returns): only delete it.
      state = await this.apply(state, e.id <= (state.inboxSeen ?? 0) ? null : e.trigger, [e.id], rev);
      applied = true;
    }
    for (const timerId of c.dueTimers) {
      if (!state) return;
      if (!(timerId in state.timers)) continue;
      state = await this.apply(state, triggers.timerFired(timerId), [], rev);
      applied = true;
    }
    if (!state || applied) return;
    // Nothing to do: let go of it, or, with calls still in flight here, keep the lease alive.
    if (this.calling.has(id)) await this.o.store.heartbeat(this.o.worker, [id], this.o.clock.now() + this.o.leaseMs);
    else await this.o.store.release(id, this.o.worker);
  }

  private async liveChildCalls(parentId: string): Promise<string[]> {
    const live: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.o.store.query({ parentId, limit: 500, ...(cursor ? { cursor } : {}) });
      for (const child of page.items) {
        const s = await this.o.store.get(child.id);
        if (s?.parent) live.push(s.parent.callId);
      }
      cursor = page.next;
    } while (cursor);
    return live;
  }

  private env(reg: WorkflowRegistration): StepEnv {
    let env = this.envs.get(reg);
    if (!env) {
      env = { secret: buildSecretVariable(reg.config), secrets: buildSecretsVariable(reg.def.secretNames, reg.config) };
      this.envs.set(reg, env);
    }
    return env;
  }

  /**
   * One step: apply, commit, carry out. Returns the new state, or undefined when the lease was lost.
   * A null trigger only deletes the consumed inbox entries.
   */
  private async apply(state: InstanceState, trigger: Trigger | null, consumed: number[], rev: { n: number }): Promise<InstanceState | undefined> {
    const reg = this.o.catalog.get(state.workflowId, state.workflowVersion) ?? this.o.catalog.get(state.workflowId);
    if (!reg) throw new WorkflowError({ code: 'WORKFLOW_NOT_FOUND', message: `instance ${state.id} needs workflow ${state.workflowId}, which is not deployed here` });
    const now = this.o.clock.now();
    if (trigger?.type === 'timer.fired' && this.o.observer?.timerFired) {
      const due = state.timers[trigger.timerId]?.dueAt;
      if (due !== undefined) this.o.observer.timerFired({ workflowId: state.workflowId, lateMs: Math.max(0, now - due) });
    }
    const r = trigger ? step(reg.def, state, trigger, { now, env: this.env(reg) }) : { state: structuredClone(state), commands: [], history: [] };
    if (consumed.length > 0) r.state.inboxSeen = Math.max(r.state.inboxSeen ?? 0, ...consumed);
    const ended = isFinished(r.state) && !isFinished(state);
    const out = reg.def.outputSchema;
    if (ended && out && r.state.status === 'completed') {
      const violations = checkSchema(out, r.state.output ?? null);
      if (violations.length > 0 && out.failOnValidationErrors) {
        r.state.status = 'faulted';
        r.state.error = { code: 'OUTPUT_INVALID', name: 'OutputInvalid', message: `output does not match ${out.uri}: ${violations.map((v) => `${v.pointer} ${v.message}`).join('; ')}` };
        r.history.push({ at: now, type: 'instance.faulted', data: r.state.error as unknown as Json });
      }
    }
    if (r.history.length === 0 && r.commands.length === 0 && consumed.length === 0) return r.state;
    for (const h of r.history) h.worker = this.o.worker;
    const outbox = r.commands.flatMap((c) => (c.type === 'event.emit' ? [c.event] : []));
    const parent = ended ? r.state.parent : undefined;
    const enqueue = parent ? [{ instanceId: parent.instanceId, trigger: childOutcome(r.state) }] : [];
    const calling = Object.values(r.state.calls).some((c) => c.kind === 'function' || c.kind === 'subflow');
    try {
      await this.o.store.commit(r.state, r.history, {
        worker: this.o.worker,
        now,
        consumed,
        outbox,
        enqueue,
        revision: rev.n,
        ...(calling ? { keepLeaseMs: this.o.leaseMs } : {}),
      });
      rev.n += 1;
    } catch (err) {
      const e = toWorkflowError(err);
      if (e.code !== 'LEASE_LOST') throw err;
      this.o.log.log('warn', `instance ${state.id}: ${e.message}; another worker has it`);
      this.abortInstance(state.id, 'lease lost');
      return undefined;
    }
    this.o.observer?.stepCommitted?.(r.state, r.history);
    for (const cmd of r.commands) this.execute(reg, r.state, cmd);
    if (parent) this.poke(parent.instanceId);
    if (outbox.length > 0) this.flushOutbox();
    return r.state;
  }

  private execute(reg: WorkflowRegistration, state: InstanceState, cmd: Command): void {
    switch (cmd.type) {
      case 'invoke':
        return this.track(this.invoke(reg, state, cmd));
      case 'call.cancel':
        this.aborts.get(`${state.id}/${cmd.callId}`)?.abort();
        return;
      case 'subflow.start': {
        const key = `${state.id}/${cmd.callId}`;
        const started = this.o
          .startChild(cmd.workflowId, cmd.input, { ...(cmd.version ? { version: cmd.version } : {}), parent: { instanceId: state.id, callId: cmd.callId } })
          .then(
            () => this.starting.delete(key),
            (err: unknown) => {
              // The child could not start: answer the parent's call directly (still "starting" until
              // then, so it is not taken for an orphan and issued again).
              const e = toWorkflowError(err);
              const failed = triggers.callFailed(cmd.callId, { code: 'SUBFLOW_FAILED', name: 'SubflowFailed', message: e.message });
              return this.enqueueWork(state.id, async () => {
                this.starting.delete(key);
                if (!this.closing) await this.work(state.id, failed);
              });
            },
          );
        this.starting.set(key, started);
        return this.track(started);
      }
      case 'subflow.cancel':
        return this.track(this.cancelChild(state.id, cmd.callId));
      case 'instance.continue-as':
        return this.track(this.o.startChild(cmd.workflowId, cmd.input, cmd.version ? { version: cmd.version } : {}));
      case 'event.emit':
      case 'timer.start':
      case 'timer.cancel':
      case 'instance.ended':
        return;
    }
  }

  private async cancelChild(parentId: string, callId: string): Promise<void> {
    await this.starting.get(`${parentId}/${callId}`);
    const page = await this.o.store.query({ parentId, status: ['running', 'waiting', 'suspended'], limit: 500 });
    for (const child of page.items) {
      const s = await this.o.store.get(child.id);
      if (s?.parent?.callId !== callId) continue;
      await this.o.store.enqueue(child.id, triggers.cancel('parent ended'), this.o.clock.now());
      this.poke(child.id);
    }
  }

  private async invoke(reg: WorkflowRegistration, state: InstanceState, cmd: Extract<Command, { type: 'invoke' }>): Promise<void> {
    const fn = reg.def.functions.get(cmd.fn)!;
    const invoker = this.invokers.get(fn.invoker);
    const key = `${state.id}/${cmd.callId}`;
    const abort = new AbortController();
    this.aborts.set(key, abort);
    if (!cmd.async) {
      this.local.add(key);
      this.calling.set(state.id, (this.calling.get(state.id) ?? 0) + 1);
    }
    let outcome: Trigger;
    this.callsInFlight += 1;
    const began = this.o.clock.now();
    let ok = false;
    try {
      if (!invoker) throw new WorkflowError({ code: 'INVOKER_NOT_FOUND', message: `no invoker for ${fn.invoker} (function ${fn.name})` });
      const result = await invoker.invoke({
        instanceId: state.id,
        workflowId: state.workflowId,
        callId: cmd.callId,
        attempt: cmd.attempt,
        fn,
        args: cmd.args,
        config: reg.config,
        signal: abort.signal,
        log: withFields(this.o.log, { instanceId: state.id, workflowId: state.workflowId, callId: cmd.callId }),
        ...(this.credentialsFor(state.id) ?? {}),
      });
      ok = true;
      outcome = triggers.callOk(cmd.callId, {
        body: result.body ?? null,
        ...(result.status !== undefined ? { status: result.status } : {}),
        ...(result.headers ? { headers: { ...result.headers } } : {}),
      });
    } catch (err) {
      const e = toWorkflowError(err);
      if (cmd.async) this.o.log.log('warn', `async call ${fn.name} failed: ${e.message}`, { instanceId: state.id });
      outcome = triggers.callFailed(cmd.callId, e.toInfo());
    } finally {
      this.aborts.delete(key);
      this.callsInFlight -= 1;
      this.o.observer?.callFinished?.({ workflowId: state.workflowId, fn: fn.name, invoker: fn.invoker, ms: this.o.clock.now() - began, ok });
    }
    if (cmd.async) return;
    const aborted = abort.signal.aborted;
    if (this.closing) {
      this.local.delete(key);
      return;
    }
    await this.enqueueWork(state.id, async () => {
      this.local.delete(key);
      const left = (this.calling.get(state.id) ?? 1) - 1;
      if (left > 0) this.calling.set(state.id, left);
      else this.calling.delete(state.id);
      if (!aborted) await this.work(state.id, outcome);
    });
  }

  private credentialsFor(instanceId: string): { credentials: Readonly<Record<string, string>> } | undefined {
    const c = this.o.credentials?.forInstance(instanceId);
    return c ? { credentials: c } : undefined;
  }

  private abortInstance(id: string, why: string): void {
    for (const [key, ctrl] of this.aborts) if (key.startsWith(`${id}/`)) ctrl.abort(new Error(why));
  }

  private flushOutbox(): void {
    this.outboxChain = this.outboxChain.then(() => this.publishOutbox()).catch((err: unknown) => {
      this.o.log.log('warn', `publishing produced events failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.track(this.outboxChain);
  }

  /** Publishes outbox events oldest first; stops at the first failure (they stay for the next try). */
  private async publishOutbox(): Promise<void> {
    for (;;) {
      const batch = await this.o.store.takeOutbox(100);
      if (batch.length === 0) return;
      for (const e of batch) {
        try {
          await this.o.events?.publish(e.event as CloudEvent);
        } catch (err) {
          this.o.log.log('warn', `publishing event ${e.event.id} failed: ${err instanceof Error ? err.message : String(err)}`);
          return;
        }
      }
      await this.o.store.markPublished(batch.map((e) => e.id));
    }
  }
}

/** A logger that adds `fields` to every line (an invoker's lines then name their instance). */
function withFields(log: Logger, fields: Readonly<Record<string, Json>>): Logger {
  return { log: (level, message, more) => log.log(level, message, { ...fields, ...more }) };
}

/** The trigger a finished subflow sends its parent. */
function childOutcome(child: InstanceState): Trigger {
  const callId = child.parent!.callId;
  if (child.status === 'completed') return triggers.callOk(callId, { body: child.output ?? null });
  return triggers.callFailed(callId, {
    code: 'SUBFLOW_FAILED',
    name: 'SubflowFailed',
    message: `subflow ${child.workflowId} (${child.id}) ${child.status}: ${child.error?.message ?? ''}`.trim(),
    details: { instanceId: child.id, error: (child.error ?? null) as unknown as Json },
  });
}
