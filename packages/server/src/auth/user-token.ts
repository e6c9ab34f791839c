/** Portal users' bearer tokens: HS256 JWTs signed with a key kept in the data directory. */
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'sluice';
const AUDIENCE = 'sluice-portal';

/** Issues and checks user tokens. */
export class UserTokens {
  private readonly key: Uint8Array;
  constructor(
    secret: Uint8Array,
    private readonly ttlSeconds = 12 * 3600,
  ) {
    this.key = secret;
  }

  /** A token naming `userEntityRef`. */
  issue(userEntityRef: string, nowMs = Date.now()): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userEntityRef)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
  }

  /** The user a token names, or undefined when it is not ours, is tampered with or has expired. */
  async verify(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      return typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
