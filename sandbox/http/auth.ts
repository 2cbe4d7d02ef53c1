// Keys, read by the rule the mock shares (contract-core/credentials.ts): a `sk_test_…` key as a bearer token
// or as the user name of HTTP basic auth, and `pk_test_…`, the publishable key the customer's browser uses for
// the one call it makes (app.ts). No key is ever echoed.
import { type Authentication, WWW_AUTHENTICATE, authenticate as readKey } from '../../contract-core/credentials.ts';
import { ApiError } from '../resources/errors.ts';

export type Credentials = Extract<Authentication, { ok: true }>;

/** The test key of the request's Authorization field lines (`req.headersDistinct`); 401 `unauthorized` otherwise. */
export function authenticate(fields: readonly string[] | undefined): Credentials {
  const result = readKey(fields);
  if (!result.ok) throw unauthorized(result.detail);
  return result;
}

export const unauthorized = (detail: string): ApiError => new ApiError('unauthorized', detail, { headers: { 'www-authenticate': WWW_AUTHENTICATE } });
