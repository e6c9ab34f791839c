// The live feed without a database: who gets which event, and how events travel between replicas
// (NOTIFY payloads under PostgreSQL's 8000-byte limit, own echo ignored).
import { expect, it } from 'vitest';
import { LiveFeed, type LiveEvent } from '../../src/notifications/live-feed.js';
import type { RemoteChannel } from '../../src/notifications/pg-live-channel.js';

/** Two feeds joined by an in-memory "database" that echoes every payload to everyone. */
function pair(): { a: LiveFeed; b: LiveFeed; payloads: string[] } {
  const payloads: string[] = [];
  const listeners: ((p: string) => void)[] = [];
  const remote = (onMessage: (p: string) => void): RemoteChannel => {
    listeners.push(onMessage);
    return {
      listen: async () => undefined,
      send: async (p) => {
        payloads.push(p);
        for (const l of listeners) l(p);
      },
      close: async () => undefined,
    };
  };
  const onError = (err: unknown): never => {
    throw err;
  };
  return { a: new LiveFeed({ replica: 'A', remote, onError }), b: new LiveFeed({ replica: 'B', remote, onError }), payloads };
}

it("delivers a user's events to that user and broadcasts to everyone, here and on the other replica", async () => {
  const { a, b } = pair();
  const got: Record<string, LiveEvent[]> = { aliceOnA: [], aliceOnB: [], bobOnB: [] };
  await a.subscribe('user:default/alice', (e) => got.aliceOnA!.push(e));
  await b.subscribe('user:default/alice', (e) => got.aliceOnB!.push(e));
  const unsubscribeBob = await b.subscribe('user:default/bob', (e) => got.bobOnB!.push(e));
  await a.publish([
    { action: 'new_notification', user: 'user:default/alice', ids: ['n1'] },
    { action: 'new_notification', user: null, ids: ['b1'] },
  ]);
  expect(got.aliceOnA!.map((e) => e.ids[0])).toEqual(['n1', 'b1']);
  expect(got.aliceOnB!.map((e) => e.ids[0])).toEqual(['n1', 'b1']);
  expect(got.bobOnB!.map((e) => e.ids[0])).toEqual(['b1']);
  unsubscribeBob();
  await b.publish([{ action: 'notification_read', user: 'user:default/bob', ids: ['b1'] }]);
  expect(got.bobOnB).toHaveLength(1);
});

it('splits large events into payloads PostgreSQL accepts, losing none', async () => {
  const { a, b, payloads } = pair();
  const seen: LiveEvent[] = [];
  await b.subscribe('user:default/someone-with-a-rather-long-name', (e) => seen.push(e));
  const ids = Array.from({ length: 1000 }, (_, i) => `0000000${i}-aaaa-bbbb-cccc-dddddddddddd`.slice(-36));
  const many = Array.from({ length: 300 }, (_, i): LiveEvent => ({ action: 'new_notification', user: 'user:default/someone-with-a-rather-long-name', ids: [`n${i}`] }));
  await a.publish([{ action: 'notification_read', user: 'user:default/someone-with-a-rather-long-name', ids }, ...many]);
  expect(payloads.length).toBeGreaterThan(2);
  for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
  expect(seen.filter((e) => e.action === 'notification_read').flatMap((e) => e.ids)).toEqual(ids);
  expect(seen.filter((e) => e.action === 'new_notification')).toHaveLength(300);
});
