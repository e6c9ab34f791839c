/** Errors a route throws to answer with a given HTTP status. */

export type HttpErrorName = 'InputError' | 'AuthenticationError' | 'NotAllowedError' | 'NotFoundError' | 'ConflictError' | 'ServiceUnavailableError';

const STATUS: Record<HttpErrorName, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/** An error with an HTTP status; `details` (e.g. validation problems with JSON pointers) goes in the body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    override readonly name: HttpErrorName,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[name];
  }
}

export const badRequest = (message: string, details?: unknown): HttpError => new HttpError('InputError', message, details);
export const unauthorized = (message = 'authentication required'): HttpError => new HttpError('AuthenticationError', message);
export const forbidden = (message = 'not allowed'): HttpError => new HttpError('NotAllowedError', message);
export const notFound = (message: string): HttpError => new HttpError('NotFoundError', message);
export const conflict = (message: string, details?: unknown): HttpError => new HttpError('ConflictError', message, details);
