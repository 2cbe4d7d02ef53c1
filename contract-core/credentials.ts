// The one reading of the Authorization header, shared by the mock and the sandbox: both are test mode only,
// so the secret key must be a test key. PAY.JP publishes that the secret key is sent as a bearer token or as
// the user name of HTTP basic authentication; the rest is HTTP's, which PAY.JP does not restate:
// - RFC 9110 §11.1: the scheme is case-insensitive (`bearer` is `Bearer`);
// - RFC 9110 §11.4: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`: one or more spaces
//   before the token (a tab, or anything after the token, is not that grammar);
// - RFC 7617 §2: basic credentials are base64 of `user-id ":" password`; the colon is required, the password
//   (empty in PAY.JP's examples) is ignored;
// - RFC 9110 §5.3: Authorization is not a list: two of them are two sets of credentials, and which one to
//   believe is a guess, so the request is refused.

/**
 * A secret test key: `sk_test_` and the key's own characters, letters and digits. PAY.JP documents the
 * prefixes only (`sk_test_…`, `sk_live_…`, `pk_…`); the published examples (`sk_test_xxxxxxxxxxxx` in
 * @payjp/payjpv2's README) and the keys PAY.JP issues are letters and digits after the prefix. That nothing
 * else follows the prefix is our inference from those, and the safe side of it: the servers refuse, and the
 * contract runner never sends, a key with any other character.
 */
export const TEST_SECRET_KEY = /^sk_test_[A-Za-z0-9]+$/;
/** TEST_SECRET_KEY in words, for the 401 `detail` and the package README (tested against each other). */
export const TEST_SECRET_KEY_RULE = 'a test secret key is sk_test_ followed by letters and digits only (sk_test_merchantDx1, not sk_test_merchant_dx)';
/** The browser's key (PAY.JP publishes `pk_…` keys for the customer's browser), by the same rule. */
const TEST_PUBLISHABLE_KEY = /^pk_test_[A-Za-z0-9]+$/;

/** What a 401 answers in WWW-Authenticate (RFC 9110 §11.6.1: a 401 must carry the schemes it accepts). */
export const WWW_AUTHENTICATE = 'Bearer realm="PAY.JP test mode", Basic realm="PAY.JP test mode"';

export type Authentication = { ok: true; key: string; publishable: boolean } | { ok: false; detail: string };

const CREDENTIALS = /^([A-Za-z]+) +([A-Za-z0-9._~+/-]+=*)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The test key of a request, from every Authorization field line it carries (`req.headersDistinct`). */
export function authenticate(fields: readonly string[] | undefined): Authentication {
  if (fields === undefined || fields.length === 0)
    return refuse('No API key provided. Send your secret key as a bearer token or as the user name of HTTP basic authentication.');
  if (fields.length > 1) return refuse('More than one Authorization header: send the secret key once.');
  const [, scheme = '', token = ''] = CREDENTIALS.exec(fields[0]!) ?? [];
  let key: string;
  if (scheme.toLowerCase() === 'bearer') key = token;
  else if (scheme.toLowerCase() === 'basic') {
    const pair = BASE64.test(token) ? Buffer.from(token, 'base64').toString('utf8') : '';
    const colon = pair.indexOf(':');
    if (colon < 0) return refuse('Basic credentials are base64 of "user:password": send the secret key as the user name and an empty password (sk_test_…:).');
    key = pair.slice(0, colon);
  } else return refuse('The Authorization header must be "Bearer <secret key>" or HTTP basic authentication with the secret key as user name.');
  if (key.startsWith('sk_live_') || key.startsWith('pk_live_'))
    return refuse('Live keys are refused: this server is test mode only. Use a test key (sk_test_…).');
  if (TEST_PUBLISHABLE_KEY.test(key)) return { ok: true, key, publishable: true };
  if (!TEST_SECRET_KEY.test(key)) return refuse(`Invalid API key provided: ${TEST_SECRET_KEY_RULE}.`);
  return { ok: true, key, publishable: false };
}

/**
 * A publishable key makes one call, the browser's card entry (createPaymentMethod with `type: card`), the one
 * place card data may travel (payments-js, PAY.JP's published client-side library); anything else it asks is
 * refused (`401 unauthorized`) with this detail.
 */
export function publishableKeyRefusal(operationId: string, body: unknown): string | undefined {
  const cardEntry = operationId === 'createPaymentMethod' && (body as { type?: unknown } | undefined)?.type === 'card';
  return cardEntry ? undefined : "A publishable key (pk_…) only creates card payment methods from the customer's browser. Use your secret key (sk_test_…).";
}

const refuse = (detail: string): Authentication => ({ ok: false, detail });
