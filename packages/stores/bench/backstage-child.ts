/**
 * The Backstage fake for the seed workload, in its own process: the bench's worker calls it over
 * HTTP on 127.0.0.1 like a remote Backstage, and the fake's work (routing, OpenAPI conformance
 * checks of every request and reply, recording) runs on the machine's other core instead of the
 * measured event loop. Its default task status script is ['completed'], so the seed's small path
 * reads the task once, after its one sleep.
 *
 * `startBackstageChild()` forks this file and resolves with the fake's URL and token;
 * `stop()` asks the child for the number of spec violations it saw, then ends it.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBackstageFake } from '@sluice/test-doubles';

/** A running Backstage fake (in a child process, or in this one for the smoke test). */
export interface BackstageChild {
  readonly url: string;
  readonly token: string;
  /** Ends the child; resolves with the requests it answered and the spec violations among them. */
  stop(): Promise<{ requests: number; violations: string[] }>;
}

type Up = { up: { url: string; token: string } } | { report: { requests: number; violations: string[] } } | { error: string };

/** Forks the fake and waits until it listens. */
export function startBackstageChild(): Promise<BackstageChild> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let onReport: ((r: { requests: number; violations: string[] }) => void) | undefined;
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the Backstage fake exited with ${code}`)));
    child.on('message', (m: Up) => {
      if ('error' in m) reject(new Error(`the Backstage fake failed: ${m.error}`));
      else if ('report' in m) onReport?.(m.report);
      else {
        resolve({
          ...m.up,
          stop: () =>
            new Promise((done) => {
              onReport = (r) => {
                child.once('exit', () => done(r));
                child.send('exit');
              };
              child.send('report');
            }),
        });
      }
    });
  });
}

/** The fake in this process (the smoke test runs under vitest, whose workers cannot fork .ts files). */
export async function startBackstageInline(): Promise<BackstageChild> {
  const fake = await startBackstageFake({ defaultTaskStatuses: ['completed'] });
  return {
    url: fake.url,
    token: fake.token,
    stop: async () => {
      const report = { requests: fake.requests.length, violations: [...fake.violations] };
      await fake.close();
      return report;
    },
  };
}

async function serve(): Promise<void> {
  const fake = await startBackstageFake({ defaultTaskStatuses: ['completed'] });
  const send = (m: Up): void => void process.send?.(m);
  process.on('message', (m: string) => {
    if (m === 'report') {
      const violations = fake.violations.map((v) => v.slice(0, 300));
      send({ report: { requests: fake.requests.length, violations } });
    } else if (m === 'exit') {
      void fake.close().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => void fake.close().finally(() => process.exit(0)));
  send({ up: { url: fake.url, token: fake.token } });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--serve') {
  serve().catch((err: unknown) => {
    process.send?.({ error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}
