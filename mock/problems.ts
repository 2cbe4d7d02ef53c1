// Problems in the catalog's shape, and the translation of Prism's answers into them.
import type { ErrorCode } from '../generated/error-catalog.ts';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import type { Violation } from './prism.ts';

export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string | null;
  instance: string;
  errors?: FieldError[];
};

export function problem(code: ErrorCode, detail: string | null, instance: string, errors?: FieldError[]): Problem {
  const { type, title, status } = ERROR_CATALOG[code];
  return { type, title, status, code, detail, instance, ...(errors ? { errors } : {}) };
}

const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';

/** The code for Prism's own problems (its `type` is Prism's, not ours), by Prism's error name. */
const PRISM_CODES: Record<string, ErrorCode> = {
  NO_PATH_MATCHED_ERROR: 'not_found',
  // The catalog has no 405 code: a method the path does not have is answered as a route that does not exist.
  NO_METHOD_MATCHED_ERROR: 'not_found',
  // A `Prefer` asking for a status or example the operation does not document, or not readable: the mock's
  // client erred. (Prism's own 422 with violations, for a spec without a 422, is a validation error.)
  NOT_FOUND: 'invalid_request',
  NOT_ACCEPTABLE: 'invalid_request',
  UNPROCESSABLE_ENTITY: 'invalid_request',
  UNAUTHORIZED: 'unauthorized',
};

/** The request as the front saw it; `pathMethods` lets a detail name the methods a path does have. */
export type RequestSeen = { method: string; path: string; pathMethods: readonly string[] };

/**
 * Turns one of Prism's problem answers into ours: Prism's own problems get our code, request violations
 * give `errors[]` (validation) or `invalid_request` (wrong media type), and the spec's examples keep their
 * code and detail. `instance` becomes the request path.
 */
export function translate(
  body: unknown,
  httpStatus: number,
  violations: Violation[],
  request: RequestSeen,
  detailOf: (code: ErrorCode) => string | null,
): Problem {
  const instance = request.path;
  const given = (body ?? {}) as { type?: unknown; code?: unknown; detail?: unknown; errors?: unknown };
  const detail = typeof given.detail === 'string' ? given.detail : null;
  const requestErrors = violations.filter((v) => v.severity === 'Error' && v.location[0] === 'request');
  if (httpStatus === 401) return problem('unauthorized', detail, instance);
  if (requestErrors.some((v) => typeof v.code === 'number')) {
    return problem('invalid_request', requestErrors.map((v) => v.message).join('; '), instance);
  }
  if (requestErrors.length > 0) {
    return problem('validation_error', detailOf('validation_error'), instance, requestErrors.map(fieldError));
  }
  if (typeof given.type === 'string' && given.type.startsWith(PRISM_ERRORS)) {
    const name = given.type.slice(PRISM_ERRORS.length);
    const errors = prismValidation(body);
    if (errors.length > 0) return problem('validation_error', detail, instance, errors);
    return problem(PRISM_CODES[name] ?? 'internal_server_error', routeDetail(name, request) ?? detail, instance);
  }
  if (isErrorCode(given.code)) {
    const errors = Array.isArray(given.errors) ? (given.errors as FieldError[]) : undefined;
    return problem(given.code, detail, instance, errors);
  }
  // Only a spec gap gets here: an error response the catalog did not make.
  return problem('internal_server_error', `The spec answers ${httpStatus} with no catalog code: ${JSON.stringify(body)}`, instance);
}

/** Our words for Prism's routing errors (Prism's speak of its "specification file"). */
function routeDetail(name: string, { method, path, pathMethods }: RequestSeen): string | undefined {
  if (name === 'NO_PATH_MATCHED_ERROR') return `No operation has the path ${path}.`;
  if (name === 'NO_METHOD_MATCHED_ERROR' && pathMethods.length > 0) {
    return `${path} has no ${method} operation; it answers ${pathMethods
      .map((m) => m.toUpperCase())
      .sort()
      .join(', ')}.`;
  }
  return undefined;
}

/** `errors[]` entry from a violation: location below request.body/query/path/header, as a dot path. */
function fieldError({ location, message }: Violation): FieldError {
  const path = location.slice(2).map(String);
  // Ajv reports a missing or extra property at the parent; the property's name is in the message.
  const named = /(?:required property|additional properties; found) '([^']+)'/.exec(message);
  if (named) path.push(named[1]!);
  return { field: path.length > 0 ? path.join('.') : 'body', message };
}

/** Prism's own 422 (for a spec without a 422) lists its violations in `validation`, located by `path`. */
function prismValidation(body: unknown): FieldError[] {
  const validation = (body as { validation?: (Violation & { path?: (string | number)[] })[] }).validation ?? [];
  return validation.map((v) => fieldError({ ...v, location: v.location ?? ['request', ...(v.path ?? [])] }));
}
