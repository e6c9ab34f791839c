/**
 * Where a link from a workflow or a notification leads in the portal. Relative links and absolute
 * ones to this origin become in-app routes (no page reload); Backstage/RHDH paths the workflows
 * still send (`/orchestrator/instances/:id`, `/catalog/:ns/:kind/:name`, the approvals API link)
 * map to the Sluice pages that show the same thing. Anything else stays an external link.
 */

export type PortalLink = { readonly kind: 'internal'; readonly to: string } | { readonly kind: 'external'; readonly href: string };

const LEGACY: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^\/orchestrator\/instances\/([^/]+)\/?$/, (m) => `/runs/${m[1]}`],
  [/^\/orchestrator\/workflows\/([^/]+)\/?$/, (m) => `/workflows/${m[1]}`],
  [/^\/orchestrator\/?$/, () => '/workflows'],
  [/^\/catalog\/([^/]+)\/([^/]+)\/([^/]+)\/?$/, (m) => `/components?entity=${encodeURIComponent(`${m[2]}:${m[1]}/${m[3]}`.toLowerCase())}`],
  [/^\/api\/approvals\/([^/]+)\/?$/, (m) => `/approvals?id=${m[1]}`],
  [/^\/create\/tasks\/([^/]+)\/?$/, (m) => `/tasks/${m[1]}`],
  [/^\/api\/scaffolder\/v2\/tasks\/([^/]+)\/?$/, (m) => `/tasks/${m[1]}`],
];

/**
 * The in-app route or external address of `link`; undefined when it is not an http(s) link.
 *
 * @example
 * toPortalLink('https://portal.example/orchestrator/instances/42', 'https://portal.example'); // { kind: 'internal', to: '/runs/42' }
 */
export function toPortalLink(link: string, origin: string = window.location.origin): PortalLink | undefined {
  let url: URL;
  try {
    url = new URL(link, `${origin}/`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin !== origin) return { kind: 'external', href: url.href };
  for (const [pattern, to] of LEGACY) {
    const m = url.pathname.match(pattern);
    if (m) return { kind: 'internal', to: to(m) };
  }
  // The API (downloads, JSON) is not a page of the app: let the browser open it.
  if (url.pathname.startsWith('/api/')) return { kind: 'external', href: url.href };
  return { kind: 'internal', to: `${url.pathname}${url.search}${url.hash}` };
}
