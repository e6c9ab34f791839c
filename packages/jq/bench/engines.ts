/**
 * The four things the benchmark compares, behind one interface: sluice (this package),
 * hand-written JavaScript, jqjs (@michaelhomer/jqjs, pure JS) and jq-web (jq 1.7.1 in wasm).
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json } from '../src/ast.js';
// The package itself: vitest and tsc resolve it to src/ (condition sluice-source), while
// `npm run bench` runs the built dist/, i.e. the JavaScript that production runs.
import { compile } from '@sluice/jq';
import type { BenchCase } from './cases.js';
import type { BenchInput } from './inputs.js';

/** The engines, in table order. */
export type EngineName = 'sluice' | 'hand-written' | 'jqjs' | 'jq-web';

/** One expression ready to run on one engine. */
export interface Runner {
  /** One evaluation, as timed: the result is kept in a sink so it cannot be optimised away. */
  run(input: BenchInput): void;
  /** All outputs for the correctness check. */
  outputs(input: BenchInput): Json[];
}

/** An engine: prepares a runner per expression, or says why it cannot. */
export interface Engine {
  name: EngineName;
  /** Null when the engine cannot be loaded at all (e.g. the package is not installed). */
  unavailable: string | null;
  prepare(c: BenchCase): Runner;
}

let sink: unknown;

/** The last result kept by a runner (read it to keep the results alive). */
export function lastResult(): unknown {
  return sink;
}

function sluice(): Engine {
  return {
    name: 'sluice',
    unavailable: null,
    prepare(c) {
      const program = compile(c.jq);
      const keep = (v: Json): void => {
        sink = v;
      };
      return {
        run: (input) => program.forEach(input.value, keep),
        outputs: (input) => program.all(input.value),
      };
    },
  };
}

function handWritten(): Engine {
  return {
    name: 'hand-written',
    unavailable: null,
    prepare(c) {
      return {
        run: (input) => {
          sink = c.hand(input.value);
        },
        outputs: (input) => [c.hand(input.value)],
      };
    },
  };
}

/** The entry file of a package inside `dir` (for SLUICE_BENCH_NODE_MODULES). */
function entryIn(dir: string, name: string): string {
  const root = join(dir, name);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports?: string | { '.'?: string | { import?: string; default?: string } };
    module?: string;
    main?: string;
  };
  const dot = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
  const entry = typeof dot === 'string' ? dot : (dot?.import ?? dot?.default ?? pkg.module ?? pkg.main ?? 'index.js');
  return pathToFileURL(join(root, entry)).href;
}

/**
 * Imports an optional dev dependency by a name TypeScript does not resolve. Set
 * SLUICE_BENCH_NODE_MODULES to a node_modules folder to load them from somewhere else.
 */
async function importOptional(name: string): Promise<{ mod: unknown } | { error: string }> {
  const dir = process.env.SLUICE_BENCH_NODE_MODULES;
  try {
    return { mod: (await import(dir === undefined ? name : entryIn(dir, name))) as unknown };
  } catch (e) {
    return { error: `${name} not loadable: ${(e as Error).message.split('\n')[0]}` };
  }
}

interface JqjsModule {
  compile(program: string): (input: Json) => Iterable<Json>;
}

async function jqjs(): Promise<Engine> {
  const loaded = await importOptional('@michaelhomer/jqjs');
  const mod = 'mod' in loaded ? ((loaded.mod as { default?: JqjsModule }).default ?? (loaded.mod as JqjsModule)) : null;
  return {
    name: 'jqjs',
    unavailable: 'error' in loaded ? loaded.error : null,
    prepare(c) {
      const filter = mod!.compile(c.jq);
      return {
        run: (input) => {
          for (const v of filter(input.value)) sink = v;
        },
        outputs: (input) => [...filter(input.value)],
      };
    },
  };
}

interface JqWebModule {
  raw(json: string, filter: string, flags?: string[]): string;
}

async function jqWeb(): Promise<Engine> {
  const loaded = await importOptional('jq-web');
  let mod: JqWebModule | null = null;
  let unavailable = 'error' in loaded ? loaded.error : null;
  if ('mod' in loaded) {
    // The CommonJS export is a promise of the module (emscripten's instantiation).
    const exported = (loaded.mod as { default?: unknown }).default ?? loaded.mod;
    mod = (await (exported as Promise<JqWebModule>)) ?? null;
    if (mod === null || typeof mod.raw !== 'function') unavailable = 'jq-web loaded but has no raw()';
  }
  return {
    name: 'jq-web',
    unavailable,
    prepare(c) {
      const flags = ['-c'];
      return {
        run: (input) => {
          sink = mod!.raw(input.text, c.jq, flags);
        },
        outputs: (input) =>
          mod!
            .raw(input.text, c.jq, flags)
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as Json),
      };
    },
  };
}

/** Loads all four engines (jqjs and jq-web asynchronously, once). */
export async function loadEngines(): Promise<Engine[]> {
  return [sluice(), handWritten(), await jqjs(), await jqWeb()];
}
