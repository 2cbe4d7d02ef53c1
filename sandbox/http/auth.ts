// Secret keys, read by the rule the mock shares (contract-core/credentials.ts): a `sk_test_…` key as a
// bearer token or as the user name of HTTP basic auth. No key is ever echoed.
import { WWW_AUTHENTICATE, authenticate as readKey } from '../../contract-core/credentials.ts';
import { ApiError } from './problem.ts';

/** The test key of the request's Authorization field lines (`req.headersDistinct`); 401 `unauthorized` otherwise. */
export function authenticate(fields: readonly string[] | undefined): string {
  const result = readKey(fields);
  if (!result.ok) throw new ApiError('unauthorized', result.detail, { headers: { 'www-authenticate': WWW_AUTHENTICATE } });
  return result.key;
}
