/**
 * Maps a resource URI as written in a definition (`schemas/x.json`, `classpath:/specs/a.yaml`,
 * `file:x`, `https://…`) to the path the `ResourceReader` is asked for. POSIX-style, no I/O.
 */

/**
 * The reader path for `uri`, relative to the folder of `definitionFile`:
 * - `http(s)://…` and other URIs with a scheme are returned unchanged (the reader decides);
 * - `classpath:/x` and `classpath:x` → `<folder>/x` (SonataFlow's classpath root is
 *   `src/main/resources`, where the workflow file sits);
 * - `file:///abs` and `file:/abs` → `/abs`; `file:x` and `file://x` → `<folder>/x` (the spec
 *   examples write `file://myapis/…` for a path next to the workflow);
 * - `/abs` stays absolute; anything else is joined to the folder. `.` and `..` are resolved.
 *
 * @example
 * resourcePath('workflows/a/a.sw.yaml', 'classpath:/schemas/in.json') // 'workflows/a/schemas/in.json'
 * resourcePath('workflows/a/a.sw.yaml', '../shared/x.json')           // 'workflows/shared/x.json'
 */
export function resourcePath(definitionFile: string, uri: string): string {
  const folder = dirnameOf(definitionFile);
  if (/^classpath:/i.test(uri)) return joinPath(folder, uri.slice('classpath:'.length).replace(/^\/+/, ''));
  if (/^file:/i.test(uri)) {
    const rest = uri.slice('file:'.length);
    if (rest.startsWith('///')) return normalizePath(rest.slice(2));
    if (rest.startsWith('//')) return joinPath(folder, rest.slice(2));
    return rest.startsWith('/') ? normalizePath(rest) : joinPath(folder, rest);
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(uri)) return uri;
  return uri.startsWith('/') ? normalizePath(uri) : joinPath(folder, uri);
}

/** The folder part of a `/`-separated path (`''` when there is none). */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 ? '/' : path.slice(0, slash);
}

/** Joins a folder and a relative path, resolving `.` and `..`. */
export function joinPath(folder: string, relative: string): string {
  return normalizePath(folder === '' ? relative : `${folder}/${relative}`);
}

/**
 * Resolves `.`, `..` and repeated `/`. A relative path keeps leading `..` it cannot resolve; an
 * absolute one drops them at the root.
 */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}
