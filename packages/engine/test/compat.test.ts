/** Persisted states from earlier engine versions still resume to the end (STYLE §10.7). */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MemoryCatalog, MemoryInstanceStore, Runtime, SequentialIds, SimulatedClock, createConfig, loadWorkflow, triggers, type InstanceState, type Json } from '@sluice/engine';

const reader = { read: (p: string) => readFile(p, 'utf8').catch(() => undefined) };
const SEED = new URL('../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url).pathname;

describe('compatibility', () => {
  it('resumes v1-seed-large-polling: approval on the next poll, then the template, then the issue is closed', async () => {
    const state = JSON.parse(readFileSync(new URL('./compat/v1-seed-large-polling.json', import.meta.url), 'utf8')) as InstanceState;
    const def = (await loadWorkflow({ path: SEED, reader })).value!;
    const config = createConfig({ properties: { rhdh_url: 'https://b.example.com', SWT_REF: 'template:default/x' }, env: {} });
    const answers: Record<string, Json[]> = {
      getIssue: [{ iid: 7, labels: ['approved'] }],
      launchSoftwareTemplate: [{ id: 't1' }],
      getSoftwareTemplateTask: [{ id: 't1', status: 'completed' }],
      closeIssue: [{ iid: 7, state: 'closed' }],
    };
    const calls: string[] = [];
    const stub = (key: string) => ({
      key,
      invoke: async (req: { fn: { name: string } }) => {
        calls.push(req.fn.name);
        return { body: answers[req.fn.name]?.shift() ?? {} };
      },
    });
    const store = new MemoryInstanceStore();
    await store.create(state, {}, triggers.recover(), state.startedAt + 60_000);
    const clock = new SimulatedClock(state.startedAt + 60_000);
    const rt = new Runtime({ store, clock, ids: new SequentialIds(), catalog: new MemoryCatalog().add({ def, config }), invokers: [stub('rest'), stub('custom:sysout')], log: { log: () => undefined } });
    for (let i = 0; i < 10; i++) {
      await rt.tick();
      await rt.idle();
      const due = await store.nextWakeAt();
      if (due === undefined) break;
      clock.set(due);
    }
    const end = (await store.get(state.id))!;
    expect(end.status).toBe('completed');
    expect(calls).toEqual(['getIssue', 'launchSoftwareTemplate', 'logInfo', 'getSoftwareTemplateTask', 'createNotification', 'logInfo', 'closeIssue']);
    expect(end.output).toMatchObject({ closeIssueResult: { state: 'closed' }, getIssueResult: { labels: ['approved'] }, createIssueResult: { iid: 7 } });
    expect(end.endedAt! - state.startedAt).toBe(120_000 + 15_000);
  });
});
