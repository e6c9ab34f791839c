/**
 * A SQLite database holding many completed runs, made before the measured server starts: a server
 * runs `say-hello` once as dev1 through the API and stops, then that run's rows (instance and
 * history) are cloned under fresh ids, one minute apart, in one transaction. Every clone is a real
 * run's state as the engine wrote it, so lists, details and graphs read them like any other.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openSqliteDb } from '@sluice/stores/sqlite';
import { startPortalServer } from './portal-server.js';
import { executeRun, runReaches } from './server-api.js';
import { SAY_HELLO_WORKFLOW } from './test-workflows.js';

export interface SeededRuns {
  /** `sqlite:<file>`, for startPortalServer({ database }). */
  readonly database: string;
  readonly workflowId: string;
  readonly workflowName: string;
  /** The run the others are cloned from: it started last, so it is first in a newest-first list. */
  readonly newestRunId: string;
  /** How long making the database took, ms. */
  readonly elapsedMs: number;
  /** Deletes the database (after the server using it stopped). */
  remove(): void;
}

export async function seedCompletedRuns(count: number): Promise<SeededRuns> {
  const started = Date.now();
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-e2e-runs-')), 'runs.db');
  const database = `sqlite:${file}`;
  const first = await startPortalServer({ workflows: [SAY_HELLO_WORKFLOW], database });
  let id: string;
  try {
    id = await executeRun(first, 'dev1', 'say-hello', { name: 'run 0' });
    await runReaches(first, 'dev1', id, ['COMPLETED']);
  } finally {
    await first.stop();
  }
  cloneRun(file, id, count - 1);
  const remove = (): void => rmSync(dirname(file), { recursive: true, force: true });
  return { database, workflowId: 'say-hello', workflowName: 'Say hello', newestRunId: id, elapsedMs: Date.now() - started, remove };
}

/** Adds `copies` clones of run `id` to the database `file`, started one minute apart before it. */
function cloneRun(file: string, id: string, copies: number): void {
  const db = openSqliteDb({ file });
  try {
    const insertInstance = db.prepare(`INSERT INTO sluice_instances
      (id, workflow_id, workflow_version, status, business_key, initiator, parent_id, parent_call_id, state, error_code, error_message, last_state, started_at, ended_at, updated_at, revision, locked_by, locked_until, wake_at)
      SELECT @id, workflow_id, workflow_version, status, business_key, initiator, parent_id, parent_call_id,
             json_set(state, '$.id', @id, '$.startedAt', started_at - @shift, '$.endedAt', ended_at - @shift, '$.input.name', @name),
             error_code, error_message, last_state, started_at - @shift, ended_at - @shift, updated_at - @shift, revision, NULL, NULL, NULL
      FROM sluice_instances WHERE id = @source`);
    const insertHistory = db.prepare(`INSERT INTO sluice_history (instance_id, seq, at, type, entry)
      SELECT @id, seq, at - @shift, type, entry FROM sluice_history WHERE instance_id = @source`);
    db.transaction(() => {
      for (let i = 1; i <= copies; i++) {
        const row = { id: randomUUID(), source: id, shift: i * 60_000, name: `run ${i}` };
        insertInstance.run(row);
        insertHistory.run(row);
      }
    })();
    const n = (db.prepare('SELECT count(*) AS n FROM sluice_instances').get() as { n: number }).n;
    if (n < copies + 1) throw new Error(`expected at least ${copies + 1} runs in ${file}, found ${n}`);
  } finally {
    db.close();
  }
}
