// Secret keys: `sk_test_…` accepted as a bearer token or as the user name of HTTP basic auth. Live keys are
// refused with a clear word; no key is ever echoed.
import { ApiError } from './problem.ts';

const TEST_KEY = /^sk_test_[A-Za-z0-9_]+$/;

/** The test key the request carries; 401 `unauthorized` otherwise. */
export function authenticate(header: string | undefined): string {
  if (!header) throw unauthorized('No API key provided. Send your secret key as a bearer token or as the user name of HTTP basic authentication.');
  const [scheme = '', credentials = ''] = header.split(' ', 2);
  let key = '';
  if (scheme.toLowerCase() === 'bearer') key = credentials.trim();
  else if (scheme.toLowerCase() === 'basic') key = Buffer.from(credentials, 'base64').toString('utf8').split(':', 1)[0] ?? '';
  if (key.startsWith('sk_live_'))
    throw unauthorized('This sandbox is test mode only: live secret keys (sk_live_…) are refused. Use a test key (sk_test_…).');
  if (!TEST_KEY.test(key)) throw unauthorized('Invalid API key provided. The sandbox accepts test secret keys (sk_test_…).');
  return key;
}

const unauthorized = (detail: string): ApiError =>
  new ApiError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="PAY.JP sandbox", Basic realm="PAY.JP sandbox"' } });
