// Checks that a request carries the credentials an operation's security requirements name
// (OpenAPI 3.0 "Security Requirement Object": alternatives are OR-ed, schemes within one AND-ed).
import { isNode, type OpenApiDocument, type OpenApiNode } from './openapi-document.js';
import type { SpecOperation } from './operation-index.js';

type Requirement = Record<string, unknown>;

/** The effective security of one operation, plus notes on quirks met while resolving it. @internal */
export interface ResolvedSecurity {
  requirements: Requirement[];
  notes: string[];
}

/**
 * The requirements that apply to an operation: its own `security`, else the document's.
 *
 * Quirk handling: a requirement naming a scheme that `components.securitySchemes` does not define
 * (the seed scaffolder spec says `bearerAuth` on every operation but defines only `BearerToken`)
 * cannot be honoured by any client. Code generators skip such a scheme, and the tutorial shows
 * the Bearer token reaching the scaffolder. So the operation is checked against the document-level
 * requirement instead, and a note says so. @internal
 */
export function resolveSecurity(document: OpenApiDocument, operation: SpecOperation): ResolvedSecurity {
  const schemes = securitySchemes(document);
  const own = operation.node['security'];
  const global = Array.isArray(document.security) ? (document.security as Requirement[]) : [];
  const requirements = Array.isArray(own) ? (own as Requirement[]) : global;
  const undefinedNames = [...new Set(requirements.flatMap((r) => Object.keys(r)).filter((n) => !schemes[n]))];
  if (undefinedNames.length === 0) return { requirements, notes: [] };
  const usable = global.filter((r) => Object.keys(r).every((n) => schemes[n]));
  return {
    requirements: usable,
    notes: [
      `${operation.operationId}: security scheme(s) ${undefinedNames.join(', ')} not defined in ` +
        `components.securitySchemes; checked against the document-level security instead`,
    ],
  };
}

/**
 * Returns a violation message when no alternative requirement is met, else undefined. Only the
 * presence and form of credentials is checked; whether a token is valid is the fake's business.
 * @internal
 */
export function checkSecurity(
  document: OpenApiDocument,
  requirements: readonly Requirement[],
  headers: Record<string, string>,
  query: Record<string, string | string[]>,
): string | undefined {
  if (requirements.length === 0) return undefined;
  const schemes = securitySchemes(document);
  const satisfied = requirements.some((requirement) =>
    Object.keys(requirement).every((name) => {
      const scheme = schemes[name];
      return scheme !== undefined && schemePresent(scheme, headers, query);
    }),
  );
  if (satisfied) return undefined;
  const wanted = requirements
    .map((r) => Object.keys(r).map((n) => describeScheme(n, schemes[n])).join(' + ') || 'none')
    .join(' or ');
  return `security: missing credentials, expected ${wanted}`;
}

function securitySchemes(document: OpenApiDocument): Record<string, OpenApiNode> {
  const components = isNode(document.components) ? document.components : {};
  const schemes = components['securitySchemes'];
  return isNode(schemes) ? (schemes as Record<string, OpenApiNode>) : {};
}

function schemePresent(scheme: OpenApiNode, headers: Record<string, string>, query: Record<string, string | string[]>): boolean {
  const type = scheme['type'];
  if (type === 'apiKey') {
    const name = String(scheme['name'] ?? '');
    if (scheme['in'] === 'header') return (headers[name.toLowerCase()] ?? '') !== '';
    if (scheme['in'] === 'query') return query[name] !== undefined;
    if (scheme['in'] === 'cookie') return (headers['cookie'] ?? '').split(/;\s*/).some((c) => c.startsWith(`${name}=`));
    return false;
  }
  const authorization = headers['authorization'] ?? '';
  if (type === 'http') {
    const wanted = String(scheme['scheme'] ?? '').toLowerCase();
    const [given, credentials] = authorization.split(/\s+/, 2);
    return given?.toLowerCase() === wanted && (credentials ?? '') !== '';
  }
  // oauth2 and openIdConnect send a Bearer access token.
  return /^bearer\s+\S/i.test(authorization);
}

function describeScheme(name: string, scheme: OpenApiNode | undefined): string {
  if (!scheme) return name;
  if (scheme['type'] === 'apiKey') return `${String(scheme['name'])} ${String(scheme['in'])}`;
  if (scheme['type'] === 'http') return `Authorization: ${String(scheme['scheme'])}`;
  return `${name} (${String(scheme['type'])})`;
}
