/**
 * CloudEvents in and out: matching a received event to an event definition (type, source,
 * correlation), handing it to the thread that waits for it (or keeping it in the inbox), and
 * producing events.
 */
import type { EventDef, ProduceEventDef, WorkflowDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import type { CloudEvent } from './cloud-event.js';
import { evalTemplate } from './evaluate.js';
import type { InstanceState, Thread } from './instance-state.js';
import type { StepContext } from './step-context.js';

/** Most events kept for threads that do not wait yet; older ones are dropped (and recorded). */
export const INBOX_LIMIT = 100;

/**
 * True when `ce` is an occurrence of `def`: same `type`, same `source` when the definition names one,
 * and every correlation attribute present, equal to the definition's fixed value and to the value the
 * instance already correlated on.
 */
export function eventMatches(def: EventDef, ce: CloudEvent, correlation: Readonly<Record<string, string>>): boolean {
  if (def.kind !== 'consumed' || ce.type !== def.type) return false;
  if (def.source && ce.source !== def.source) return false;
  for (const c of def.correlation) {
    const v = ce[c.contextAttributeName];
    if (v === undefined || v === null) return false;
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    if (c.contextAttributeValue !== undefined && text !== c.contextAttributeValue) return false;
    const fixed = correlation[c.contextAttributeName];
    if (fixed !== undefined && fixed !== text) return false;
  }
  return true;
}

/**
 * The correlation an instance started by `ce` has from the start: the values of the start state's
 * events that `ce` is an occurrence of. Fixed when the instance is created (not when its first step
 * consumes the event), so that a second start event with other values, arriving before that step,
 * starts its own instance instead of being routed to this one.
 */
export function startCorrelation(wf: WorkflowDef, ce: CloudEvent): Record<string, string> {
  const first = wf.states.get(wf.start);
  const out: Record<string, string> = {};
  if (first?.type !== 'event') return out;
  for (const ref of first.onEvents.flatMap((o) => o.eventRefs)) {
    const def = wf.events.get(ref);
    if (!def || !eventMatches(def, ce, {})) continue;
    for (const c of def.correlation) {
      const v = ce[c.contextAttributeName];
      if (v !== undefined && v !== null) out[c.contextAttributeName] = typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  return out;
}

/** Records the correlation values of a consumed event on the instance. */
function correlate(s: InstanceState, def: EventDef, ce: CloudEvent): void {
  for (const c of def.correlation) {
    const v = ce[c.contextAttributeName];
    if (v !== undefined && v !== null) s.correlation[c.contextAttributeName] = typeof v === 'string' ? v : JSON.stringify(v);
  }
}

/** The payload an event filter sees: `data` (dataOnly, the default) or the whole event. */
export function eventPayload(def: EventDef, ce: CloudEvent): Json {
  if (def.dataOnly) return ce.data ?? null;
  return JSON.parse(JSON.stringify(ce)) as Json;
}

/** Tries to hand `ce` to the thread `t` if it waits for it. */
function offer(ctx: StepContext, t: Thread, ce: CloudEvent): boolean {
  const stage = t.stage;
  if (stage.kind === 'wait-event') {
    for (const ref of stage.refs) {
      if (ref in stage.got) continue;
      const def = ctx.def.events.get(ref);
      if (def && eventMatches(def, ce, ctx.s.correlation)) {
        correlate(ctx.s, def, ce);
        stage.got[ref] = eventPayload(def, ce);
        ctx.wake(t.id);
        return true;
      }
    }
  }
  const callId = t.acts?.call;
  const call = callId ? ctx.s.calls[callId] : undefined;
  if (callId && call?.kind === 'event') {
    const def = ctx.def.events.get(call.name);
    if (def && eventMatches(def, ce, ctx.s.correlation)) {
      correlate(ctx.s, def, ce);
      delete ctx.s.calls[callId];
      const acts = t.acts!;
      acts.call = undefined;
      ctx.cancelTimer(acts.actionTimer);
      acts.actionTimer = undefined;
      acts.result = eventPayload(def, ce);
      acts.phase = 'got';
      ctx.wake(t.id);
      return true;
    }
  }
  return false;
}

/** Delivers a received event: to the first waiting thread that wants it, else to the inbox. */
export function deliverEvent(ctx: StepContext, ce: CloudEvent): void {
  ctx.record('event.received', { data: { id: ce.id, type: ce.type, source: ce.source } });
  for (const t of Object.values(ctx.s.threads)) if (offer(ctx, t, ce)) return;
  ctx.s.inbox.push(ce);
  if (ctx.s.inbox.length > INBOX_LIMIT) ctx.s.inbox.shift();
}

/** A thread just started waiting: give it the oldest matching event from the inbox, if any. */
export function drainInbox(ctx: StepContext, t: Thread): void {
  const inbox = ctx.s.inbox;
  for (let i = 0; i < inbox.length; i++) {
    if (offer(ctx, t, inbox[i]!)) {
      inbox.splice(i, 1);
      i -= 1;
      if (t.stage.kind !== 'wait-event' || t.stage.refs.every((r) => r in (t.stage as { got: object }).got)) return;
    }
  }
}

/** Produces the events of a transition or end (or an `eventRef` action's trigger event). */
export function produceEvent(ctx: StepContext, t: Thread, p: ProduceEventDef): void {
  const def = ctx.def.events.get(p.eventRef);
  if (!def) return;
  const data = p.data ? evalTemplate(p.data, t.data, ctx.vars(t)) : t.data;
  const event: CloudEvent = {
    specversion: '1.0',
    id: `${ctx.s.id}-${ctx.newId('e')}`,
    source: def.source || `/process/${ctx.def.id}`,
    type: def.type,
    time: new Date(ctx.now).toISOString(),
    datacontenttype: 'application/json',
    data,
    kogitoprocinstanceid: ctx.s.id,
    kogitoprocid: ctx.def.id,
    kogitoproctype: 'SW',
    ...ctx.s.correlation,
    ...p.contextAttributes,
  };
  ctx.record('event.produced', { state: t.state, data: { type: event.type, id: event.id } });
  ctx.commands.push({ type: 'event.emit', event });
}
