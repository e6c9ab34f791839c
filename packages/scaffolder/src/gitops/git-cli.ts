/**
 * Runs the `git` CLI for the GitOps fallback: `execFile` (never a shell) with a fixed identity
 * (`-c user.name=Sluice -c user.email=sluice@localhost`), no system or global configuration, no
 * hooks or signing, and author and committer dates from the caller's clock.
 */
import { execFile } from 'node:child_process';
import { ScaffolderError } from '../errors/scaffolder-error.js';

/** How to run git. */
export interface GitOptions {
  /** The git executable (default `git`, looked up on the default PATH). */
  readonly git?: string;
  /** Extra environment for git (e.g. PATH); the library never reads the process environment. */
  readonly env?: Readonly<Record<string, string>>;
}

const FIXED_CONFIG = [
  '-c', 'user.name=Sluice',
  '-c', 'user.email=sluice@localhost',
  '-c', 'commit.gpgsign=false',
  '-c', 'core.autocrlf=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'init.defaultBranch=main',
];

/** Runs `git <args>` in `cwd` and returns its stdout; rejects with git's stderr. */
export function runGit(cwd: string, args: readonly string[], opts: GitOptions & { date?: Date } = {}): Promise<string> {
  const date = opts.date?.toISOString();
  const env: Record<string, string> = {
    ...opts.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return new Promise((resolve, reject) => {
    execFile(opts.git ?? 'git', [...FIXED_CONFIG, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new ScaffolderError('ACTION_FAILED', `git ${args[0] ?? ''} failed: ${String(stderr).trim() || err.message}`, { cause: err }));
      } else {
        resolve(String(stdout));
      }
    });
  });
}
