/**
 * Defines one vitest test per workflow corpus case (engine/test/corpus, workflows/<id>/cases) on a
 * given store. The engine runs it on memory; @sluice/stores runs it on SQLite and PostgreSQL.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../src/expr/duration.js';
import type { CorpusFile } from './corpus-format.js';
import { runCase, type MakeCaseStore } from './corpus-runner.js';

const here = new URL('.', import.meta.url).pathname;
const ROOTS = [join(here, 'corpus'), join(here, '../../../workflows')];

function corpusFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(corpusFiles(p));
    else if (/\.cases\.ya?ml$/.test(name) || (dir.includes('/corpus') && /\.ya?ml$/.test(name))) out.push(p);
  }
  return out.sort();
}

/** Registers the corpus on a store. `only` keeps files whose path contains one of the strings. */
export function defineCorpus(opts: { label: string; makeStore?: MakeCaseStore; only?: readonly string[] }): void {
  const files = ROOTS.flatMap(corpusFiles).filter((f) => !opts.only || opts.only.some((o) => f.includes(o)));
  for (const file of files) {
    const corpus = parse(readFileSync(file, 'utf8')) as CorpusFile;
    const name = file.slice(file.indexOf('/packages/') >= 0 ? file.indexOf('/packages/') + 1 : file.indexOf('/workflows/') + 1);
    describe(`${opts.label}: ${name}`, () => {
      for (const c of corpus.cases ?? []) {
        const run = c.skip ? it.skip : it;
        run(c.name, async () => {
          const o = await runCase(file, corpus, c, opts.makeStore);
          const e = c.expect;
          const status = o.state.status === 'running' ? 'waiting' : o.state.status;
          const why = JSON.stringify({ status: o.state.status, error: o.state.error, states: entered(o) });
          if (e.status) expect(status, why).toBe(e.status);
          if (e.states) expect(entered(o)).toEqual(e.states);
          if (e.output !== undefined) expect(o.state.output ?? null).toEqual(e.output);
          if (e.outputContains !== undefined) expect(o.state.output).toMatchObject(e.outputContains as object);
          if (e.error) expect(o.state.error).toMatchObject(e.error);
          for (const [fn, calls] of Object.entries(e.calls ?? {})) {
            const got = o.calls.filter((k) => k.fn === fn).map((k) => k.args);
            expect(got.length, `calls of ${fn}`).toBe(calls.length);
            calls.forEach((args, i) => expect(got[i]).toMatchObject(args as object));
          }
          for (const [fn, count] of Object.entries(e.callCount ?? {})) expect(o.calls.filter((k) => k.fn === fn).length, `calls of ${fn}`).toBe(count);
          if (e.events) {
            expect(o.events.length).toBe(e.events.length);
            e.events.forEach((ev, i) => expect(o.events[i]).toMatchObject(ev as object));
          }
          if (e.logs) expect(o.logs).toEqual(e.logs);
          if (e.elapsed) expect(o.elapsedMs).toBe(parseDuration(e.elapsed));
        });
      }
    });
  }
}

function entered(o: { history: { type: string; state?: string }[] }): string[] {
  return o.history.filter((h) => h.type === 'state.entered').map((h) => h.state!);
}
