// Renders stored GitLab projects and issues as the REST API v4 JSON (API_Entities_BasicProjectDetails,
// API_Entities_Issue), with URLs built from the fake's base URL.
import type { GitLabIssue, GitLabProject, GitLabUser } from './gitlab-state.js';

/**
 * A project as `GET /api/v4/projects?simple=true` returns it (API_Entities_BasicProjectDetails).
 * Without `simple`, GitLab returns a much larger entity; the fake adds only the visibility,
 * archive and issue fields a client might filter on. @internal
 */
export function renderProject(project: GitLabProject, baseUrl: string, options: { simple: boolean; openIssues: number }): Record<string, unknown> {
  const webUrl = `${baseUrl}/${project.path_with_namespace}`;
  const host = new URL(baseUrl).hostname;
  const basic: Record<string, unknown> = {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: [...project.namespace.full_path.split('/'), project.name].join(' / '),
    path: project.path,
    path_with_namespace: project.path_with_namespace,
    created_at: project.created_at,
    default_branch: project.default_branch,
    tag_list: [...project.topics],
    topics: [...project.topics],
    ssh_url_to_repo: `git@${host}:${project.path_with_namespace}.git`,
    http_url_to_repo: `${webUrl}.git`,
    web_url: webUrl,
    readme_url: null,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: project.last_activity_at,
    namespace: {
      id: project.namespace.id,
      name: project.namespace.path,
      path: project.namespace.path,
      kind: 'group',
      full_path: project.namespace.full_path,
      parent_id: null,
      avatar_url: null,
      web_url: `${baseUrl}/groups/${project.namespace.full_path}`,
    },
  };
  if (options.simple) return basic;
  return { ...basic, visibility: project.visibility, archived: false, issues_enabled: true, open_issues_count: options.openIssues };
}

/** A user as issue `author`/`closed_by` show it (API_Entities_UserBasic). @internal */
export function renderUser(user: GitLabUser, baseUrl: string): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: 'active',
    locked: false,
    avatar_url: null,
    web_url: `${baseUrl}/${user.username}`,
  };
}

/**
 * An issue as `GET /api/v4/projects/:id/issues/:iid` returns it (API_Entities_Issue), with
 * `web_url` = `<base>/<path_with_namespace>/-/issues/<iid>`. @internal
 */
export function renderIssue(issue: GitLabIssue, project: GitLabProject, baseUrl: string): Record<string, unknown> {
  const webUrl = `${baseUrl}/${project.path_with_namespace}/-/issues/${issue.iid}`;
  const api = `${baseUrl}/api/v4/projects/${project.id}`;
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.project_id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    closed_by: issue.closed_by ? renderUser(issue.closed_by, baseUrl) : null,
    labels: [...issue.labels],
    milestone: null,
    assignees: [],
    author: renderUser(issue.author, baseUrl),
    type: issue.issue_type.toUpperCase(),
    assignee: null,
    user_notes_count: 0,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: issue.due_date,
    confidential: issue.confidential,
    discussion_locked: null,
    issue_type: issue.issue_type,
    web_url: webUrl,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    task_completion_status: { count: 0, completed_count: 0 },
    blocking_issues_count: 0,
    has_tasks: false,
    _links: {
      self: `${api}/issues/${issue.iid}`,
      notes: `${api}/issues/${issue.iid}/notes`,
      award_emoji: `${api}/issues/${issue.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: null,
    },
    references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `${project.path_with_namespace}#${issue.iid}` },
    severity: 'UNKNOWN',
    subscribed: true,
    moved_to_id: null,
    imported: false,
    imported_from: 'none',
    service_desk_reply_to: null,
  };
}
