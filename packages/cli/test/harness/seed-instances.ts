/** Creating instances and delivering events straight through the store, as an API process would. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkflow, newInstance, triggers, type InstanceStore, type WorkflowDef } from '@sluice/engine';

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

/** Resolves when every id is finished, or rejects after `timeoutMs`. */
export async function waitFinished(store: InstanceStore, ids: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let open = 0;
    for (const id of ids) {
      const s = await store.summary(id);
      if (!s || !['completed', 'faulted', 'cancelled'].includes(s.status)) open += 1;
    }
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} of ${ids.length} instances still open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many of `ids` have completed. */
export async function countCompleted(store: InstanceStore, ids: readonly string[]): Promise<number> {
  let n = 0;
  for (const id of ids) if ((await store.summary(id))?.status === 'completed') n += 1;
  return n;
}

/** Polls `check` every 100 ms until it holds; rejects after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
