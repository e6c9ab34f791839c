/** The CLI's view of the process: streams, environment and working directory, injected for tests. */

/** Where the CLI writes and what it reads. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit codes: 0 success, 1 the workflow failed or the definition is invalid, 2 usage or input error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
