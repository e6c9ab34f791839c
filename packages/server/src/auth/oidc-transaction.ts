/**
 * The state of one OpenID Connect sign-in between `/api/auth/oidc/start` and the provider's
 * redirect back: `state`, the PKCE verifier, the nonce and the portal path to return to, kept in the
 * browser as a short-lived HttpOnly cookie holding an HS256 JWT. Stateless, so a sign-in survives a
 * restart and works on any replica sharing the session key; binding the callback to the browser that
 * started it (the cookie must be there and its `state` must match) stops login CSRF.
 */
import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/** What a sign-in carries from start to callback. */
export interface OidcTransaction {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
  /** The portal path to return to (always starts with a single `/`). */
  readonly redirect: string;
}

/** The cookie's name. */
export const OIDC_COOKIE = 'sluice_oidc';
/** The cookie's path: sent only to the OIDC routes. */
const COOKIE_PATH = '/api/auth/oidc';
const AUDIENCE = 'sluice-oidc-transaction';
const TTL_SECONDS = 600;

/** Seals and opens transactions with a key derived from the session key (never the key itself). */
export class OidcTransactions {
  private readonly key: Uint8Array;
  private readonly secure: () => boolean;

  /** `secureCookie` says whether to mark the cookie `Secure` (the redirect URL is https); asked per cookie. */
  constructor(opts: { readonly sessionKey: Uint8Array; readonly secureCookie: () => boolean }) {
    this.key = new Uint8Array(hkdfSync('sha256', opts.sessionKey, new Uint8Array(0), 'sluice oidc transaction', 32));
    this.secure = opts.secureCookie;
  }

  /** The `Set-Cookie` value that starts a sign-in. */
  async cookie(tx: OidcTransaction): Promise<string> {
    const jwt = await new SignJWT({ ...tx })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${TTL_SECONDS}s`)
      .sign(this.key);
    return this.serialize(jwt, TTL_SECONDS);
  }

  /** The `Set-Cookie` value that ends it (the callback is single-use). */
  clearCookie(): string {
    return this.serialize('', 0);
  }

  /** The transaction in a request's `Cookie` header, or undefined when absent, tampered with or expired. */
  async open(cookieHeader: string | undefined): Promise<OidcTransaction | undefined> {
    const raw = readCookie(cookieHeader, OIDC_COOKIE);
    if (!raw) return undefined;
    try {
      const { payload } = await jwtVerify(raw, this.key, { audience: AUDIENCE, algorithms: ['HS256'] });
      const { state, verifier, nonce, redirect } = payload;
      if (typeof state !== 'string' || typeof verifier !== 'string' || typeof nonce !== 'string' || typeof redirect !== 'string') return undefined;
      return { state, verifier, nonce, redirect };
    } catch {
      return undefined;
    }
  }

  private serialize(value: string, maxAge: number): string {
    return `${OIDC_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${this.secure() ? '; Secure' : ''}`;
  }
}

/** One cookie's value from a `Cookie` header. */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
