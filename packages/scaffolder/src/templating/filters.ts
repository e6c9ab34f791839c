/**
 * Backstage's built-in template filters: `parseRepoUrl`, `parseEntityRef`, `pick`, `projectSlug`.
 */
import { ScaffolderError } from '../errors/scaffolder-error.js';

/** What `parseRepoUrl` gives for `host?owner=o&repo=r`. */
export interface RepoSpec {
  readonly host: string;
  readonly owner?: string;
  readonly repo: string;
  readonly organization?: string;
  readonly workspace?: string;
  readonly project?: string;
}

/**
 * Parses a RepoUrlPicker value, `github.com?owner=o&repo=r` (also `organization`, `workspace`,
 * `project` for Azure/Bitbucket). `repo` is required; `owner` is required unless `workspace` or
 * `organization` and `project` say where the repository lives.
 *
 * @example parseRepoUrl('gitlab.com?owner=team&repo=app') // { host: 'gitlab.com', owner: 'team', repo: 'app' }
 */
export function parseRepoUrl(repoUrl: unknown): RepoSpec {
  if (typeof repoUrl !== 'string' || repoUrl.trim() === '') {
    throw new ScaffolderError('INPUT_INVALID', `Invalid repo URL passed to parseRepoUrl: ${JSON.stringify(repoUrl)}`);
  }
  let url: URL;
  try {
    url = new URL(`https://${repoUrl.replace(/^https?:\/\//, '')}`);
  } catch {
    throw new ScaffolderError('INPUT_INVALID', `Invalid repo URL passed to parseRepoUrl, got ${repoUrl}`);
  }
  const param = (name: string): string | undefined => url.searchParams.get(name) ?? undefined;
  const repo = param('repo');
  if (!repo) {
    throw new ScaffolderError('INPUT_INVALID', `Invalid repo URL passed to parseRepoUrl, missing repo in ${repoUrl}`);
  }
  const owner = param('owner');
  const organization = param('organization');
  const workspace = param('workspace');
  const project = param('project');
  if (!owner && !workspace && !(organization && project)) {
    throw new ScaffolderError('INPUT_INVALID', `Invalid repo URL passed to parseRepoUrl, missing owner in ${repoUrl}`);
  }
  return {
    host: url.host,
    repo,
    ...(owner ? { owner } : {}),
    ...(organization ? { organization } : {}),
    ...(workspace ? { workspace } : {}),
    ...(project ? { project } : {}),
  };
}

/** `owner/repo` of a repo URL (`workspace/repo` or `project/repo` when there is no owner). */
export function projectSlug(repoUrl: unknown): string {
  const spec = parseRepoUrl(repoUrl);
  return `${spec.owner ?? spec.workspace ?? spec.project}/${spec.repo}`;
}

/** A parsed entity reference. */
export interface EntityName {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * Parses `[kind:][namespace/]name` (or an `{kind?, namespace?, name}` object). The namespace defaults
 * to `defaultNamespace` or `default`; a missing kind takes `defaultKind` and is an error without it.
 *
 * @example parseEntityRef('user:dev1') // { kind: 'user', namespace: 'default', name: 'dev1' }
 */
export function parseEntityRef(
  ref: unknown,
  opts: { defaultKind?: string; defaultNamespace?: string } = {},
): EntityName {
  let kind: string | undefined;
  let namespace: string | undefined;
  let name: string | undefined;
  if (typeof ref === 'string') {
    const colon = ref.indexOf(':');
    const slash = ref.indexOf('/');
    if (colon !== -1 && (slash === -1 || colon < slash)) {
      kind = ref.slice(0, colon);
      ref = ref.slice(colon + 1);
    }
    const rest = ref as string;
    const s = rest.indexOf('/');
    if (s !== -1) {
      namespace = rest.slice(0, s);
      name = rest.slice(s + 1);
    } else {
      name = rest;
    }
  } else if (ref && typeof ref === 'object') {
    const o = ref as Record<string, unknown>;
    kind = typeof o.kind === 'string' ? o.kind : undefined;
    namespace = typeof o.namespace === 'string' ? o.namespace : undefined;
    name = typeof o.name === 'string' ? o.name : undefined;
  } else {
    throw new ScaffolderError('INPUT_INVALID', `Entity reference must be a string or an object, got ${JSON.stringify(ref)}`);
  }
  kind = kind || opts.defaultKind;
  namespace = namespace || opts.defaultNamespace || 'default';
  const shown = typeof ref === 'string' ? ref : JSON.stringify(ref);
  if (!kind) {
    throw new ScaffolderError(
      'INPUT_INVALID',
      `Entity reference "${shown}" had missing or empty kind (e.g. did not start with "component:" or similar)`,
    );
  }
  if (!name) throw new ScaffolderError('INPUT_INVALID', `Entity reference "${shown}" had missing or empty name`);
  return { kind, namespace, name };
}

/** `obj[key]`, where `key` may be a dotted path (`pick('metadata.name')`). */
export function pick(obj: unknown, key: unknown): unknown {
  let cur: unknown = obj;
  for (const part of String(key).split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A template filter: the value, then the filter's arguments. */
export type TemplateFilter = (value: unknown, ...args: unknown[]) => unknown;

/** The filters every templater has. */
export const BUILTIN_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  parseRepoUrl: (v) => parseRepoUrl(v),
  parseEntityRef: (v, opts) => parseEntityRef(v, (opts ?? {}) as { defaultKind?: string; defaultNamespace?: string }),
  pick: (v, key) => pick(v, key),
  projectSlug: (v) => projectSlug(v),
};
