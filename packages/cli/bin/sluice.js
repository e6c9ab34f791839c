#!/usr/bin/env node
// The `sluice` command: runs the built CLI (npm run build first). SIGTERM/SIGINT stop long-running commands.
import { main } from '../dist/main.js';

const stop = new Promise((resolve) => {
  process.once('SIGTERM', resolve);
  process.once('SIGINT', resolve);
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}, stop);
process.exit();
