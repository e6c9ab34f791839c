/**
 * GitLab issue webhooks as CloudEvents: an `Issue Hook` whose labels changed becomes
 * `com.gitlab.issue.labels.changed` with the extensions `gitlabproject` (path with namespace) and
 * `gitlabissue` (the issue iid), so that a workflow written for events can wait for an `approved`
 * label without polling (correlate on `gitlabissue`, or match the type while it waits).
 */
import type { CloudEvent } from '@sluice/engine';

export const LABELS_CHANGED = 'com.gitlab.issue.labels.changed';

interface Label {
  title?: string;
}
interface IssueHook {
  object_kind?: string;
  project?: { id?: number; path_with_namespace?: string; web_url?: string };
  object_attributes?: { id?: number; iid?: number; title?: string; state?: string; url?: string; updated_at?: string; action?: string };
  labels?: Label[];
  changes?: { labels?: { previous?: Label[]; current?: Label[] } };
}

/** The CloudEvent for a label change, or undefined for any other hook (ignored). */
export function issueHookToEvent(body: unknown, deliveryId: string | undefined): CloudEvent | undefined {
  const hook = (body ?? {}) as IssueHook;
  if (hook.object_kind !== 'issue' || !hook.changes?.labels) return undefined;
  const project = hook.project?.path_with_namespace;
  const iid = hook.object_attributes?.iid;
  if (!project || iid === undefined) return undefined;
  const titles = (ls: Label[] | undefined) => (ls ?? []).map((l) => l.title).filter((t): t is string => typeof t === 'string');
  const previous = titles(hook.changes.labels.previous);
  const current = titles(hook.changes.labels.current);
  const updated = hook.object_attributes?.updated_at;
  return {
    specversion: '1.0',
    id: deliveryId ?? `${project}#${iid}@${updated ?? current.join(',')}`,
    source: `gitlab:${project}`,
    type: LABELS_CHANGED,
    ...(updated ? { time: new Date(updated.replace(' UTC', 'Z').replace(' ', 'T')).toISOString() } : {}),
    datacontenttype: 'application/json',
    gitlabproject: project,
    gitlabissue: String(iid),
    data: {
      project: { id: hook.project?.id ?? null, path_with_namespace: project },
      issue: { id: hook.object_attributes?.id ?? null, iid, title: hook.object_attributes?.title ?? null, state: hook.object_attributes?.state ?? null, url: hook.object_attributes?.url ?? null },
      labels: current,
      added: current.filter((l) => !previous.includes(l)),
      removed: previous.filter((l) => !current.includes(l)),
    },
  } as CloudEvent;
}
