/**
 * The GitOps fallback of `kubernetes:apply`: with no cluster configured, the objects are written
 * into a local git repository (created with `git init` on first use) as
 * `<folder>/<kind>-<name>.yaml`, one folder per namespace (a Namespace object goes into its own
 * folder, other cluster-scoped objects into `cluster/`), and committed in one commit per call.
 * Calls for the same repository are serialized; a dry run writes and commits nothing.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';
import { isClusterScoped, type ManifestObject } from '../actions/kubernetes-apply-manifests.js';
import { runGit, type GitOptions } from './git-cli.js';
import { withRepositoryLock } from './repository-lock.js';

/** Where and how to keep the GitOps repository. */
export interface GitOpsOptions extends GitOptions {
  /** The repository's directory (created, with `git init`, when missing). */
  readonly dir: string;
  /** Author and committer dates of the commits (default: the wall clock). */
  readonly clock?: { now(): Date };
}

/** What one call wrote. */
export interface GitOpsResult {
  /** The commit's sha (absent on a dry run). */
  readonly commit?: string;
  /** Repository-relative paths of the written files, in apply order. */
  readonly files: string[];
  readonly repository: string;
}

/** The repository path an object is stored at. */
export function gitOpsPath(object: ManifestObject): string {
  const name = object.metadata.name;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(name)) {
    throw new ScaffolderError('INPUT_INVALID', `kubernetes:apply: ${object.kind} name ${JSON.stringify(name)} cannot be a file name`);
  }
  const folder = object.kind === 'Namespace' ? name : isClusterScoped(object.kind) ? 'cluster' : (object.metadata.namespace ?? 'default');
  return `${folder}/${object.kind.toLowerCase()}-${name}.yaml`;
}

/** The commit message for applying `objects` in task `taskId`. */
export function commitMessage(objects: readonly ManifestObject[], taskId: string): string {
  const folders = [...new Set(objects.map((o) => gitOpsPath(o).split('/')[0] as string))].filter((f) => f !== 'cluster').sort();
  const count = `${objects.length} object${objects.length === 1 ? '' : 's'}`;
  const scope = folders.length === 1 ? `namespace ${folders[0]}` : folders.length === 0 ? 'cluster' : `namespaces ${folders.join(', ')}`;
  return `${scope}: apply ${count} (task ${taskId})`;
}

/** Writes `objects` into the repository and commits them (unless `dryRun`). */
export async function commitToGitOps(
  opts: GitOpsOptions,
  objects: readonly ManifestObject[],
  run: { taskId: string; dryRun: boolean; signal: AbortSignal; log: (message: string) => void },
): Promise<GitOpsResult> {
  const files = objects.map(gitOpsPath);
  if (run.dryRun) {
    run.log(`Dry run: would commit ${files.length} files to ${opts.dir}`);
    return { files, repository: opts.dir };
  }
  return withRepositoryLock(opts.dir, async () => {
    if (run.signal.aborted) throw new ScaffolderError('CANCELLED', 'kubernetes:apply was cancelled before committing');
    const date = (opts.clock ?? { now: () => new Date() }).now();
    const git = (args: string[]): Promise<string> => runGit(opts.dir, args, { ...opts, date });
    await mkdir(opts.dir, { recursive: true });
    const initialised = await access(resolveSafeChildPath(opts.dir, '.git')).then(
      () => true,
      () => false,
    );
    if (!initialised) {
      await git(['init', '-q']);
      run.log(`Created the GitOps repository ${opts.dir}`);
    }
    for (const [i, object] of objects.entries()) {
      const target = resolveSafeChildPath(opts.dir, files[i] as string);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, stringify(object, { lineWidth: 0 }));
    }
    await git(['add', '--', ...files]);
    await git(['commit', '-q', '--allow-empty', '--no-verify', '-m', commitMessage(objects, run.taskId), '--', ...files]);
    const commit = (await git(['rev-parse', 'HEAD'])).trim();
    run.log(`Committed ${files.length} files to ${opts.dir} as ${commit}`);
    return { commit, files, repository: opts.dir };
  });
}
