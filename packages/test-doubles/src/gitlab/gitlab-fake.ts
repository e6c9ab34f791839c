// startGitLabFake: a stateful GitLab REST v4 double (project search, issues) on a real socket,
// checked against the seed workflow's gitlab-openapi.yaml, with hooks to play the approver.
import { startFakeServer, type FakeServerHandle } from '../http/fake-server.js';
import type { RecordedRequest } from '../http/recorded-request.js';
import { ConformanceChecker } from '../openapi/conformance-checker.js';
import { SEED_SPEC_FILES, seedSpecPath } from '../seed-specs.js';
import { gitLabRoutes } from './gitlab-routes.js';
import { GitLabState, type GitLabIssue, type GitLabProject, type GitLabProjectInput, type GitLabUser, type PollScript } from './gitlab-state.js';

/** The token the GitLab fake accepts unless told otherwise. */
export const GITLAB_FAKE_TOKEN = 'glpat-sluice-test-token';

/** The approvals project of the seed scenario (the tutorial's `rhdh/orchestrator-approvals`). */
export const SEED_APPROVALS_PROJECT: GitLabProjectInput = { path_with_namespace: 'rhdh/orchestrator-approvals' };

/** Options for {@link startGitLabFake}. */
export interface GitLabFakeOptions {
  /** The `PRIVATE-TOKEN` value to accept; default {@link GITLAB_FAKE_TOKEN}. */
  token?: string;
  /** The token's owner, shown as issue author and closer; default `root` (id 1). */
  user?: GitLabUser;
  /** Projects to seed, oldest first. */
  projects?: readonly GitLabProjectInput[];
  /** Answer requests that break the spec with 400 `{"error": <violations>}`; default false. */
  strict?: boolean;
  /** Port on 127.0.0.1 (default: ephemeral). */
  port?: number;
  /** Called after each reply. */
  onRequest?: (request: RecordedRequest) => void;
  /** Directory holding `gitlab-openapi.yaml`; default the seed workflow's `specs/`. */
  specsDir?: string;
  /** Clock for timestamps; default the wall clock. */
  now?: () => Date;
}

/** A running GitLab fake. Getters return copies; change state only through the hooks. */
export interface GitLabFake extends FakeServerHandle {
  readonly token: string;
  /** The checker, whose `notes` list the spec errata and quirks in force. */
  readonly checker: ConformanceChecker;
  /** Seeds a project; a later seed is newer and comes first in searches. */
  addProject(input: GitLabProjectInput): GitLabProject;
  projects(): GitLabProject[];
  /** All issues, or those of one project (by id or path with namespace). */
  issues(project?: number | string): GitLabIssue[];
  issue(project: number | string, iid: number): GitLabIssue | undefined;
  /** Sets an issue's labels now, as an approver would in the GitLab UI. */
  labelIssue(project: number | string, iid: number, labels: readonly string[]): void;
  /**
   * Scripts an issue's labels per read: on each `GET .../issues/:iid` the script gets the 1-based
   * read count and returns the labels to set (or undefined to keep them). `iid: '*'` scripts
   * every issue of the project that has no script of its own, including issues not created yet.
   */
  onPoll(project: number | string, iid: number | '*', script: PollScript): void;
  /** How many times an issue has been read with GET. */
  pollCount(project: number | string, iid: number): number;
}

/**
 * Starts a GitLab fake on 127.0.0.1 with an ephemeral port.
 *
 * @example
 * const gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
 * gitlab.onPoll('rhdh/orchestrator-approvals', 1, (n) => (n >= 3 ? ['approved'] : []));
 * // point the workflow's GITLAB_URL at gitlab.url and its GITLAB_TOKEN at gitlab.token, run it, then:
 * expect(gitlab.violations).toEqual([]);
 * await gitlab.close();
 */
export async function startGitLabFake(options: GitLabFakeOptions = {}): Promise<GitLabFake> {
  const token = options.token ?? GITLAB_FAKE_TOKEN;
  const user = options.user ?? { id: 1, username: 'root', name: 'Administrator' };
  const state = new GitLabState({ now: options.now ?? (() => new Date()) });
  for (const project of options.projects ?? []) state.addProject(project);
  const checker = ConformanceChecker.fromFiles([seedSpecPath(SEED_SPEC_FILES.gitlab, options.specsDir)]);
  const server = await startFakeServer({
    routes: gitLabRoutes(state, user),
    checker,
    strict: options.strict ?? false,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    authenticate: (request) =>
      request.headers['private-token'] === token ? undefined : { status: 401, body: { message: '401 Unauthorized' } },
    notFound: () => ({ status: 404, body: { error: '404 Not Found' } }),
    invalidRequest: (message) => ({ status: 400, body: { error: message } }),
  });
  const projectId = (ref: number | string): number => {
    const project = state.project(ref);
    if (!project) throw new Error(`GitLab fake: no project ${String(ref)}`);
    return project.id;
  };
  const storedIssue = (ref: number | string, iid: number): GitLabIssue => {
    const issue = state.issue(projectId(ref), iid);
    if (!issue) throw new Error(`GitLab fake: no issue ${String(ref)}#${iid}`);
    return issue;
  };
  return {
    ...server,
    token,
    checker,
    addProject: (input) => structuredClone(state.addProject(input)),
    projects: () => structuredClone(state.projects()),
    issues: (ref) => structuredClone(state.issues(ref === undefined ? undefined : projectId(ref))),
    issue: (ref, iid) => structuredClone(state.issue(projectId(ref), iid)),
    labelIssue: (ref, iid, labels) => state.setLabels(storedIssue(ref, iid), labels),
    onPoll: (ref, iid, script) => state.onPoll(projectId(ref), iid, script),
    pollCount: (ref, iid) => state.pollCount(projectId(ref), iid),
  };
}
