/**
 * The credentials a run is started (or retriggered) with, as the headers the upstream backend sends
 * to SonataFlow: `X-Authorization-<Provider>` per `authTokens` entry (first letter capitalized:
 * `github` → `X-Authorization-Github`, `github-two` → `X-Authorization-Github-two`) and, for a user,
 * `X-Authorization-Backstage` with their own bearer token (a service's static token is never passed on).
 */
import { badRequest } from '../http/http-error.js';
import type { Caller } from './access.js';
import type { AuthToken } from './dto.js';

const PROVIDER = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The header for a provider name. */
export function authorizationHeaderName(provider: string): string {
  return `X-Authorization-${provider.charAt(0).toUpperCase()}${provider.slice(1)}`;
}

/** Headers for `tokens` (at `pointer` in the request body) plus the caller's Backstage token. */
export function credentialHeaders(p: Caller, authorization: string | undefined, tokens: readonly AuthToken[] | undefined, pointer = '/authTokens'): Record<string, string> {
  const out: Record<string, string> = {};
  (tokens ?? []).forEach((t, i) => {
    if (!PROVIDER.test(t.provider)) throw badRequest(`invalid auth token provider ${JSON.stringify(t.provider)}`, [{ pointer: `${pointer}/${i}/provider`, message: 'must be letters, digits, - or _' }]);
    if (t.token !== '') out[authorizationHeaderName(t.provider)] = t.token;
  });
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (p.type === 'user' && bearer) out['X-Authorization-Backstage'] = bearer;
  return out;
}

/** The `X-Authorization-*` headers of a request (the SonataFlow endpoints take credentials this way). */
export function forwardedAuthorizationHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const m = /^x-authorization-(.+)$/i.exec(k);
    const value = Array.isArray(v) ? v[0] : v;
    if (m && value) out[authorizationHeaderName(m[1]!)] = value;
  }
  return out;
}
