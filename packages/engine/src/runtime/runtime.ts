/**
 * The runtime carries out the interpreter's commands: it loads an instance, steps it, saves state
 * and history, then calls invokers, records timers, emits events and starts subflows. Triggers for
 * one instance are handled one at a time, in arrival order (a per-instance mailbox).
 */
import { WorkflowError, toWorkflowError } from '../errors/workflow-error.js';
import { buildSecretVariable, buildSecretsVariable } from '../expr/secrets.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import { triggers, type Command, type Trigger } from '../interpret/commands.js';
import type { InstanceState } from '../interpret/instance-state.js';
import { newInstance, step } from '../interpret/step.js';
import type { StepEnv } from '../interpret/step-context.js';
import type { Json } from '../model/json.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { InstanceStore } from '../ports/instance-store.js';
import type { Invoker, Logger } from '../ports/invoker.js';
import type { EventSink, WorkflowCatalog, WorkflowRegistration } from '../ports/workflows.js';
import { routeEvent } from './routing.js';
import { checkSchema } from './schema-check.js';

export interface RuntimeOptions {
  readonly store: InstanceStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly catalog: WorkflowCatalog;
  readonly invokers: readonly Invoker[];
  readonly log: Logger;
  readonly events?: EventSink;
}

export interface StartOptions {
  readonly version?: string;
  readonly instanceId?: string;
  readonly event?: CloudEvent;
  readonly parent?: { instanceId: string; callId: string };
  /** Request headers for `$WORKFLOW.headers` (the host strips credentials first). */
  readonly headers?: Record<string, string>;
}

/**
 * Runs instances of the workflows in a catalog.
 *
 * @example
 *   const rt = new Runtime({ store, clock, ids, catalog, invokers: createDefaultInvokers(), log });
 *   const id = await rt.start('greeting', { name: 'Ada' });
 *   await rt.idle();
 */
export class Runtime {
  private readonly mailboxes = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly invokers = new Map<string, Invoker>();
  private readonly envs = new WeakMap<WorkflowRegistration, StepEnv>();

  constructor(private readonly opts: RuntimeOptions) {
    for (const inv of opts.invokers) {
      if (this.invokers.has(inv.key)) throw new WorkflowError({ code: 'INVOKER_CONFLICT', message: `two invokers for ${inv.key}` });
      this.invokers.set(inv.key, inv);
    }
  }

  /** Starts an instance; resolves with its id once the first step is saved. Throws INPUT_INVALID or WORKFLOW_NOT_FOUND. */
  async start(workflowId: string, input: Json, opts: StartOptions = {}): Promise<string> {
    const reg = this.opts.catalog.get(workflowId, opts.version);
    if (!reg) throw new WorkflowError({ code: 'WORKFLOW_NOT_FOUND', message: `no workflow ${workflowId}${opts.version ? ` version ${opts.version}` : ''}` });
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
    const state = newInstance({ id, def: reg.def, now: this.opts.clock.now(), ...(opts.parent ? { parent: opts.parent } : {}) });
    await this.opts.store.create(state, []);
    await this.send(id, triggers.start(input, opts.event, opts.headers));
    return id;
  }

  /** Queues a trigger for an instance; resolves when it has been applied and saved. */
  send(instanceId: string, trigger: Trigger): Promise<void> {
    const prev = this.mailboxes.get(instanceId) ?? Promise.resolve();
    const next = prev.then(() => this.process(instanceId, trigger));
    const tracked = next.catch((err: unknown) => {
      this.opts.log.log('error', `instance ${instanceId}: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.mailboxes.set(instanceId, tracked);
    void tracked.then(() => {
      if (this.mailboxes.get(instanceId) === tracked) this.mailboxes.delete(instanceId);
    });
    return next;
  }

  /** Cancels an instance (and the subflows that end with it). */
  cancel(instanceId: string, reason = 'cancelled'): Promise<void> {
    return this.send(instanceId, triggers.cancel(reason));
  }

  /** Fires every timer due now; returns how many were due. */
  async fireDueTimers(): Promise<number> {
    const due = await this.opts.store.dueTimers(this.opts.clock.now());
    await Promise.all(due.map((d) => this.send(d.instanceId, triggers.timerFired(d.timerId))));
    return due.length;
  }

  /**
   * After a restart: every active instance issues again the calls that were in flight (at-least-once)
   * and starts subflows whose child never got created. Returns how many instances were recovered.
   */
  async recover(): Promise<number> {
    const active = await this.opts.store.list({ status: ['running', 'waiting'] });
    const live = new Set(active.filter((s) => s.parent).map((s) => `${s.parent!.instanceId}/${s.parent!.callId}`));
    const ended = await this.opts.store.list({ status: ['completed', 'faulted', 'cancelled'] });
    for (const s of ended) if (s.parent) live.add(`${s.parent.instanceId}/${s.parent.callId}`);
    const pending = active.filter((s) => Object.keys(s.calls).length > 0);
    await Promise.all(
      pending.map((s) => this.send(s.id, triggers.recover(Object.keys(s.calls).filter((c) => live.has(`${s.id}/${c}`))))),
    );
    for (const s of ended) {
      if (s.parent) await this.notifyParentIfWaiting(s);
    }
    return pending.length;
  }

  private async notifyParentIfWaiting(child: InstanceState): Promise<void> {
    const parent = await this.opts.store.get(child.parent!.instanceId);
    if (parent && parent.calls[child.parent!.callId]) this.notifyParent(child);
  }

  /** Delivers an incoming CloudEvent to waiting instances and starts instances it starts. */
  async publishEvent(event: CloudEvent): Promise<{ delivered: string[]; started: string[] }> {
    const route = await routeEvent(this.opts.store, this.opts.catalog, event);
    await Promise.all(route.deliver.map((id) => this.send(id, triggers.event(event))));
    const started: string[] = [];
    for (const wf of route.start) started.push(await this.start(wf, {}, { event }));
    return { delivered: route.deliver, started };
  }

  /** Resolves once no call is in flight and no trigger is queued. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0 || this.mailboxes.size > 0) {
      await Promise.all([...this.inflight, ...this.mailboxes.values()]);
    }
  }

  get(instanceId: string): Promise<InstanceState | undefined> {
    return this.opts.store.get(instanceId);
  }

  private env(reg: WorkflowRegistration): StepEnv {
    let env = this.envs.get(reg);
    if (!env) {
      env = { secret: buildSecretVariable(reg.config), secrets: buildSecretsVariable(reg.def.secretNames, reg.config) };
      this.envs.set(reg, env);
    }
    return env;
  }

  private async process(instanceId: string, trigger: Trigger): Promise<void> {
    const state = await this.opts.store.get(instanceId);
    if (!state) return;
    const reg = this.opts.catalog.get(state.workflowId, state.workflowVersion) ?? this.opts.catalog.get(state.workflowId);
    if (!reg) throw new WorkflowError({ code: 'WORKFLOW_NOT_FOUND', message: `instance ${instanceId} needs workflow ${state.workflowId}, which is not deployed` });
    const r = step(reg.def, state, trigger, { now: this.opts.clock.now(), env: this.env(reg) });
    const out = reg.def.outputSchema;
    if (out && r.state.status === 'completed' && state.status !== 'completed') {
      const violations = checkSchema(out, r.state.output ?? null);
      if (violations.length > 0 && out.failOnValidationErrors) {
        r.state.status = 'faulted';
        r.state.error = { code: 'OUTPUT_INVALID', name: 'OutputInvalid', message: `output does not match ${out.uri}: ${violations.map((v) => `${v.pointer} ${v.message}`).join('; ')}` };
        r.history.push({ at: this.opts.clock.now(), type: 'instance.faulted', data: r.state.error as unknown as Json });
      }
    }
    await this.opts.store.save(r.state, r.history);
    for (const cmd of r.commands) this.execute(reg, r.state, cmd);
    const ended = r.state.status === 'completed' || r.state.status === 'faulted' || r.state.status === 'cancelled';
    const wasEnded = state.status === 'completed' || state.status === 'faulted' || state.status === 'cancelled';
    if (ended && !wasEnded && r.state.parent) this.notifyParent(r.state);
  }

  private notifyParent(child: InstanceState): void {
    const { instanceId, callId } = child.parent!;
    const trigger =
      child.status === 'completed'
        ? triggers.callOk(callId, { body: child.output ?? null })
        : triggers.callFailed(callId, {
            code: 'SUBFLOW_FAILED',
            name: 'SubflowFailed',
            message: `subflow ${child.workflowId} (${child.id}) ${child.status}: ${child.error?.message ?? ''}`.trim(),
            details: { instanceId: child.id, error: (child.error ?? null) as unknown as Json },
          });
    this.track(this.send(instanceId, trigger));
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch(() => undefined).finally(() => this.inflight.delete(t));
    this.inflight.add(t);
  }

  private execute(reg: WorkflowRegistration, state: InstanceState, cmd: Command): void {
    switch (cmd.type) {
      case 'invoke':
        return this.track(this.invoke(reg, state, cmd));
      case 'call.cancel':
        this.aborts.get(`${state.id}/${cmd.callId}`)?.abort();
        return;
      case 'event.emit':
        if (this.opts.events) this.track(this.opts.events.publish(cmd.event));
        return;
      case 'subflow.start':
        return this.track(
          this.start(cmd.workflowId, cmd.input, { ...(cmd.version ? { version: cmd.version } : {}), parent: { instanceId: state.id, callId: cmd.callId } }).catch((err: unknown) => {
            const e = toWorkflowError(err);
            return this.send(state.id, triggers.callFailed(cmd.callId, { code: 'SUBFLOW_FAILED', name: 'SubflowFailed', message: e.message }));
          }),
        );
      case 'subflow.cancel':
        return this.track(this.cancelChild(state.id, cmd.callId));
      case 'instance.continue-as':
        return this.track(this.start(cmd.workflowId, cmd.input, cmd.version ? { version: cmd.version } : {}));
      case 'timer.start':
      case 'timer.cancel':
      case 'instance.ended':
        return;
    }
  }

  private async cancelChild(parentId: string, callId: string): Promise<void> {
    const active = await this.opts.store.list({ status: ['running', 'waiting'] });
    for (const s of active) if (s.parent?.instanceId === parentId && s.parent.callId === callId) await this.cancel(s.id, 'parent ended');
  }

  private async invoke(reg: WorkflowRegistration, state: InstanceState, cmd: Extract<Command, { type: 'invoke' }>): Promise<void> {
    const fn = reg.def.functions.get(cmd.fn)!;
    const invoker = this.invokers.get(fn.invoker);
    const key = `${state.id}/${cmd.callId}`;
    const abort = new AbortController();
    this.aborts.set(key, abort);
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
        log: this.opts.log,
      });
      if (!cmd.async) {
        await this.send(
          state.id,
          triggers.callOk(cmd.callId, {
            body: result.body ?? null,
            ...(result.status !== undefined ? { status: result.status } : {}),
            ...(result.headers ? { headers: { ...result.headers } } : {}),
          }),
        );
      }
    } catch (err) {
      const e = toWorkflowError(err);
      if (cmd.async) this.opts.log.log('warn', `async call ${fn.name} failed: ${e.message}`, { instanceId: state.id });
      else await this.send(state.id, triggers.callFailed(cmd.callId, { ...e.toInfo(), ...(e.status !== undefined ? { code: e.code } : {}) }));
    } finally {
      this.aborts.delete(key);
    }
  }
}
