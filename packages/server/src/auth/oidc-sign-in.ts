/**
 * OpenID Connect sign-in (`auth.oidc`), authorization code flow with PKCE, state and nonce:
 * `GET /api/auth/oidc/start?redirect=<portal path>` sends the browser to the provider;
 * `GET /api/auth/oidc/handler/frame` takes it back, exchanges the code, checks the ID token (its
 * signature against the provider's JWKS too, not only TLS), maps the `userClaim` claim to
 * `user:default/<value>` (403 unless the catalog has that user) and redirects to the portal path
 * with a portal token in the URL fragment (`#token=…&expiresInSeconds=…`), which never reaches a
 * server log or a Referer header. When the sign-in is refused (an unknown user, a provider error), a
 * browser (Accept: text/html) is sent back to the portal path with `#error=<reason>` for the portal's
 * sign-in page to show; other clients get the error status (401, 403, 503) in the API's shape.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidcClient from 'openid-client';
import type { AppContext } from '../app/context.js';
import { sessionKey } from '../app/data-dir-secrets.js';
import type { OidcConfig } from '../config/server-config.js';
import { HttpError, badRequest, forbidden, unauthorized } from '../http/http-error.js';
import { OidcTransactions, type OidcTransaction } from './oidc-transaction.js';
import { issuePortalSession } from './portal-session.js';

const START_QUERY = { type: 'object', properties: { redirect: { type: 'string', maxLength: 2000 } } } as const;

/** Registers the OIDC routes. Throws when the issuer is plain http on a host other than this machine. */
export async function registerOidcSignIn(app: FastifyInstance, ctx: AppContext, oidc: OidcConfig): Promise<void> {
  const issuer = new URL(oidc.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)) {
    throw new Error(`auth.oidc.issuer ${oidc.issuer} must be https (http is allowed only for 127.0.0.1 and localhost)`);
  }
  const redirectUri = (): string => oidc.redirectUrl ?? `${ctx.baseUrl()}/api/auth/oidc/handler/frame`;
  const scope = oidc.scope.split(/\s+/).includes('openid') ? oidc.scope : `openid ${oidc.scope}`.trim();
  const transactions = new OidcTransactions({ sessionKey: sessionKey(ctx.config.dataDir), secureCookie: () => redirectUri().startsWith('https:') });
  const provider = lazyProvider(issuer, oidc, insecure);

  app.get<{ Querystring: { redirect?: string } }>('/api/auth/oidc/start', { schema: { querystring: START_QUERY } }, async (req, reply) => {
    const redirect = portalPath(req.query.redirect ?? '/');
    if (redirect === undefined) throw badRequest('redirect must be a path on the portal, such as /orchestrator');
    const config = await provider(req.log);
    const tx = { state: oidcClient.randomState(), verifier: oidcClient.randomPKCECodeVerifier(), nonce: oidcClient.randomNonce(), redirect };
    const url = oidcClient.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(),
      scope,
      response_type: 'code',
      code_challenge: await oidcClient.calculatePKCECodeChallenge(tx.verifier),
      code_challenge_method: 'S256',
      state: tx.state,
      nonce: tx.nonce,
    });
    return reply.header('set-cookie', await transactions.cookie(tx)).header('cache-control', 'no-store').redirect(url.href, 302);
  });

  app.get('/api/auth/oidc/handler/frame', async (req, reply) => {
    reply.header('set-cookie', transactions.clearCookie()).header('cache-control', 'no-store');
    const tx = await transactions.open(req.headers.cookie);
    if (!tx) throw badRequest('this sign-in has expired or was started in another browser; sign in again');
    const params = new URL(req.url, 'http://localhost').searchParams;
    if (params.get('state') !== tx.state) throw badRequest('the sign-in state does not match; sign in again');
    try {
      return await finishSignIn(req, reply, tx, params);
    } catch (err) {
      // A browser is sent back to the portal with the reason, which its sign-in page shows.
      if (!(err instanceof HttpError) || !(req.headers.accept ?? '').includes('text/html')) throw err;
      return reply.header('referrer-policy', 'no-referrer').redirect(`${tx.redirect}#${new URLSearchParams({ error: err.message })}`, 302);
    }
  });

  async function finishSignIn(req: FastifyRequest, reply: FastifyReply, tx: OidcTransaction, params: URLSearchParams): Promise<FastifyReply> {
    const config = await provider(req.log);
    const current = new URL(redirectUri());
    current.search = params.toString();
    let claims: oidcClient.IDToken | undefined;
    try {
      const tokens = await oidcClient.authorizationCodeGrant(config, current, { pkceCodeVerifier: tx.verifier, expectedState: tx.state, expectedNonce: tx.nonce, idTokenExpected: true });
      claims = tokens.claims();
    } catch (err) {
      throw signInFailed(err, req.log);
    }
    const value = claims?.[oidc.userClaim];
    if (typeof value !== 'string' || !value.trim()) throw forbidden(`the ID token has no ${oidc.userClaim} claim naming the catalog user`);
    const ref = `user:default/${value.trim().toLowerCase()}`;
    if (!(await ctx.catalog.hasUser(ref))) {
      throw forbidden(`${ref} (from the ID token's ${oidc.userClaim} claim) is not in the catalog; add a User entity named ${value.trim()} to let them sign in`);
    }
    const session = await issuePortalSession(ctx, ref);
    req.log.info({ user: ref, method: 'oidc' }, 'signed in');
    const fragment = new URLSearchParams({ token: session.token, expiresInSeconds: String(session.expiresInSeconds) });
    return reply.header('referrer-policy', 'no-referrer').redirect(`${tx.redirect}#${fragment}`, 302);
  }
}

/** Discovers the provider on first use and keeps it; a failed discovery is tried again next time. */
function lazyProvider(issuer: URL, oidc: OidcConfig, insecure: boolean): (log: FastifyBaseLogger) => Promise<oidcClient.Configuration> {
  let pending: Promise<oidcClient.Configuration> | undefined;
  const auth = oidc.clientSecret ? oidcClient.ClientSecretBasic(oidc.clientSecret) : oidcClient.None();
  const execute = [...(insecure ? [oidcClient.allowInsecureRequests] : []), oidcClient.enableNonRepudiationChecks];
  return async (log) => {
    pending ??= oidcClient.discovery(issuer, oidc.clientId, undefined, auth, { execute, timeout: 10 });
    try {
      return await pending;
    } catch (err) {
      pending = undefined;
      log.warn({ error: describe(err) }, `OIDC discovery at ${issuer.href} failed`);
      throw new HttpError('ServiceUnavailableError', `the OpenID provider ${issuer.href} cannot be reached; try again later`);
    }
  };
}

/** The HTTP error for a failed code exchange or ID token check (logged without any token). */
function signInFailed(err: unknown, log: FastifyBaseLogger): Error {
  const d = describe(err);
  log.warn({ error: d }, 'OIDC sign-in failed');
  if (err instanceof oidcClient.AuthorizationResponseError) return unauthorized(`the provider refused the sign-in: ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`);
  if (err instanceof oidcClient.ResponseBodyError) return unauthorized(`the provider refused the authorization code: ${err.error}`);
  const code = (err as { code?: unknown }).code;
  if (err instanceof TypeError || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return new HttpError('ServiceUnavailableError', 'the OpenID provider cannot be reached; try again later');
  if (err instanceof oidcClient.ClientError) return unauthorized(`sign-in failed: ${d.reason ?? d.message}${typeof code === 'string' ? ` (${code})` : ''}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Name, code and message of an error: never its cause, which may hold the provider's response. */
function describe(err: unknown): { name?: string; code?: unknown; message: string; reason?: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return { name: err.name, code: (err as { code?: unknown }).code, message: err.message, ...(cause && cause !== err.message ? { reason: cause } : {}) };
}

/** A path on this portal (`/x`, not `//host` or a URL), or undefined. */
function portalPath(p: string): string | undefined {
  if (!p.startsWith('/') || p.startsWith('//') || p.includes('\\') || [...p].some((c) => c <= ' ')) return undefined;
  return p.split('#')[0];
}
