// Errors as problems of our catalog: status, title, type and the plain detail come from
// generated/error-catalog.ts only. Errors of the layers below HTTP arrive typed (an ApiError thrown by a
// resource; a test clock's ClockRefusal becomes one in resources/time-travel.ts); anything else is a sandbox
// bug, answered 500.
import { ERROR_CATALOG } from '../../generated/error-catalog.ts';
import { ApiError } from '../resources/errors.ts';
import type { StoredResponse } from './idempotency.ts';

export function problemBody(error: ApiError, instance: string): Record<string, unknown> {
  const entry = ERROR_CATALOG[error.code];
  const body: Record<string, unknown> = {
    type: entry.type,
    title: entry.title,
    status: entry.status,
    code: error.code,
    detail: error.message,
    instance,
  };
  if (error.errors) body['errors'] = error.errors;
  return body;
}

/** Headers the catalog says come with the code (Retry-After), defaulting to one second. */
export function problemHeaders(error: ApiError): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', ...error.headers };
  for (const name of ERROR_CATALOG[error.code].headers) headers[name.toLowerCase()] ??= '1';
  return headers;
}

/** An error as the problem answered: an ApiError as it says, anything else (a sandbox bug) as 500. */
export function problemResponse(error: unknown, instance: string): StoredResponse {
  if (!(error instanceof ApiError)) console.error('sandbox: unexpected error', error);
  const problem = error instanceof ApiError ? error : new ApiError('internal_server_error');
  return { status: problem.status, headers: problemHeaders(problem), body: JSON.stringify(problemBody(problem, instance)), code: problem.code };
}
