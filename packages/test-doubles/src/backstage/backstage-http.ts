// Backstage's HTTP conventions as the fake reproduces them: static external-access tokens that
// authenticate as service (or, for tests, user) principals, and the serialized error body.
import type { FakeReply } from '../http/fake-server.js';
import type { RecordedRequest } from '../http/recorded-request.js';

/** The token the Backstage fake accepts unless told otherwise. */
export const BACKSTAGE_FAKE_TOKEN = 'sluice-backstage-test-token';

/**
 * A token the fake accepts. With `subject` it is a static external-access token
 * (`backend.auth.externalAccess[].options.{token,subject}`) and authenticates as the service
 * principal `external:<subject>`; with `userEntityRef` it stands for a signed-in user's token.
 */
export type BackstageTokenConfig = { token: string; subject: string } | { token: string; userEntityRef: string };

/** Who a request authenticated as. */
export type BackstagePrincipal = { type: 'service'; subject: string } | { type: 'user'; userEntityRef: string };

/** Finds the principal for a request's `Authorization: Bearer` token, or undefined. @internal */
export function principalOf(request: RecordedRequest, tokens: readonly BackstageTokenConfig[]): BackstagePrincipal | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers['authorization'] ?? '');
  const config = match ? tokens.find((t) => t.token === match[1]) : undefined;
  if (!config) return undefined;
  return 'subject' in config ? { type: 'service', subject: `external:${config.subject}` } : { type: 'user', userEntityRef: config.userEntityRef };
}

/**
 * The 401 reply for a request without a known token, else undefined. The messages are the fake's
 * own; the status and error name follow Backstage's `AuthenticationError`. @internal
 */
export function authenticateBackstage(request: RecordedRequest, tokens: readonly BackstageTokenConfig[]): FakeReply | undefined {
  if (principalOf(request, tokens)) return undefined;
  const message = request.headers['authorization'] ? 'Invalid token' : 'Missing credentials';
  return backstageError(401, 'AuthenticationError', message, request);
}

/**
 * A Backstage error reply: `{ error: { name, message }, request: { method, url }, response:
 * { statusCode } }`, the shape of `@backstage/errors` serialization as the backend's error
 * handler sends it in production (no stack). @internal
 */
export function backstageError(status: number, name: string, message: string, request: RecordedRequest): FakeReply {
  const url = request.rawQuery === '' ? request.path : `${request.path}?${request.rawQuery}`;
  return {
    status,
    body: { error: { name, message }, request: { method: request.method, url }, response: { statusCode: status } },
  };
}

/**
 * The reply for a body that is present but not JSON, as Express's JSON parser rejects it, else
 * undefined. @internal
 */
export function rejectMalformedJson(request: RecordedRequest): FakeReply | undefined {
  const text = request.rawBody.trim();
  if (text === '' || request.body !== null || text === 'null') return undefined;
  return backstageError(400, 'InputError', 'Malformed JSON in request body', request);
}
