// API keys: `sk_test_…` accepted as a bearer token or as the user name of HTTP basic auth, and `pk_test_…`, the
// publishable key the customer's browser uses for the one call it makes (app.ts). Live keys are refused with
// a clear word; no key is ever echoed.
import { ApiError } from './problem.ts';

const TEST_KEY = /^(sk|pk)_test_[A-Za-z0-9_]+$/;

export interface Credentials {
  key: string;
  /** A publishable key: only the browser's card entry (createPaymentMethod, `type: card`) takes one. */
  publishable: boolean;
}

/** The test key the request carries; 401 `unauthorized` otherwise. */
export function authenticate(header: string | undefined): Credentials {
  if (!header) throw unauthorized('No API key provided. Send your secret key as a bearer token or as the user name of HTTP basic authentication.');
  const [scheme = '', credentials = ''] = header.split(' ', 2);
  let key = '';
  if (scheme.toLowerCase() === 'bearer') key = credentials.trim();
  else if (scheme.toLowerCase() === 'basic') key = Buffer.from(credentials, 'base64').toString('utf8').split(':', 1)[0] ?? '';
  if (key.startsWith('sk_live_') || key.startsWith('pk_live_'))
    throw unauthorized('This sandbox is test mode only: live keys are refused. Use a test key (sk_test_…).');
  if (!TEST_KEY.test(key)) throw unauthorized('Invalid API key provided. The sandbox accepts test secret keys (sk_test_…).');
  return { key, publishable: key.startsWith('pk_') };
}

export const unauthorized = (detail: string): ApiError =>
  new ApiError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="PAY.JP sandbox", Basic realm="PAY.JP sandbox"' } });
