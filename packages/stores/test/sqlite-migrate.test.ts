// Migrations on real SQLite databases (STYLE §10.5): from empty, idempotent, concurrent migrators on
// one file, a newer schema refused, and rows written at migration 1 read back through the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION, appliedMigrations, migrate } from '../src/migrate.js';
import { MIGRATIONS } from '../src/migrations/migrations.js';
import { openSqliteDb, openSqliteStore, sqliteMigrationDb, sqliteSchemaSnapshot, type SqliteDb } from '../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = (): string => join(dir, `m-${++files}.db`);

function tables(db: SqliteDb): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sluice_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** Every table the migrations create. */
const DECLARED_TABLES = MIGRATIONS.flatMap((m) => m.sqlite.map((sql) => /^CREATE TABLE (\w+)/.exec(sql)?.[1])).filter((t): t is string => t !== undefined);

describe('SQLite migrations', () => {
  it('migrates an empty database to the latest schema and records each migration', async () => {
    const db = openSqliteDb({ file: ':memory:' });
    expect(await migrate(sqliteMigrationDb(db), { now: () => 1234 })).toEqual({ applied: MIGRATIONS.map((m) => m.id), current: LATEST_MIGRATION });
    expect(tables(db)).toEqual([...DECLARED_TABLES, 'sluice_migrations'].sort());
    expect(tables(db)).toEqual(expect.arrayContaining(['sluice_history', 'sluice_inbox', 'sluice_instances', 'sluice_outbox', 'sluice_timers']));
    expect(db.prepare('SELECT id, name, applied_at FROM sluice_migrations ORDER BY id').all()).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name, applied_at: 1234 })),
    );
    db.close();
  });

  it('a second migrate is a no-op', async () => {
    const db = openSqliteDb({ file: ':memory:' });
    await migrate(sqliteMigrationDb(db), { now: () => 1 });
    const before = sqliteSchemaSnapshot(db);
    expect(await migrate(sqliteMigrationDb(db), { now: () => 2 })).toEqual({ applied: [], current: LATEST_MIGRATION });
    expect(sqliteSchemaSnapshot(db)).toBe(before);
    expect(db.prepare('SELECT applied_at FROM sluice_migrations').all()).toEqual(MIGRATIONS.map(() => ({ applied_at: 1 })));
    db.close();
  });

  it('two connections migrating one file at the same time end with one copy of each migration', async () => {
    const file = freshFile();
    const [x, y] = [openSqliteDb({ file }), openSqliteDb({ file })];
    const results = await Promise.all([migrate(sqliteMigrationDb(x)), migrate(sqliteMigrationDb(y))]);
    expect(results.map((r) => r.current)).toEqual([LATEST_MIGRATION, LATEST_MIGRATION]);
    expect([...results[0]!.applied, ...results[1]!.applied].sort()).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await appliedMigrations(sqliteMigrationDb(x))).toEqual(MIGRATIONS.map((m) => m.id));
    expect(x.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sluice_instances'").get()).toEqual({ n: 1 });
    expect(sqliteSchemaSnapshot(y)).toBe(sqliteSchemaSnapshot(x));
    x.close();
    y.close();
  });

  it('refuses a database whose schema is newer than this build', async () => {
    const file = freshFile();
    const db = openSqliteDb({ file });
    await migrate(sqliteMigrationDb(db));
    db.prepare("INSERT INTO sluice_migrations (id, name, applied_at) VALUES (?, 'from a newer build', 0)").run(LATEST_MIGRATION + 98);
    const err = await migrate(sqliteMigrationDb(db)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_FAILED', transient: false });
    expect((err as Error).message).toContain(`schema is at migration ${LATEST_MIGRATION + 98}, newer than this build's ${LATEST_MIGRATION}`);
    db.close();
    await expect(openSqliteStore({ file })).rejects.toMatchObject({ code: 'STORE_FAILED', transient: false });
  });

  it('rows written at migration 1 read back through the store', async () => {
    const file = freshFile();
    const db = openSqliteDb({ file });
    await migrate(sqliteMigrationDb(db), { target: 1 });
    const state = { v: 1, id: 'old-1', workflowId: 'wf', workflowVersion: '1', status: 'waiting', input: {}, startedAt: 10, seq: 0, threads: {}, calls: {}, timers: { t1: { dueAt: 99, thread: 'main', purpose: 'sleep' } }, inbox: [], correlation: {}, children: [] };
    db.prepare(
      `INSERT INTO sluice_instances (id, workflow_id, workflow_version, status, business_key, initiator, state, started_at, updated_at, revision, wake_at)
       VALUES ('old-1', 'wf', '1', 'waiting', 'bk', 'ann', ?, 10, 20, 3, 99)`,
    ).run(JSON.stringify(state));
    db.prepare("INSERT INTO sluice_history (instance_id, seq, at, type, entry) VALUES ('old-1', 1, 10, 'instance.started', ?)").run(
      JSON.stringify({ at: 10, type: 'instance.started' }),
    );
    db.prepare("INSERT INTO sluice_timers (instance_id, timer_id, due_at, purpose) VALUES ('old-1', 't1', 99, 'sleep')").run();
    db.close();
    const store = await openSqliteStore({ file });
    expect(await store.get('old-1')).toEqual(state);
    expect(await store.summary('old-1')).toEqual({ id: 'old-1', workflowId: 'wf', workflowVersion: '1', status: 'waiting', businessKey: 'bk', initiator: 'ann', startedAt: 10, updatedAt: 20 });
    expect(await store.history('old-1')).toEqual([{ seq: 1, at: 10, type: 'instance.started' }]);
    expect(await store.nextWakeAt()).toBe(99);
    expect((await store.claimDue('w', 99, 1_000, 10)).map((c) => c.dueTimers)).toEqual([['t1']]);
    await store.close();
  });

  it('openSqliteStore sets WAL, synchronous NORMAL, busy_timeout and foreign keys off', async () => {
    const file = freshFile();
    await (await openSqliteStore({ file, busyTimeoutMs: 1_500 })).close();
    const db = openSqliteDb({ file, busyTimeoutMs: 1_500 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1_500);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(0);
    db.close();
  });

  it('a file that cannot be opened fails with a permanent STORE_FAILED', async () => {
    await expect(openSqliteStore({ file: join(dir, 'missing-folder', 'x.db') })).rejects.toMatchObject({ code: 'STORE_FAILED', transient: false });
  });
});
