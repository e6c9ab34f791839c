/**
 * The Backstage fake (@sluice/test-doubles) that answers the seed workflow's scaffolder calls, in
 * its own process so its work (routing, OpenAPI conformance checks, recording) stays off the
 * measured server's event loop; or in this process for the smoke test (vitest cannot fork .ts).
 * Its tasks report `completed` on their first read, so the small path reads each task once.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBackstageFake } from '@sluice/test-doubles';

export interface BackstageDouble {
  readonly url: string;
  readonly token: string;
  /** Stops it; resolves with the requests it answered and the spec violations it saw. */
  stop(): Promise<{ requests: number; violations: string[] }>;
}

type Message = { up: { url: string; token: string } } | { report: { requests: number; violations: string[] } } | { error: string };

/** Starts the fake in a child process (default) or in this one. */
export async function startBackstageDouble(opts: { inProcess?: boolean } = {}): Promise<BackstageDouble> {
  if (opts.inProcess) {
    const fake = await startBackstageFake({ defaultTaskStatuses: ['completed'] });
    return {
      url: fake.url,
      token: fake.token,
      stop: async () => {
        const report = { requests: fake.requests.length, violations: fake.violations.map((v) => v.slice(0, 300)) };
        await fake.close();
        return report;
      },
    };
  }
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let onReport: ((r: { requests: number; violations: string[] }) => void) | undefined;
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the Backstage fake exited with ${code}`)));
    child.on('message', (m: Message) => {
      if ('error' in m) reject(new Error(`the Backstage fake failed: ${m.error}`));
      else if ('report' in m) onReport?.(m.report);
      else
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
    });
  });
}

async function serve(): Promise<void> {
  const fake = await startBackstageFake({ defaultTaskStatuses: ['completed'] });
  const send = (m: Message): void => void process.send?.(m);
  process.on('message', (m: string) => {
    if (m === 'report') send({ report: { requests: fake.requests.length, violations: fake.violations.map((v) => v.slice(0, 300)) } });
    else if (m === 'exit') void fake.close().finally(() => process.exit(0));
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
