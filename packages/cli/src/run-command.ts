/**
 * `sluice run <workflow> --input '<json>'|@file [--properties f] [--set k=v] [--fast-timers]`: runs
 * one instance in-process to its end. Output JSON on stdout, a trace of states with timings on stderr;
 * exit 1 when the instance ends in error.
 */
import { findWorkflowFiles, fsReader, runConfig } from '@sluice/server/host';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDefaultInvokers } from '@sluice/functions';
import {
  MemoryCatalog,
  MemoryInstanceStore,
  Runtime,
  SimulatedClock,
  evalNowSeconds,
  formatIssue,
  loadWorkflow,
  type Clock,
  type Json,
  type Logger,
} from '@sluice/engine';
import { EXIT, type CliIo } from './io.js';
import { printTrace } from './trace.js';

export interface RunArgs {
  file: string;
  input?: string;
  properties?: string;
  sets: string[];
  fastTimers: boolean;
}

/** Runs the run command. */
export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const input = await readInput(args.input, io);
  if (input === undefined) return EXIT.usage;
  const loaded = await loadWorkflow({ path: args.file, reader: fsReader, now: evalNowSeconds });
  for (const i of loaded.issues) io.stderr.write(`${formatIssue(i)}\n`);
  if (!loaded.value) return EXIT.failed;
  const def = loaded.value;
  const config = await runConfig({ workflowFile: args.file, ...(args.properties ? { propertiesFile: args.properties } : {}), sets: args.sets, env: io.env });
  const catalog = new MemoryCatalog();
  for (const sibling of (await findWorkflowFiles([dirname(args.file)])).files) {
    if (sibling === args.file) continue;
    const r = await loadWorkflow({ path: sibling, reader: fsReader, now: evalNowSeconds });
    if (r.value) catalog.add({ def: r.value, config });
  }
  catalog.add({ def, config });
  const clock: Clock & { set?(ms: number): void } = args.fastTimers ? new SimulatedClock(Date.now()) : { now: () => Date.now() };
  const store = new MemoryInstanceStore();
  const log: Logger = { log: (level, message) => void (level !== 'debug' && level !== 'trace' && io.stderr.write(`[${level.toUpperCase()}] ${message}\n`)) };
  const rt = new Runtime({ store, clock, ids: { newId: () => crypto.randomUUID() }, catalog, invokers: createDefaultInvokers(), log, worker: 'sluice-run' });
  let id: string;
  try {
    id = await rt.start(def.id, input);
  } catch (err) {
    io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
  for (;;) {
    await rt.idle();
    const s = await store.get(id);
    if (!s || s.status === 'completed' || s.status === 'faulted' || s.status === 'cancelled') break;
    const due = await store.nextWakeAt();
    if (due === undefined) {
      io.stderr.write(`instance ${id} waits for an event that cannot arrive in 'sluice run'; stopping\n`);
      break;
    }
    if (clock.set) clock.set(due);
    else await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    await rt.tick();
  }
  const final = (await store.get(id))!;
  printTrace(final, await store.history(id), io);
  io.stdout.write(`${JSON.stringify(final.output ?? null, null, 2)}\n`);
  if (final.status === 'completed') return EXIT.ok;
  if (final.error) io.stderr.write(`instance ${final.status}: ${final.error.code} ${final.error.message}${final.error.state ? ` (state ${final.error.state})` : ''}\n`);
  return EXIT.failed;
}

async function readInput(text: string | undefined, io: CliIo): Promise<Json | undefined> {
  let raw = text ?? '{}';
  if (raw.startsWith('@')) {
    try {
      raw = await readFile(raw.slice(1), 'utf8');
    } catch (err) {
      io.stderr.write(`--input ${raw}: ${(err as Error).message}\n`);
      return undefined;
    }
  }
  try {
    return JSON.parse(raw) as Json;
  } catch (err) {
    io.stderr.write(`--input is not valid JSON: ${(err as Error).message}\n`);
    return undefined;
  }
}
