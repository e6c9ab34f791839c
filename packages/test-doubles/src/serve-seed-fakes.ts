/**
 * Starts the GitLab and Backstage fakes for trying the seed workflow by hand (`sluice-fakes`): the
 * approvals project exists, issues get a label after some polls, and template tasks finish.
 */
import { startBackstageFake, type BackstageFake } from './backstage/backstage-fake.js';
import type { TaskStatus } from './backstage/scaffolder.js';
import { SEED_APPROVALS_PROJECT, startGitLabFake, type GitLabFake } from './gitlab/gitlab-fake.js';
import type { RecordedRequest } from './http/recorded-request.js';

/** Options of {@link serveSeedFakes}. */
export interface SeedFakesOptions {
  gitlabPort?: number;
  backstagePort?: number;
  /** The label every approval issue gets, and after how many polls. Default: `approved` after 2. */
  decision?: 'approved' | 'denied';
  decideAfter?: number;
  /** Statuses each template task reports on successive reads. Default: processing, completed. */
  taskStatuses?: readonly TaskStatus[];
  /** Receives one line per request served. */
  log?: (line: string) => void;
}

/** The running fakes and the environment the seed workflow needs to reach them. */
export interface SeedFakes {
  gitlab: GitLabFake;
  backstage: BackstageFake;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts both fakes, scripted for the seed workflow. */
export async function serveSeedFakes(opts: SeedFakesOptions = {}): Promise<SeedFakes> {
  const onRequest = (service: string) => (r: RecordedRequest) =>
    opts.log?.(`${service} ${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''} -> ${r.response?.status ?? '?'}`);
  const gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT], onRequest: onRequest('gitlab'), ...(opts.gitlabPort !== undefined ? { port: opts.gitlabPort } : {}) });
  const backstage = await startBackstageFake({
    onRequest: onRequest('backstage'),
    defaultTaskStatuses: opts.taskStatuses ?? ['processing', 'completed'],
    ...(opts.backstagePort !== undefined ? { port: opts.backstagePort } : {}),
  });
  const after = opts.decideAfter ?? 2;
  const label = opts.decision ?? 'approved';
  gitlab.onPoll(SEED_APPROVALS_PROJECT.path_with_namespace, '*', (reads) => (reads >= after ? [label] : undefined));
  return {
    gitlab,
    backstage,
    env: {
      GITLAB_URL: gitlab.url,
      GITLAB_TOKEN: gitlab.token,
      BACKSTAGE_BACKEND_URL: backstage.url,
      BACKSTAGE_BACKEND_BEARER_TOKEN: backstage.token,
      SWT_REF: 'template:default/orchestrator-namespace-request',
    },
    close: async () => {
      await Promise.all([gitlab.close(), backstage.close()]);
    },
  };
}
