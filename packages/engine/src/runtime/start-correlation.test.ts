import { expect, it } from 'vitest';
import { createConfig } from '../load/create-config.js';
import { MemoryInstanceStore } from '../testing/memory-instance-store.js';
import { loadInline } from '../testing/load-inline.js';
import { SequentialIds, SimulatedClock } from '../testing/simulated-clock.js';
import { MemoryCatalog } from './catalog.js';
import { Runtime } from './runtime.js';

// An order workflow started by `order.created` and then waiting for `order.paid`, both correlated on `orderid`.
const ORDERS = {
  id: 'orders',
  specVersion: '0.8',
  start: 'Created',
  events: [
    { name: 'created', type: 'order.created', source: '/shop', correlation: [{ contextAttributeName: 'orderid' }] },
    { name: 'paid', type: 'order.paid', source: '/shop', correlation: [{ contextAttributeName: 'orderid' }] },
  ],
  states: [
    { name: 'Created', type: 'event', onEvents: [{ eventRefs: ['created'] }], transition: 'Paid' },
    { name: 'Paid', type: 'event', onEvents: [{ eventRefs: ['paid'] }], end: true },
  ],
};

const event = (type: string, id: string, orderid: string) => ({ specversion: '1.0', id, source: '/shop', type, orderid, data: { orderid } });

it('fixes the correlation of an event-started instance when it is created, so a second start event before its first step starts another run', async () => {
  const catalog = new MemoryCatalog();
  catalog.add({ def: await loadInline(ORDERS), config: createConfig({ properties: {}, env: {} }) });
  // While `held`, no worker can claim an instance: the events arrive before any first step.
  let held = true;
  const memory = new MemoryInstanceStore();
  const store = Object.assign(Object.create(memory) as MemoryInstanceStore, {
    claim: (...args: Parameters<MemoryInstanceStore['claim']>) => (held ? Promise.resolve(undefined) : memory.claim(...args)),
    claimDue: (...args: Parameters<MemoryInstanceStore['claimDue']>) => (held ? Promise.resolve([]) : memory.claimDue(...args)),
  });
  const rt = new Runtime({ store, clock: new SimulatedClock(), ids: new SequentialIds('i'), catalog, worker: 'w', log: { log: () => undefined }, invokers: [] });

  // Both start events arrive before either instance has run a step.
  const a = await rt.publishEvent(event('order.created', 'e1', 'A'));
  const b = await rt.publishEvent(event('order.created', 'e2', 'B'));
  expect(a).toMatchObject({ delivered: [], started: [expect.any(String)] });
  expect(b).toMatchObject({ delivered: [], started: [expect.any(String)] });
  expect(b.started[0]).not.toBe(a.started[0]);
  expect((await rt.get(a.started[0]!))!.correlation).toEqual({ orderid: 'A' });

  // Payment for B goes to B only, even before the instances ran.
  expect(await rt.publishEvent(event('order.paid', 'e3', 'B'))).toEqual({ delivered: [b.started[0]], started: [] });
  held = false;
  for (let i = 0; i < 5; i++) {
    await rt.tick();
    await rt.idle();
  }
  expect((await rt.get(b.started[0]!))!.status).toBe('completed');
  expect((await rt.get(a.started[0]!))!.status).toBe('waiting');
});
