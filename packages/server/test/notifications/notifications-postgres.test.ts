// The notifications API on PostgreSQL (a fresh database for this file), plus what only PostgreSQL
// has: two replicas on one database, where a notification sent through one reaches a live stream
// connected to the other (LISTEN/NOTIFY), and no connection is left once both stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TOKEN, startTestServer, type TestServer } from '../helpers/test-server.js';
import { isConnected, openLive } from './live-client.js';
import { notificationSuite } from './notification-suite.js';
import { usePgTestDatabase } from '../helpers/pg-test-database.js';

const pgdb = usePgTestDatabase();

describe('one server', () => {
  notificationSuite(() => pgdb.url());
});

describe('two replicas on one database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer({ database: pgdb.url() });
    b = await startTestServer({ database: pgdb.url() });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("a notification sent through A reaches a stream on B, and B's read marks reach a stream on A", async () => {
    const onB = await openLive(`${b.url}/api/notifications/live?token=${encodeURIComponent(await b.tokenFor('dev1'))}`);
    const onA = await openLive(`${a.url}/api/notifications/live`, await a.tokenFor('dev1'));
    try {
      await onB.next(isConnected);
      await onA.next(isConnected);
      const r = await a.request('/api/notifications', { method: 'POST', token: SERVICE_TOKEN, json: { recipients: { type: 'entity', entityRef: ['user:default/dev1'] }, payload: { title: 'cross' } } });
      const [sent] = (await r.json()) as { id: string }[];
      expect(JSON.parse((await onB.next((m) => m.event === 'new_notification')).data)).toEqual({ action: 'new_notification', notification_id: sent!.id });
      // The sender's replica delivers its own event once (it ignores the echo of its NOTIFY).
      await onA.next((m) => m.event === 'new_notification');

      const broadcast = await b.request('/api/notifications/notifications', { method: 'POST', token: SERVICE_TOKEN, json: { recipients: { type: 'broadcast' }, payload: { title: 'all' } } });
      const [all] = (await broadcast.json()) as { id: string }[];
      expect(JSON.parse((await onA.next((m) => m.event === 'new_notification' && m.data.includes(all!.id))).data).notification_id).toBe(all!.id);

      await b.request('/api/notifications/update', { method: 'POST', token: await b.tokenFor('dev1'), json: { ids: [sent!.id], read: true } });
      expect(JSON.parse((await onA.next((m) => m.event === 'notification_read')).data)).toEqual({ action: 'notification_read', notification_ids: [sent!.id] });
      await new Promise((r) => setTimeout(r, 200));
      expect(onA.messages.filter((m) => m.event === 'new_notification')).toHaveLength(2);
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('a replica whose LISTEN connection drops reconnects and hears the others again', async () => {
    const onB = await openLive(`${b.url}/api/notifications/live`, await b.tokenFor('dev1'));
    try {
      await onB.next(isConnected);
      const listeners = async (): Promise<number[]> =>
        (await pgdb.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN sluice_notifications'`)).map((r) => Number(r.pid));
      const before = await listeners();
      expect(before).toHaveLength(2); // one per replica
      await pgdb.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1', ['LISTEN sluice_notifications']);
      const deadline = Date.now() + 5000;
      while ((await listeners()).filter((pid) => !before.includes(pid)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await listeners()).filter((pid) => !before.includes(pid))).toHaveLength(2);

      const r = await a.request('/api/notifications', { method: 'POST', token: SERVICE_TOKEN, json: { recipients: { type: 'entity', entityRef: 'user:default/dev1' }, payload: { title: 'after reconnect' } } });
      const [sent] = (await r.json()) as { id: string }[];
      expect(JSON.parse((await onB.next((m) => m.event === 'new_notification' && m.data.includes(sent!.id))).data).notification_id).toBe(sent!.id);
      expect(a.logs().some((l) => String(l.msg).includes('live fan-out failed'))).toBe(true);
    } finally {
      onB.close();
    }
  });

  it('stopping a server ends its open streams and leaves no connection behind', async () => {
    const live = await openLive(`${a.url}/api/notifications/live`, await a.tokenFor('admin'));
    await live.next(isConnected);
    const started = Date.now();
    const stopping = a.stop();
    await live.ended;
    expect(Date.now() - started).toBeLessThan(1000);
    await stopping;
    await b.stop();
    expect(await pgdb.connections()).toBe(0);
  });
});
