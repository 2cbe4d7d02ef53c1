// The API's errors as resources throw them: a code of our catalog (generated/error-catalog.ts), the detail of
// this request and the fields at fault. HTTP (http/problem.ts) answers them as problems.
import { ERROR_CATALOG, type ErrorCode } from '../../generated/error-catalog.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by handlers; HTTP turns it into an `application/problem+json` response (http/problem.ts). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  /** `detail` says what went wrong in this request; without it, the catalog's detail of the code. */
  constructor(code: ErrorCode, detail: string = ERROR_CATALOG[code].detail, options: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

export const validationError = (errors: FieldError[]): ApiError => new ApiError('validation_error', undefined, { errors });

/** A failure a switch injected (sandbox/README.md, "Switches"): the catalog's detail, saying so. */
export const injected = (code: ErrorCode): ApiError => new ApiError(code, `${ERROR_CATALOG[code].detail} (Injected by the sandbox.)`);

export const notFound = (what: string, id: string): ApiError => new ApiError('not_found', `No such ${what}: ${id}`);

/** `invalid_status` with the detail the published API gives: the statuses allowed and the current one. */
export const invalidStatus = (resource: string, allowed: readonly string[], current: string): ApiError =>
  new ApiError(
    'invalid_status',
    `This operation can only be executed when the ${resource} status is ${allowed.join(' or ')}. The current status is ${current}.`,
  );
