// What only the SQLite store has beyond the port: driver errors as store errors, and the columns and
// timer rows it keeps beside the state JSON for queries and due-ness.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { triggers } from '@sluice/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { LEASE, T0, W1, cloudEvent, ended, makeState, park, timer } from '../src/conformance/harness.js';
import { openSqliteDb, openSqliteStore } from '../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = (): string => join(dir, `s-${++files}.db`);

describe('SqliteInstanceStore', () => {
  it('a write blocked by another connection fails with a transient STORE_FAILED that keeps the driver error', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file, busyTimeoutMs: 0 });
    await store.create(makeState('busy-1'), {}, triggers.start({}), T0);
    const rival = openSqliteDb({ file });
    rival.exec('BEGIN IMMEDIATE');
    const err = await store.claim('busy-1', W1, T0, LEASE).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_FAILED', transient: true, retryable: true });
    expect((err as Error).message).toMatch(/^store sqlite claim failed: /);
    expect((err as Error).cause).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(await store.get('busy-1')).toBeDefined();
    rival.exec('ROLLBACK');
    rival.close();
    expect(await store.claim('busy-1', W1, T0, LEASE)).toBeDefined();
    await store.close();
  });

  it('a closed store fails with a permanent STORE_FAILED', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    await store.close();
    await expect(store.get('x')).rejects.toMatchObject({ code: 'STORE_FAILED', transient: false });
  });

  it('keeps the query columns, the revision and the timer rows in step with the committed state', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file, now: () => 777 });
    const raw = openSqliteDb({ file });
    const row = (): unknown =>
      raw.prepare('SELECT status, parent_id, parent_call_id, error_code, error_message, last_state, ended_at, revision, locked_by, wake_at FROM sluice_instances').get();
    const timerRows = (): unknown => raw.prepare('SELECT timer_id, due_at, purpose FROM sluice_timers ORDER BY timer_id').all();
    const parent = { instanceId: 'p', callId: 'c' };
    await park(store, makeState('cols', { status: 'waiting', parent, timers: { b: timer(T0 + 20), a: timer(T0 + 10) } }));
    expect(row()).toEqual({ status: 'waiting', parent_id: 'p', parent_call_id: 'c', error_code: null, error_message: null, last_state: null, ended_at: null, revision: 2, locked_by: null, wake_at: T0 + 10 });
    expect(timerRows()).toEqual([
      { timer_id: 'a', due_at: T0 + 10, purpose: 'sleep' },
      { timer_id: 'b', due_at: T0 + 20, purpose: 'sleep' },
    ]);
    await store.claim('cols', W1, T0 + 10, LEASE);
    const failed = ended('cols', 'faulted', T0 + 11, { parent, lastState: 'Call', error: { code: '500', name: 'HttpError', message: 'boom' }, timers: {} });
    await store.commit(failed, [], { worker: W1, now: T0 + 11, outbox: [cloudEvent('o1')] });
    expect(row()).toEqual({ status: 'faulted', parent_id: 'p', parent_call_id: 'c', error_code: '500', error_message: 'boom', last_state: 'Call', ended_at: T0 + 11, revision: 3, locked_by: null, wake_at: null });
    expect(timerRows()).toEqual([]);
    const [out] = await store.takeOutbox(1);
    await store.markPublished([out!.id]);
    expect(raw.prepare('SELECT published_at FROM sluice_outbox').all()).toEqual([{ published_at: 777 }]);
    expect(await store.purge(T0 + 12)).toBe(1);
    for (const table of ['sluice_instances', 'sluice_history', 'sluice_timers', 'sluice_inbox']) {
      expect(raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    raw.close();
    await store.close();
  });
});
