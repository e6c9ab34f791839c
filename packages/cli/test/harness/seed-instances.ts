/** Creating instances and delivering events straight through the store, as an API process would. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkflow, newInstance, triggers, type InstanceStatus, type InstanceStore, type WorkflowDef } from '@sluice/engine';

/** Loads the crash workflow definition from its folder. */
export async function crashDefinition(dir: string): Promise<WorkflowDef> {
  const r = await loadWorkflow({ path: join(dir, 'crash.sw.yaml'), reader: { read: (p) => readFile(p, 'utf8').catch(() => undefined) } });
  if (!r.value) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Creates `n` instances (ids `<prefix>-<i>`); workers pick them up. */
export async function createInstances(store: InstanceStore, def: WorkflowDef, n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(4, '0')}`;
    const now = Date.now();
    await store.create(newInstance({ id, def, now }), { businessKey: id }, triggers.start({ n: i }), now);
    ids.push(id);
  }
  return ids;
}

/** Queues the `go` event for an instance (targeted with kogitoprocrefid, as SonataFlow routes it). */
export async function sendGo(store: InstanceStore, id: string): Promise<void> {
  const event = { specversion: '1.0', id: `go-${id}`, source: '/crash-test', type: 'crash.go', kogitoprocrefid: id, data: { ok: true } };
  if (!(await store.enqueue(id, triggers.event(event), Date.now()))) throw new Error(`no instance ${id}`);
}

/** How many instances of the crash workflow have the given statuses (one query). */
async function countWith(store: InstanceStore, status: InstanceStatus[]): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await store.query({ workflowId: 'crash', status, limit: 1000, ...(cursor ? { cursor } : {}) });
    n += page.items.length;
    cursor = page.next;
  } while (cursor);
  return n;
}

/** Resolves when every id is finished, or rejects after `timeoutMs`. */
export async function waitFinished(store: InstanceStore, ids: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = ids.length - (await countWith(store, ['completed', 'faulted', 'cancelled']));
    if (open === 0) return;
    if (Date.now() > deadline) {
      const page = await store.query({ workflowId: 'crash', status: ['running', 'waiting', 'suspended'], limit: 3 });
      const samples = [];
      for (const item of page.items) {
        const st = await store.get(item.id);
        const h = await store.history(item.id);
        samples.push({ summary: item, threads: st?.threads, calls: st?.calls, timers: st?.timers, inbox: st?.inbox?.length, history: h.slice(-6).map((e) => `${e.seq} ${e.type} ${e.state ?? ''} ${e.worker ?? ''} ${JSON.stringify(e.data ?? null).slice(0, 120)}`) });
      }
      throw new Error(`${open} of ${ids.length} instances still open after ${timeoutMs} ms; e.g. ${JSON.stringify(samples, null, 1)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many instances of the crash workflow have completed. */
export async function countCompleted(store: InstanceStore): Promise<number> {
  return countWith(store, ['completed']);
}

/** Polls `check` every 100 ms until it holds; rejects after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
