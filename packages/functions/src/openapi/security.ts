/**
 * Applies OpenAPI security schemes with credentials from quarkus-openapi-generator configuration
 * (`quarkus.openapi-generator.<configKey>.auth.<scheme>.*`, checklist §18.4), or, with token
 * propagation, from the credentials the host holds for the run.
 */
import type { ConfigSource } from '@sluice/engine';
import { encodeComponent } from '../http/param-style.js';
import { authKeys, firstValue } from './config-keys.js';
import type { SchemeSpec } from './operation-plan.js';

/** Where credentials go; the invoker turns it into the request. */
export interface AuthTarget {
  readonly headers: Record<string, string>;
  /** Encoded `name=value` query segments. */
  readonly query: string[];
  /** Encoded `name=value` cookie pairs. */
  readonly cookies: string[];
  /** Every credential value placed, so errors can scrub them. */
  readonly secrets: string[];
}

/**
 * Applies each scheme in `schemes` whose credentials are configured, and returns the names applied:
 * - http bearer or oauth2 with `token-propagation=true`: `Authorization: Bearer <token>`, the token
 *   taken from the run's credential header named by `header-name` (default `Authorization`; matched
 *   case-insensitively, e.g. `X-Authorization-Github`; a leading `Bearer ` is dropped). As in
 *   quarkus-openapi-generator, propagation wins over the other settings: without that credential
 *   nothing is sent;
 * - http bearer: `Authorization: Bearer <bearer-token>`;
 * - http basic: `Authorization: Basic base64(<username>:<password>)` (a missing password is empty);
 * - apiKey: `<api-key>` in the header, query parameter or cookie the scheme names.
 * Other types (oauth2 without propagation, openIdConnect, other http schemes) are not supported and are skipped.
 *
 * @example applySecurity(plan.schemes, config, 'gitlab_openapi_yaml', target) // ['access_token_header']
 */
export function applySecurity(
  schemes: readonly SchemeSpec[],
  config: ConfigSource,
  configKey: string,
  target: AuthTarget,
  credentials?: Readonly<Record<string, string>>,
): string[] {
  const applied: string[] = [];
  const value = (scheme: string, prop: string): string | undefined => firstValue(config, authKeys(configKey, scheme, prop));
  for (const s of schemes) {
    const bearerLike = s.type === 'oauth2' || (s.type === 'http' && s.scheme === 'bearer');
    if (bearerLike && value(s.name, 'token-propagation')?.trim().toLowerCase() === 'true') {
      const token = propagatedToken(credentials, value(s.name, 'header-name') ?? 'Authorization');
      if (token === undefined) continue;
      target.headers['Authorization'] = `Bearer ${token}`;
      target.secrets.push(token);
    } else if (s.type === 'http' && s.scheme === 'bearer') {
      const token = value(s.name, 'bearer-token');
      if (token === undefined) continue;
      target.headers['Authorization'] = `Bearer ${token}`;
      target.secrets.push(token);
    } else if (s.type === 'http' && s.scheme === 'basic') {
      const user = value(s.name, 'username');
      const password = value(s.name, 'password');
      if (user === undefined && password === undefined) continue;
      const encoded = Buffer.from(`${user ?? ''}:${password ?? ''}`, 'utf8').toString('base64');
      target.headers['Authorization'] = `Basic ${encoded}`;
      target.secrets.push(encoded, ...(password !== undefined ? [password] : []));
    } else if (s.type === 'apiKey' && s.keyName !== undefined) {
      const key = value(s.name, 'api-key');
      if (key === undefined) continue;
      if (s.keyIn === 'header') target.headers[s.keyName] = key;
      else if (s.keyIn === 'query') target.query.push(`${encodeComponent(s.keyName)}=${encodeComponent(key)}`);
      else if (s.keyIn === 'cookie') target.cookies.push(`${s.keyName}=${encodeComponent(key)}`);
      else continue;
      target.secrets.push(key, encodeComponent(key));
    } else {
      continue;
    }
    applied.push(s.name);
  }
  return applied;
}

/** The token in the credential header `name` (case-insensitive), without a `Bearer ` prefix. */
function propagatedToken(credentials: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  for (const [k, v] of Object.entries(credentials ?? {})) {
    if (k.toLowerCase() !== wanted) continue;
    const token = v.replace(/^bearer\s+/i, '').trim();
    return token === '' ? undefined : token;
  }
  return undefined;
}
