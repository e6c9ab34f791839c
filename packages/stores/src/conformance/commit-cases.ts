/** Conformance cases: a step's commit is atomic — state, history, timers, inbox, outbox and triggers for others. */
import { triggers } from '@sluice/engine';
import { expect } from 'vitest';
import { LEASE, T0, W1, W2, cloudEvent, ended, entry, expectCode, makeState, park, roundTrip, timer, type DefineCase } from './harness.js';

/** Registers the commit cases. */
export function commitCases(define: DefineCase): void {
  define('commit writes state, history, consumed inbox and outbox together; seq continues gap-free', async ({ a }) => {
    await a.create(makeState('cm-1'), { initiator: 'alice' }, triggers.start({}), T0);
    const c1 = (await a.claim('cm-1', W1, T0 + 1, LEASE))!;
    const s1 = makeState('cm-1', { status: 'waiting', lastState: 'Ask', seq: 3 });
    const h1 = [entry('instance.started', T0 + 2, { data: { workflowId: 'wf' } }), entry('state.entered', T0 + 2, { state: 'Ask', thread: 'main' })];
    await a.commit(s1, h1, { worker: W1, now: T0 + 2, consumed: c1.inbox.map((e) => e.id), outbox: [cloudEvent('o1'), cloudEvent('o2')] });
    expect(await a.get('cm-1')).toStrictEqual(roundTrip(s1));
    expect(await a.history('cm-1')).toEqual(h1.map((h, i) => ({ ...roundTrip(h), seq: i + 1 })));
    expect((await a.takeOutbox(10)).map((o) => o.event)).toEqual([cloudEvent('o1'), cloudEvent('o2')]);
    expect(await a.summary('cm-1')).toMatchObject({ status: 'waiting', lastState: 'Ask', updatedAt: T0 + 2, initiator: 'alice' });

    await a.enqueue('cm-1', triggers.event(cloudEvent('answer')), T0 + 3);
    const c2 = (await a.claim('cm-1', W1, T0 + 4, LEASE))!;
    expect(c2.inbox.map((e) => e.trigger)).toEqual([triggers.event(cloudEvent('answer'))]);
    const s2 = ended('cm-1', 'completed', T0 + 5, { output: { answer: 42 }, lastState: 'Done' });
    const h2 = [entry('event.received', T0 + 5), entry('state.exited', T0 + 5, { state: 'Ask' }), entry('instance.completed', T0 + 5)];
    await a.commit(s2, h2, { worker: W1, now: T0 + 5, consumed: c2.inbox.map((e) => e.id), outbox: [cloudEvent('o3')] });
    expect(await a.get('cm-1')).toStrictEqual(roundTrip(s2));
    expect(await a.history('cm-1')).toEqual([...h1, ...h2].map((h, i) => ({ ...roundTrip(h), seq: i + 1 })));
    expect((await a.takeOutbox(10)).map((o) => o.event.id)).toEqual(['o1', 'o2', 'o3']);
    expect(await a.summary('cm-1')).toMatchObject({ status: 'completed', endedAt: T0 + 5, updatedAt: T0 + 5 });
    expect((await a.claim('cm-1', W1, T0 + 6, LEASE))?.inbox).toEqual([]);
  });

  define('commit replaces the timers with those of the committed state', async ({ a }) => {
    const timers = { t1: timer(T0 + 300), t2: timer(T0 + 100), t3: timer(T0 + 200) };
    await park(a, makeState('cm-timers', { status: 'waiting', timers }));
    expect(await a.nextWakeAt()).toBe(T0 + 100);
    const c = (await a.claim('cm-timers', W1, T0 + 250, LEASE))!;
    expect(c.dueTimers).toEqual(['t2', 't3']);
    await a.commit(makeState('cm-timers', { status: 'waiting', timers: { t1: timers.t1 } }), [], { worker: W1, now: T0 + 251 });
    expect(await a.nextWakeAt()).toBe(T0 + 300);
    expect(await a.claimDue(W1, T0 + 299, LEASE, 10)).toEqual([]);
    const [due] = await a.claimDue(W1, T0 + 300, LEASE, 10);
    expect(due?.dueTimers).toEqual(['t1']);
  });

  define('a commit that enqueues a trigger for another instance makes that instance due', async ({ a, b }) => {
    await park(a, makeState('cm-parent', { status: 'waiting', children: [{ callId: 'call-1', terminate: false }] }));
    expect(await a.nextWakeAt()).toBeUndefined();
    const child = makeState('cm-child', { parent: { instanceId: 'cm-parent', callId: 'call-1' } });
    await a.create(child, {}, triggers.start({}), T0 + 1);
    const c = (await a.claim('cm-child', W1, T0 + 2, LEASE))!;
    const result = triggers.callOk('call-1', { body: { fromChild: true } });
    await a.commit(ended('cm-child', 'completed', T0 + 10, { parent: child.parent }), [entry('instance.completed', T0 + 10)], {
      worker: W1,
      now: T0 + 10,
      consumed: c.inbox.map((e) => e.id),
      enqueue: [{ instanceId: 'cm-parent', trigger: result }],
    });
    expect(await a.nextWakeAt()).toBe(T0 + 10);
    const due = await b.claimDue(W2, T0 + 10, LEASE, 10);
    expect(due.map((d) => d.state.id)).toEqual(['cm-parent']);
    expect(due[0]?.inbox.map((e) => e.trigger)).toEqual([result]);
    expect(await a.summary('cm-child')).toMatchObject({ status: 'completed', parentId: 'cm-parent' });
  });

  define('a commit that enqueues for an unknown instance fails and writes nothing', async ({ a }) => {
    const s = makeState('cm-atomic');
    await a.create(s, {}, triggers.start({}), T0);
    const c = (await a.claim('cm-atomic', W1, T0 + 1, LEASE))!;
    const next = makeState('cm-atomic', { status: 'waiting', timers: { t1: timer(T0 + 50) } });
    await expectCode(
      a.commit(next, [entry('state.entered', T0 + 2)], {
        worker: W1,
        now: T0 + 2,
        consumed: c.inbox.map((e) => e.id),
        outbox: [cloudEvent('never')],
        enqueue: [{ instanceId: 'cm-ghost', trigger: triggers.cancel('parent ended') }],
      }),
      'INSTANCE_NOT_FOUND',
    );
    expect(await a.get('cm-atomic')).toStrictEqual(roundTrip(s));
    expect(await a.history('cm-atomic')).toEqual([]);
    expect(await a.takeOutbox(10)).toEqual([]);
    const again = (await a.claim('cm-atomic', W1, T0 + 3, LEASE))!;
    expect(again.inbox.map((e) => e.trigger)).toEqual([triggers.start({})]);
    expect(again.dueTimers).toEqual([]);
  });
}
