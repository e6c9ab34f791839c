// The migrator's protocol over a scripted connection (no database): order, bookkeeping first in each
// transaction, the lost race, newer schemas, and failures.
import { describe, expect, it } from 'vitest';
import { migrate, type MigrationDb } from './migrate.js';
import type { Migration } from './migrations/migrations.js';

const LIST: Migration[] = [
  { id: 1, name: 'one', sqlite: ['S1a', 'S1b'], postgres: ['P1a', 'P1b'] },
  { id: 2, name: "two's", sqlite: ['S2'], postgres: ['P2'] },
];

/** A connection that understands only the migrator's bookkeeping SQL and logs everything else. */
class FakeDb implements MigrationDb {
  readonly log: string[] = [];
  committed = new Set<number>();
  private pending: number[] | undefined;
  /** Called before each bookkeeping insert; a test uses it to let a rival commit first. */
  beforeInsert: (id: number) => void = () => undefined;
  failOn: string | undefined;
  /** Error code the bookkeeping CREATE TABLE throws (a rival created it at the same moment). */
  createFails: string | undefined;

  constructor(readonly dialect: 'sqlite' | 'postgres') {}

  async exec(sql: string): Promise<Record<string, unknown>[]> {
    if (sql.startsWith('CREATE TABLE IF NOT EXISTS sluice_migrations')) {
      if (this.createFails) throw Object.assign(new Error('already exists'), { code: this.createFails });
      return [];
    }
    if (sql.startsWith('SELECT id FROM sluice_migrations')) return [...this.committed].sort((a, b) => a - b).map((id) => ({ id }));
    const insert = /^INSERT INTO sluice_migrations \(id, name, applied_at\) VALUES \((\d+), '((?:[^']|'')*)', (\d+)\)$/.exec(sql);
    if (insert) {
      const id = Number(insert[1]);
      this.beforeInsert(id);
      this.log.push(`record ${id} ${insert[2]} at ${insert[3]}`);
      if (this.committed.has(id)) throw Object.assign(new Error('duplicate key'), { code: this.dialect === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505' });
      this.pending!.push(id);
      return [];
    }
    if (sql === this.failOn) throw Object.assign(new Error(`cannot run ${sql}`), { code: 'XX000' });
    this.log.push(sql);
    return [];
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    this.log.push('BEGIN');
    this.pending = [];
    try {
      const r = await fn();
      for (const id of this.pending) this.committed.add(id);
      this.log.push('COMMIT');
      return r;
    } catch (err) {
      this.log.push('ROLLBACK');
      throw err;
    } finally {
      this.pending = undefined;
    }
  }
}

describe('migrate', () => {
  it('applies every migration in order, each in one transaction that records its id first', async () => {
    const db = new FakeDb('postgres');
    expect(await migrate(db, { migrations: LIST, now: () => 42 })).toEqual({ applied: [1, 2], current: 2 });
    expect(db.log).toEqual(['BEGIN', 'record 1 one at 42', 'P1a', 'P1b', 'COMMIT', 'BEGIN', "record 2 two''s at 42", 'P2', 'COMMIT']);
  });

  it("runs the dialect's statements, stops at target, and is a no-op when up to date", async () => {
    const db = new FakeDb('sqlite');
    expect(await migrate(db, { migrations: LIST, target: 1, now: () => 0 })).toEqual({ applied: [1], current: 1 });
    expect(db.log).toEqual(['BEGIN', 'record 1 one at 0', 'S1a', 'S1b', 'COMMIT']);
    expect(await migrate(db, { migrations: LIST, now: () => 0 })).toEqual({ applied: [2], current: 2 });
    db.log.length = 0;
    expect(await migrate(db, { migrations: LIST })).toEqual({ applied: [], current: 2 });
    expect(db.log).toEqual([]);
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`a migrator that loses the race rolls back, re-reads and goes on (${dialect})`, async () => {
      const db = new FakeDb(dialect);
      db.beforeInsert = (id) => {
        if (id === 1) db.committed.add(1);
      };
      expect(await migrate(db, { migrations: LIST, now: () => 0 })).toEqual({ applied: [2], current: 2 });
      expect(db.log).toEqual(['BEGIN', 'record 1 one at 0', 'ROLLBACK', 'BEGIN', "record 2 two''s at 0", dialect === 'sqlite' ? 'S2' : 'P2', 'COMMIT']);
    });
  }

  it('refuses a database migrated by a newer build', async () => {
    const db = new FakeDb('sqlite');
    db.committed = new Set([1, 2, 3]);
    const err = await migrate(db, { migrations: LIST }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_FAILED', transient: false, retryable: false, details: { databaseVersion: 3, codeVersion: 2 } });
    expect((err as Error).message).toMatch(/schema is at migration 3, newer than this build's 2/);
    expect(db.log).toEqual([]);
  });

  it('a failing statement rolls the migration back and names it', async () => {
    const db = new FakeDb('postgres');
    db.failOn = 'P2';
    const err = await migrate(db, { migrations: LIST, now: () => 7 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_FAILED', transient: false });
    expect((err as Error).message).toMatch(/^migration 2 \(two's\) failed on postgres: cannot run P2/);
    expect((err as Error).cause).toMatchObject({ code: 'XX000' });
    expect([...db.committed]).toEqual([1]);
    expect(db.log).toEqual(['BEGIN', 'record 1 one at 7', 'P1a', 'P1b', 'COMMIT', 'BEGIN', "record 2 two''s at 7", 'ROLLBACK']);
  });

  it('ignores a rival creating the bookkeeping table at the same moment (PostgreSQL 42P07/23505)', async () => {
    for (const code of ['42P07', '23505']) {
      const db = new FakeDb('postgres');
      db.createFails = code;
      expect(await migrate(db, { migrations: LIST })).toEqual({ applied: [1, 2], current: 2 });
    }
    const other = new FakeDb('postgres');
    other.createFails = '42501';
    await expect(migrate(other, { migrations: LIST })).rejects.toMatchObject({ code: '42501' });
  });

  it('rejects a migration list whose ids do not increase', async () => {
    await expect(migrate(new FakeDb('sqlite'), { migrations: [LIST[1]!, LIST[0]!] })).rejects.toThrow(/must increase/);
  });
});
