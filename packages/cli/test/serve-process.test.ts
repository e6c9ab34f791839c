/**
 * Process test of `sluice serve` (the built CLI, as `npm test` builds it before vitest), on SQLite and
 * on PostgreSQL (a fresh database): instances of a sleeping workflow and of one waiting for an event
 * (with an event timeout) are started over HTTP; SIGTERM arrives while their timers are pending; the
 * process must stop gracefully with exit code 0 at once, and a restart on the same data directory and
 * database must find every instance and complete each exactly once: sleeps and event timeouts fire
 * after the restart, and half the waiters get their event over HTTP from the restarted process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSummary } from '@sluice/engine';
import { openStore, type OpenedStore } from '@sluice/server/host';
import { createDatabase, dropDatabase } from './harness/pg-database.js';

const BIN = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const CATALOG = fileURLToPath(new URL('../../../catalog', import.meta.url));
const TOKEN = 'serve-process-test-token-5c1f';
const PER_WORKFLOW = 15;

const NAPPER = `id: napper
specVersion: '0.8'
start: Nap
states:
  - name: Nap
    type: sleep
    duration: PT3S
    transition: Done
  - name: Done
    type: inject
    data: { done: napped }
    end: true
`;

const WAITER = `id: waiter
specVersion: '0.8'
start: Wait
events:
  - { name: go, source: /serve-test, type: serve.go }
states:
  - name: Wait
    type: event
    onEvents:
      - eventRefs: [go]
    timeouts:
      eventTimeout: PT6S
    transition: Done
  - name: Done
    type: inject
    data: { done: waited }
    end: true
`;

/** A running `sluice serve` with its stdout log lines. */
interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly lines: () => Record<string, unknown>[];
  readonly exited: Promise<number | null>;
}

/** Spawns `sluice serve` on port 0; resolves once it logs the URL it listens on. */
async function spawnServe(dir: string, database: string): Promise<ServeProcess> {
  const args = [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', join(dir, 'data'), '--workflows', join(dir, 'workflows'), '--catalog', join(dir, 'catalog'), '--database', database];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, SLUICE_EXTERNAL_ACCESS: `scripts:${TOKEN}`, SLUICE_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed: Record<string, unknown>[] = [];
  let stderr = '';
  let partial = '';
  // 'close' (not 'exit'): stdout has been read to its end by then, the last log lines included.
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      const text = partial + c.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines.filter(Boolean)) {
        const line = JSON.parse(l) as Record<string, unknown>;
        parsed.push(line);
        if (typeof line.msg === 'string' && line.msg.startsWith('sluice listening on ')) resolve(String(line.url));
      }
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    void exited.then((code) => reject(new Error(`sluice serve exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url: await url, lines: () => parsed, exited };
}

/** SIGTERMs it; resolves with the exit code and how long it took. */
async function terminate(p: ServeProcess): Promise<{ code: number | null; ms: number }> {
  const began = Date.now();
  p.child.kill('SIGTERM');
  const code = await p.exited;
  return { code, ms: Date.now() - began };
}

/** Every instance in the store (all pages). */
async function allInstances(opened: OpenedStore): Promise<InstanceSummary[]> {
  const out: InstanceSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await opened.store.query({ limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts an instance through the SonataFlow-compatible `POST /{workflowId}`; returns its id. */
async function startOverHttp(url: string, workflowId: string, n: number): Promise<string> {
  const r = await fetch(`${url}/${workflowId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ workflowdata: { n } }),
  });
  const body = (await r.json()) as { id?: string };
  if (r.status !== 201) throw new Error(`POST /${workflowId}: ${r.status} ${JSON.stringify(body)}`);
  return body.id!;
}

/** Sends the waiter's `go` event to one instance (structured CloudEvent, `POST /api/events`). */
async function sendGo(url: string, instanceId: string): Promise<void> {
  const r = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({ specversion: '1.0', id: `go-${instanceId}`, source: '/serve-test', type: 'serve.go', kogitoprocrefid: instanceId, data: { via: 'event' } }),
  });
  const body = (await r.json()) as { delivered?: string[] };
  if (r.status !== 202 || body.delivered?.[0] !== instanceId) throw new Error(`POST /api/events for ${instanceId}: ${r.status} ${JSON.stringify(body)}`);
}

/** Waiters with an even number get their event after the restart; the others time out. */
const getsEvent = (workflowId: string, n: number): boolean => workflowId === 'waiter' && n % 2 === 0;

/** What an instance must end with. */
function expected(workflowId: string, n: number): { output: unknown; fired: number; received: number } {
  if (workflowId === 'napper') return { output: { n, done: 'napped' }, fired: 1, received: 0 };
  if (getsEvent(workflowId, n)) return { output: { n, via: 'event', done: 'waited' }, fired: 0, received: 1 };
  return { output: { n, done: 'waited' }, fired: 1, received: 0 };
}

const BACKENDS = [
  { name: 'SQLite', setup: async (dir: string) => ({ database: `sqlite:${join(dir, 'data', 'sluice.db')}`, drop: async () => undefined }) },
  {
    name: 'PostgreSQL',
    setup: async () => {
      const db = await createDatabase('serve');
      return { database: db.url, drop: () => dropDatabase(db.name) };
    },
  },
];

describe.each(BACKENDS)('sluice serve on $name', ({ setup }) => {
  let dir: string;
  let backend: { database: string; drop: () => Promise<void> };
  const running: ServeProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-serve-process-'));
    for (const [id, text] of [['napper', NAPPER], ['waiter', WAITER]] as const) {
      mkdirSync(join(dir, 'workflows', id), { recursive: true });
      writeFileSync(join(dir, 'workflows', id, `${id}.sw.yaml`), text);
    }
    cpSync(CATALOG, join(dir, 'catalog'), { recursive: true });
    backend = await setup(dir);
  });
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await backend?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops gracefully on SIGTERM with timers pending, and a restart completes every instance exactly once', async () => {
    const first = await spawnServe(dir, backend.database);
    running.push(first);
    const started = new Map<string, { workflowId: string; n: number }>();
    for (let n = 0; n < PER_WORKFLOW; n++) {
      for (const workflowId of ['napper', 'waiter']) started.set(await startOverHttp(first.url, workflowId, n), { workflowId, n });
    }
    expect(started.size).toBe(2 * PER_WORKFLOW);

    const stop = await terminate(first);
    expect(stop.code).toBe(0);
    expect(stop.ms).toBeLessThan(5000);
    const messages = first.lines().map((l) => l.msg);
    expect(messages).toContain('SIGTERM: finishing the work in hand');
    expect(messages.at(-1), JSON.stringify(first.lines().slice(-3))).toBe('sluice stopped');
    expect(JSON.stringify(first.lines())).not.toContain(TOKEN);

    // Between the runs: every instance is stored, waiting on its timer.
    let opened = await openStore(backend.database);
    try {
      const between = await allInstances(opened);
      expect(new Set(between.map((i) => i.id))).toEqual(new Set(started.keys()));
      expect(between.every((i) => i.status === 'waiting')).toBe(true);
    } finally {
      await opened.close();
    }

    const second = await spawnServe(dir, backend.database);
    running.push(second);
    for (const [id, { workflowId, n }] of started) if (getsEvent(workflowId, n)) await sendGo(second.url, id);
    opened = await openStore(backend.database);
    try {
      await waitFor(async () => (await allInstances(opened)).every((i) => i.status === 'completed'), 30_000, 'every instance completed');
      const after = await allInstances(opened);
      expect(after).toHaveLength(started.size);
      for (const summary of after) {
        const { workflowId, n } = started.get(summary.id)!;
        expect(summary.workflowId).toBe(workflowId);
        const want = expected(workflowId, n);
        expect((await opened.store.get(summary.id))?.output, summary.id).toEqual(want.output);
        const history = await opened.store.history(summary.id);
        const count = (type: string) => history.filter((h) => h.type === type).length;
        expect([count('instance.started'), count('timer.fired'), count('event.received'), count('instance.completed')], summary.id).toEqual([1, want.fired, want.received, 1]);
        expect(history.filter((h) => h.type === 'state.entered').map((h) => h.state)).toEqual([workflowId === 'napper' ? 'Nap' : 'Wait', 'Done']);
        const startedBy = history.find((h) => h.type === 'instance.started')!.worker;
        const completedBy = history.find((h) => h.type === 'instance.completed')!.worker;
        expect(completedBy, 'the restarted process finishes it').not.toBe(startedBy);
      }
    } finally {
      await opened.close();
    }

    // The restarted process's metrics: instances counted from the database, the timers it fired.
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    const sample = (line: string): number => Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(sample('sluice_instances{status="completed"}')).toBe(started.size);
    expect(sample('sluice_instances{status="waiting"}')).toBe(0);
    expect(sample('sluice_transitions_total{workflow="napper"}')).toBe(PER_WORKFLOW);
    const fired = [...started.values()].reduce((k, { workflowId, n }) => k + expected(workflowId, n).fired, 0);
    expect(sample('sluice_timer_lateness_seconds_count')).toBe(fired);

    const last = await terminate(second);
    expect(last.code).toBe(0);
    expect(second.lines().map((l) => l.msg)).toContain('sluice stopped');
  }, 60_000);
});
