// Claims across processes: three processes share one SQLite file and drain 600 due instances; the
// conditional update in an IMMEDIATE transaction must hand each instance to exactly one of them.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { triggers } from '@sluice/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { T0, makeState } from '../src/conformance/harness.js';
import { openSqliteStore } from '../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WORKER = fileURLToPath(new URL('./fixtures/sqlite-claim-worker.ts', import.meta.url));

/** Resolves with the first stdout line matching `re`, rejects when the process exits first. */
function lineFrom(p: ChildProcessByStdio<Writable, Readable, null>, re: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: p.stdout });
    rl.on('line', (l) => {
      if (re.test(l)) {
        rl.close();
        resolve(l);
      }
    });
    p.on('exit', (code) => reject(new Error(`worker exited with ${code} before printing ${re}`)));
  });
}

describe('SQLite claims across processes', () => {
  it('three processes draining one file never run an instance twice', async () => {
    const file = join(dir, 'shared.db');
    const store = await openSqliteStore({ file });
    const ids = Array.from({ length: 600 }, (_, i) => `mp-${String(i).padStart(3, '0')}`);
    for (const id of ids) await store.create(makeState(id), {}, triggers.start({}), T0);
    const workers = ['p1', 'p2', 'p3'].map((name) =>
      spawn(process.execPath, ['--import', 'tsx', '--conditions=sluice-source', WORKER, file, name], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    try {
      await Promise.all(workers.map((w) => lineFrom(w, /^ready$/)));
      const finished = workers.map((w) => lineFrom(w, /^done \d+$/));
      for (const w of workers) w.stdin.write('go\n');
      const counts = (await Promise.all(finished)).map((l) => Number(l.split(' ')[1]));
      expect(counts.reduce((x, y) => x + y, 0)).toBe(ids.length);
      const byWorker = new Map<string, number>();
      for (const id of ids) {
        const history = await store.history(id);
        expect(history.length, id).toBe(1);
        const w = (history[0]!.data as { worker: string }).worker;
        byWorker.set(w, (byWorker.get(w) ?? 0) + 1);
        expect((await store.get(id))?.status, id).toBe('completed');
      }
      expect([...byWorker.values()].sort()).toEqual([...counts].sort());
    } finally {
      for (const w of workers) if (w.exitCode === null) w.kill();
      await store.close();
    }
  }, 60_000);
});
