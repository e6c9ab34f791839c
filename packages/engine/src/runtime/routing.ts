/**
 * Which instances an incoming CloudEvent goes to: the one named by the `kogitoprocrefid` extension
 * (SonataFlow's convention), else every active instance whose definition consumes that event and
 * whose correlation fits; and, when no instance took it, which workflows it starts (event start states).
 */
import { eventMatches } from '../interpret/events.js';
import type { CloudEvent } from '../interpret/cloud-event.js';
import type { InstanceState } from '../interpret/instance-state.js';
import type { InstanceStore } from '../ports/instance-store.js';
import type { WorkflowCatalog } from '../ports/workflows.js';

/** Instances to deliver to and workflow ids to start. */
export async function routeEvent(
  store: InstanceStore,
  catalog: WorkflowCatalog,
  event: CloudEvent,
): Promise<{ deliver: string[]; start: string[] }> {
  const target = event.kogitoprocrefid;
  if (typeof target === 'string' && target !== '') {
    const s = await store.get(target);
    return { deliver: s && (s.status === 'running' || s.status === 'waiting') ? [s.id] : [], start: [] };
  }
  const deliver: string[] = [];
  for await (const s of activeInstances(store)) {
    const reg = catalog.get(s.workflowId, s.workflowVersion) ?? catalog.get(s.workflowId);
    if (!reg) continue;
    const waiting = waitedRefs(s);
    for (const def of reg.def.events.values()) {
      // Uncorrelated events go only to instances waiting for them now; correlated ones may be buffered.
      if ((def.correlation.length > 0 || waiting.has(def.name)) && eventMatches(def, event, s.correlation)) {
        deliver.push(s.id);
        break;
      }
    }
  }
  const start: string[] = [];
  // An event that correlates to a running instance belongs to it; only an unclaimed one starts a new run.
  if (deliver.length > 0) return { deliver, start };
  for (const reg of catalog.list()) {
    const first = reg.def.states.get(reg.def.start);
    if (first?.type !== 'event') continue;
    const refs = first.onEvents.flatMap((o) => o.eventRefs);
    const starts = refs.some((r) => {
      const def = reg.def.events.get(r);
      return def !== undefined && eventMatches(def, event, {});
    });
    if (starts) start.push(reg.def.id);
  }
  return { deliver, start };
}

/** Event names some thread of the instance waits for right now. */
function waitedRefs(s: InstanceState): Set<string> {
  const refs = new Set<string>();
  for (const t of Object.values(s.threads)) if (t.stage.kind === 'wait-event') for (const r of t.stage.refs) refs.add(r);
  for (const c of Object.values(s.calls)) if (c.kind === 'event') refs.add(c.name);
  return refs;
}

/** Every running or waiting instance, page by page. */
async function* activeInstances(store: InstanceStore): AsyncGenerator<InstanceState> {
  let cursor: string | undefined;
  do {
    const page = await store.query({ status: ['running', 'waiting'], limit: 200, order: 'asc', ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      const s = await store.get(item.id);
      if (s) yield s;
    }
    cursor = page.next;
  } while (cursor);
}
