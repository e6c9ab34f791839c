/**
 * Maps errors to HTTP answers in Backstage's error shape:
 * `{error: {name, message, details?}, request: {method, url}, response: {statusCode}}`.
 * HttpError keeps its status; engine errors map by code; request validation is 400 with the
 * problems and their JSON pointers; anything else is 500 with a generic message (the cause is logged).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { WorkflowError } from '@sluice/engine';
import { HttpError } from './http-error.js';

const BY_CODE: Readonly<Record<string, readonly [number, string]>> = {
  WORKFLOW_NOT_FOUND: [404, 'NotFoundError'],
  INSTANCE_NOT_FOUND: [404, 'NotFoundError'],
  INPUT_INVALID: [400, 'InputError'],
  INSTANCE_CONFLICT: [409, 'ConflictError'],
  STORE_FAILED: [503, 'ServiceUnavailableError'],
};

/** The status, name, message and details to answer with. */
export function toHttpAnswer(err: unknown): { status: number; name: string; message: string; details?: unknown } {
  if (err instanceof HttpError) return { status: err.status, name: err.name, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
  if (err instanceof WorkflowError) {
    const [status, name] = BY_CODE[err.code] ?? [500, 'Error'];
    return { status, name, message: status === 500 ? 'internal error' : err.message, ...(err.details !== undefined && status < 500 ? { details: err.details } : {}) };
  }
  const fe = err as Partial<FastifyError>;
  if (fe.validation) {
    return {
      status: 400,
      name: 'InputError',
      message: `invalid request: ${fe.message}`,
      details: fe.validation.map((v) => ({ pointer: `${fe.validationContext ? `/${fe.validationContext}` : ''}${v.instancePath}`, message: v.message })),
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, name: fe.statusCode === 415 ? 'UnsupportedMediaTypeError' : 'InputError', message: fe.message ?? 'bad request' };
  }
  return { status: 500, name: 'Error', message: 'internal error' };
}

/** The fastify error handler. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const a = toHttpAnswer(err);
  if (a.status >= 500 && a.status !== 503) req.log.error({ err }, 'request failed');
  const retryAfter = (a.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (a.status === 503 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  return reply.status(a.status).send({
    error: { name: a.name, message: a.message, ...(a.details !== undefined ? { details: a.details } : {}) },
    request: { method: req.method, url: req.url },
    response: { statusCode: a.status },
  });
}
