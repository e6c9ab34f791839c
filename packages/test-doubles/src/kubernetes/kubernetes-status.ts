// The `Status` failure bodies the Kubernetes API server answers with (k8s.io/apimachinery's
// StatusError constructors): same reasons, codes, messages and `details` shapes.
import { qualifiedResource, type KubernetesResourceType } from './kubernetes-resources.js';

/** One entry of `details.causes`. */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** A `metav1.Status`. */
export interface KubernetesStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
  code: number;
}

/** A status and the reply code it goes with. */
export interface StatusReply {
  status: number;
  body: KubernetesStatus;
}

/** A failure `Status` with the given code, reason, message and details. */
export function failure(code: number, reason: string, message: string, details?: KubernetesStatus['details']): StatusReply {
  const body: KubernetesStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
  return { status: code, body };
}

const identity = (type: KubernetesResourceType, name: string) => ({ name, ...(type.group ? { group: type.group } : {}) });

export const unauthorized = (): StatusReply => failure(401, 'Unauthorized', 'Unauthorized');

export const notFound = (type: KubernetesResourceType, name: string): StatusReply =>
  failure(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, { ...identity(type, name), kind: type.resource });

export const alreadyExists = (type: KubernetesResourceType, name: string): StatusReply =>
  failure(409, 'AlreadyExists', `${qualifiedResource(type)} "${name}" already exists`, { ...identity(type, name), kind: type.resource });

export const badRequest = (message: string): StatusReply => failure(400, 'BadRequest', message);

export const noSuchResource = (): StatusReply => failure(404, 'NotFound', 'the server could not find the requested resource', {});

export const methodNotAllowed = (): StatusReply => failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const unsupportedMediaType = (contentType: string): StatusReply =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${contentType})`);

/** 422 Invalid, with the message `Kind.group "name" is invalid: field: detail` (bracketed when several). */
export function invalid(kind: { kind: string; group: string }, name: string, causes: StatusCause[]): StatusReply {
  const qualified = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const lines = causes.map((c) => `${c.field}: ${c.message}`);
  const summary = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${summary}`, {
    name,
    ...(kind.group ? { group: kind.group } : {}),
    kind: kind.kind,
    causes,
  });
}

/** {@link invalid} for a resource type. */
export const invalidObject = (type: KubernetesResourceType, name: string, causes: StatusCause[]): StatusReply => invalid(type, name, causes);

/** The success `Status` a DELETE answers for types deleted at once. */
export function deleted(type: KubernetesResourceType, name: string, uid: string): { status: number; body: KubernetesStatus } {
  return { status: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { ...identity(type, name), kind: type.resource, uid }, code: 200 } };
}

/** Cause constructors mirroring k8s.io/apimachinery/pkg/util/validation/field. */
export const cause = {
  required: (field: string, detail = ''): StatusCause => ({ reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field }),
  invalid: (field: string, value: unknown, detail: string): StatusCause => ({ reason: 'FieldValueInvalid', message: `Invalid value: ${render(value)}: ${detail}`, field }),
  notSupported: (field: string, value: unknown, supported: readonly string[]): StatusCause => ({
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${render(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
    field,
  }),
};

function render(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
