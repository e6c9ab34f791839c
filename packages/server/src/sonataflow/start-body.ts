/**
 * Reading the body and headers of SonataFlow's start endpoint (`POST /{workflowId}`): `workflowdata`
 * is the input, every other top-level key a process variable. The initiator is the calling user (a
 * user cannot name another); a service may name it in `initiatorEntity` (as the upstream backend
 * does), else `user:default/system`. Credentials come from `X-Authorization-*` headers (and a user's
 * own bearer token as `X-Authorization-Backstage`); the other headers become `$WORKFLOW.headers`.
 */
import type { Json } from '@sluice/engine';
import { SYSTEM_INITIATOR } from '../auth/principal.js';
import { badRequest } from '../http/http-error.js';
import type { Caller } from '../orchestrator/access.js';
import { credentialHeaders, forwardedAuthorizationHeaders } from '../orchestrator/credential-headers.js';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

export interface StartBody {
  readonly input: Json;
  readonly initiator: string;
  readonly variables: Record<string, Json>;
  readonly credentials: Record<string, string>;
  readonly headers: Record<string, string>;
}

const NOT_PASSED_ON = /^(authorization|proxy-authorization|cookie|x-authorization-.*)$/i;
const ENTITY_REF = /^[a-z][a-z0-9-]*:[^/\s]+\/\S+$/i;

export function readStartBody(p: Caller, body: unknown, headers: Headers): StartBody {
  const b = body ?? {};
  if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('the body must be a JSON object', [{ pointer: '', message: 'must be an object' }]);
  const { workflowdata, ...extra } = b as Record<string, Json>;
  const named = extra.initiatorEntity;
  const initiator = p.type === 'user' ? p.userEntityRef : typeof named === 'string' && ENTITY_REF.test(named) ? named : SYSTEM_INITIATOR;
  const passed: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined && !NOT_PASSED_ON.test(k)) passed[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : undefined;
  return {
    input: workflowdata ?? {},
    initiator,
    variables: { ...extra, initiatorEntity: initiator },
    credentials: { ...forwardedAuthorizationHeaders(headers), ...credentialHeaders(p, authorization, []) },
    headers: passed,
  };
}
