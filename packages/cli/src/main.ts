/**
 * @module @sluice/cli
 * The composition root of the `sluice` command: parses arguments and dispatches to `validate` or `run`.
 */
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from './io.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';
import { workerCommand } from './worker-command.js';

const USAGE = `usage:
  sluice validate <workflow files or folders...>
  sluice run <workflow file> [--input '<json>'|@file] [--properties file] [--set key=value]... [--fast-timers]
  sluice serve [--port 7007] [--host 127.0.0.1] [--database sqlite:<file>|postgres://...] [--workflows dir]
               [--templates dir] [--catalog dir] [--data-dir dir] [--config sluice.yaml]
  sluice worker --store memory|sqlite:<file>|postgres://... --workflows <folder>... [--name w] [--lease-ms n] [--poll-ms n] [--set key=value]...
`;

/** Runs the CLI; resolves with the exit code. `stop` ends long-running commands (the bin settles it on SIGTERM). */
export async function main(argv: readonly string[], io: CliIo, stop: Promise<unknown> = new Promise(() => undefined)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'validate') return await validateCommand(rest, io);
    if (command === 'serve') {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          database: { type: 'string' },
          workflows: { type: 'string' },
          templates: { type: 'string' },
          catalog: { type: 'string' },
          config: { type: 'string' },
          'data-dir': { type: 'string' },
        },
      });
      // Loaded on demand: the HTTP stack is not needed by the other commands.
      const { serveCommand } = await import('./serve-command.js');
      return await serveCommand(values, io, stop);
    }
    if (command === 'worker') {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          store: { type: 'string' },
          workflows: { type: 'string', multiple: true },
          name: { type: 'string' },
          'lease-ms': { type: 'string' },
          'poll-ms': { type: 'string' },
          set: { type: 'string', multiple: true },
        },
      });
      if (!values.store || !values.workflows?.length) {
        io.stderr.write(USAGE);
        return EXIT.usage;
      }
      return await workerCommand(
        {
          store: values.store,
          workflows: values.workflows,
          sets: values.set ?? [],
          ...(values.name ? { name: values.name } : {}),
          ...(values['lease-ms'] ? { leaseMs: Number(values['lease-ms']) } : {}),
          ...(values['poll-ms'] ? { pollMs: Number(values['poll-ms']) } : {}),
        },
        io,
        stop,
      );
    }
    if (command === 'run') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: {
          input: { type: 'string' },
          properties: { type: 'string' },
          set: { type: 'string', multiple: true },
          'fast-timers': { type: 'boolean' },
        },
      });
      if (positionals.length !== 1) {
        io.stderr.write(USAGE);
        return EXIT.usage;
      }
      return await runCommand(
        {
          file: positionals[0]!,
          ...(values.input !== undefined ? { input: values.input } : {}),
          ...(values.properties !== undefined ? { properties: values.properties } : {}),
          sets: values.set ?? [],
          fastTimers: values['fast-timers'] ?? false,
        },
        io,
      );
    }
    io.stderr.write(command === undefined || command === 'help' || command === '--help' ? USAGE : `unknown command ${command}\n${USAGE}`);
    return command === 'help' || command === '--help' ? EXIT.ok : EXIT.usage;
  } catch (err) {
    io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}
