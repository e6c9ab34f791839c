// OpenAPI-style path templates (`/api/v4/projects/{id}/issues`): matching a concrete path and
// ranking candidates, shared by the fakes' routers and the conformance checker.

/**
 * Matches a raw request path against a template whose variables are written `{name}`.
 * Each segment is percent-decoded after splitting, so `rhdh%2Fapprovals` fills one variable with
 * `rhdh/approvals` (GitLab's URL-encoded project path). Returns the variables, or undefined.
 *
 * @example
 * matchPathTemplate('/api/v4/projects/{id}', '/api/v4/projects/7') // { id: '7' }
 */
export function matchPathTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = splitPath(template);
  const got = splitPath(path);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const pattern = want[i] as string;
    let segment: string;
    try {
      segment = decodeURIComponent(got[i] as string);
    } catch {
      return undefined;
    }
    const variable = /^\{([^}]+)\}$/.exec(pattern);
    if (variable) {
      if (segment === '') return undefined;
      params[variable[1] as string] = segment;
    } else if (pattern !== segment) {
      return undefined;
    }
  }
  return params;
}

/**
 * How many variable segments a template has. OpenAPI 3.0 (Path Templating) says concrete paths
 * match before templated ones, so callers prefer the candidate with the lowest count. @internal
 */
export function templateVariableCount(template: string): number {
  return splitPath(template).filter((s) => s.startsWith('{')).length;
}

/** Joins a base path (`/` or `/prefix`) and an operation path without doubling slashes. @internal */
export function joinBasePath(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}

function splitPath(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? [''] : trimmed.split('/');
}
