/**
 * `sluice serve [--port n] [--host h] [--database url] [--workflows dir] [--templates dir]
 * [--catalog dir] [--config sluice.yaml] [--data-dir dir]`: runs the server until `stop` resolves
 * (SIGTERM/SIGINT), then shuts down gracefully.
 */
import { ConfigError, loadServerConfig, startServer, type ServeFlags } from '@sluice/server';
import { EXIT, type CliIo } from './io.js';

export async function serveCommand(flags: ServeFlags, io: CliIo, stop: Promise<unknown>): Promise<number> {
  let config;
  try {
    config = loadServerConfig({ flags, env: io.env, cwd: io.cwd });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const server = await startServer(config, { env: io.env });
  await stop;
  server.log.info('SIGTERM: finishing the work in hand');
  await server.close();
  return EXIT.ok;
}
