/**
 * Process entry of `sluice-jq`: wires `runCli` to argv, the real streams, the file system and
 * `process.env`. Standard input is read lazily, in pieces, so values are printed as they arrive.
 * @module
 */
import { readFileSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { runCli } from './cli.js';

const READ_SIZE = 65536;
const FLUSH_AT = 65536;

let pending: string[] = [];
let pendingLength = 0;

function flush(): void {
  if (pendingLength === 0) return;
  process.stdout.write(pending.join(''));
  pending = [];
  pendingLength = 0;
}

/** One read from fd 0; null at EOF. Waits briefly and retries when the descriptor is non-blocking. */
function readStdinPiece(): Uint8Array | null {
  const buf = Buffer.allocUnsafe(READ_SIZE);
  for (;;) {
    try {
      const n = readSync(0, buf, 0, READ_SIZE, null);
      return n === 0 ? null : buf.subarray(0, n);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF' || code === 'EBADF') return null;
      throw e;
    }
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`sluice-jq . | head`): stop quietly, as jq does when SIGPIPE ends it.
  if (e.code === 'EPIPE') process.exit(141);
  throw e;
});

const code = runCli({
  argv: process.argv.slice(2),
  stdin: () => ({
    read: () => {
      flush(); // show what is ready before possibly blocking on input
      return readStdinPiece();
    },
  }),
  stdout: (text) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= FLUSH_AT) flush();
  },
  stderr: (text) => {
    flush();
    process.stderr.write(text);
  },
  readFile: (path) => readFileSync(path),
  env: process.env,
  isTTY: { stdin: isatty(0), stdout: isatty(1) },
});
flush();
process.exitCode = code;
