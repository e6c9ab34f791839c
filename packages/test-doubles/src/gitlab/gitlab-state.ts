// The GitLab fake's data: projects, issues with per-project iids, and the scripted label changes
// tests use to play the approver. No HTTP here; the routes read and change this state.

/** A GitLab user as issues show it (author, closed_by). */
export interface GitLabUser {
  id: number;
  username: string;
  name: string;
}

/** What a test gives to seed a project; only `path_with_namespace` is needed. */
export interface GitLabProjectInput {
  /** `group/subgroup/project`. */
  path_with_namespace: string;
  id?: number;
  /** Human name; defaults to the last path segment. */
  name?: string;
  description?: string | null;
  /** ISO time; defaults to the fake's clock at seeding, so later seeds are newer. */
  created_at?: string;
  default_branch?: string | null;
  topics?: string[];
  visibility?: 'private' | 'internal' | 'public';
}

/** A project as the fake stores it. */
export interface GitLabProject {
  id: number;
  name: string;
  path: string;
  path_with_namespace: string;
  namespace: { id: number; path: string; full_path: string };
  description: string | null;
  created_at: string;
  last_activity_at: string;
  default_branch: string | null;
  topics: string[];
  visibility: 'private' | 'internal' | 'public';
}

/** An issue as the fake stores it. Labels are kept de-duplicated and sorted by name. */
export interface GitLabIssue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: GitLabUser | null;
  author: GitLabUser;
  confidential: boolean;
  due_date: string | null;
  issue_type: string;
}

/**
 * Decides an issue's labels when it is read with `GET .../issues/:iid`: gets the 1-based count of
 * such reads and the issue, returns the labels to set, or undefined to leave them.
 */
export type PollScript = (pollCount: number, issue: Readonly<GitLabIssue>) => readonly string[] | undefined;

/** Sorts and de-duplicates label names, dropping blanks (GitLab lists issue labels by name). */
export function normalizeLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((l) => l.trim()).filter((l) => l !== ''))].sort();
}

/** In-memory GitLab data. @internal */
export class GitLabState {
  readonly #projects: GitLabProject[] = [];
  readonly #issues: GitLabIssue[] = [];
  readonly #nextIid = new Map<number, number>();
  readonly #scripts = new Map<string, PollScript>();
  readonly #polls = new Map<string, number>();
  #nextProjectId = 1;
  #nextIssueId = 501;

  readonly #now: () => Date;

  constructor(options: { now: () => Date }) {
    this.#now = options.now;
  }

  addProject(input: GitLabProjectInput): GitLabProject {
    const segments = input.path_with_namespace.split('/').filter((s) => s !== '');
    if (segments.length < 2) throw new Error(`path_with_namespace "${input.path_with_namespace}" needs a namespace and a path`);
    const full = segments.join('/');
    if (this.project(full)) throw new Error(`project ${full} already exists`);
    const id = input.id ?? this.#nextProjectId;
    if (this.project(id)) throw new Error(`project id ${id} already exists`);
    this.#nextProjectId = Math.max(this.#nextProjectId, id + 1);
    const path = segments[segments.length - 1] as string;
    const namespacePath = segments.slice(0, -1).join('/');
    const created = input.created_at ?? this.#now().toISOString();
    const project: GitLabProject = {
      id,
      name: input.name ?? path,
      path,
      path_with_namespace: full,
      namespace: { id: 1000 + id, path: segments[segments.length - 2] as string, full_path: namespacePath },
      description: input.description ?? null,
      created_at: created,
      last_activity_at: created,
      default_branch: input.default_branch === undefined ? 'main' : input.default_branch,
      topics: input.topics ?? [],
      visibility: input.visibility ?? 'private',
    };
    this.#projects.push(project);
    return project;
  }

  /** Finds a project by numeric id, numeric string, or path with namespace (case-insensitive). */
  project(ref: number | string): GitLabProject | undefined {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) return this.#projects.find((p) => p.id === Number(ref));
    return this.#projects.find((p) => p.path_with_namespace.toLowerCase() === ref.toLowerCase());
  }

  projects(): GitLabProject[] {
    return [...this.#projects];
  }

  createIssue(project: GitLabProject, fields: Pick<GitLabIssue, 'title' | 'description' | 'labels' | 'confidential' | 'due_date' | 'issue_type'>, author: GitLabUser): GitLabIssue {
    const iid = this.#nextIid.get(project.id) ?? 1;
    this.#nextIid.set(project.id, iid + 1);
    const at = this.#now().toISOString();
    const issue: GitLabIssue = {
      id: this.#nextIssueId++,
      iid,
      project_id: project.id,
      ...fields,
      labels: normalizeLabels(fields.labels),
      state: 'opened',
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by: null,
      author,
    };
    this.#issues.push(issue);
    project.last_activity_at = at;
    return issue;
  }

  issue(projectId: number, iid: number): GitLabIssue | undefined {
    return this.#issues.find((i) => i.project_id === projectId && i.iid === iid);
  }

  issues(projectId?: number): GitLabIssue[] {
    return this.#issues.filter((i) => projectId === undefined || i.project_id === projectId);
  }

  /** Replaces an issue's labels, as an approver in the GitLab UI would. */
  setLabels(issue: GitLabIssue, labels: readonly string[]): void {
    issue.labels = normalizeLabels(labels);
    issue.updated_at = this.#now().toISOString();
  }

  /** Stamps an issue as updated now. */
  touch(issue: GitLabIssue): void {
    issue.updated_at = this.#now().toISOString();
  }

  /** Scripts the labels of one issue (or, with `'*'`, of every issue of the project without its own script). */
  onPoll(projectId: number, iid: number | '*', script: PollScript): void {
    this.#scripts.set(`${projectId}#${iid}`, script);
  }

  /** Counts a read of the issue and applies its poll script, if any. */
  recordPoll(issue: GitLabIssue): void {
    const key = `${issue.project_id}#${issue.iid}`;
    const count = (this.#polls.get(key) ?? 0) + 1;
    this.#polls.set(key, count);
    const script = this.#scripts.get(key) ?? this.#scripts.get(`${issue.project_id}#*`);
    const labels = script?.(count, structuredClone(issue));
    if (labels && normalizeLabels(labels).join(',') !== issue.labels.join(',')) this.setLabels(issue, labels);
  }

  /** How many times the issue has been read with GET. */
  pollCount(projectId: number, iid: number): number {
    return this.#polls.get(`${projectId}#${iid}`) ?? 0;
  }

  /** Closes or reopens an issue (`state_event`), stamping the times. */
  setState(issue: GitLabIssue, event: 'close' | 'reopen', by: GitLabUser): void {
    const at = this.#now().toISOString();
    if (event === 'close' && issue.state === 'opened') Object.assign(issue, { state: 'closed', closed_at: at, closed_by: by });
    if (event === 'reopen' && issue.state === 'closed') Object.assign(issue, { state: 'opened', closed_at: null, closed_by: null });
    issue.updated_at = at;
  }
}
