// The requests the mock and the sandbox must answer alike (tests/parity/requests.test.ts sends each to both),
// each with the answer and where the rule comes from: PAY.JP's published documents, an RFC that PAY.JP does
// not restate, or our inference with its reason. The rules are stated for users in openapi.yaml ("Requests").
import { EXAMPLE_OBJECTS } from '../../contract-core/example-objects.ts';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../contract-core/request-body.ts';
import { testCardDetails } from '../../contract-core/test-cards.ts';
import type { RawRequest } from './http.ts';

export const PARITY_KEY = 'sk_test_parity';

export interface ParityCase {
  name: string;
  request: RawRequest;
  status: number;
  /** The problem's code; none for a HEAD answer, which has no body. */
  code?: string;
  /** A field that `errors[]` must name (422). */
  field?: string;
  /** The `Allow` header the answer must carry. */
  allow?: string;
  source: string;
}

const bearer = { authorization: `Bearer ${PARITY_KEY}` };
const json = { ...bearer, 'content-type': 'application/json' };
const basic = (credentials: string) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });
const customers = (headers: Record<string, string | string[]>, body?: string | Buffer): RawRequest => ({
  method: 'POST',
  path: '/v2/customers',
  headers,
  ...(body === undefined ? {} : { body }),
});
const list = (query: string, headers: Record<string, string | string[]> = bearer): RawRequest => ({ method: 'GET', path: `/v2/customers${query}`, headers });
/** A createProduct body of exactly `bytes` bytes (a product's description has no bound; a customer's has 255 characters). */
const bodyOfSize = (bytes: number): string => {
  const frame = '{"name":"x","description":""}';
  return `{"name":"x","description":"${'x'.repeat(bytes - frame.length)}"}`;
};
const products = (headers: Record<string, string | string[]>, body: string): RawRequest => ({ method: 'POST', path: '/v2/products', headers, body });
const nested = (levels: number): string => `{"metadata":{"n":${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}}`;

const PUBLISHED_AUTH = 'PAY.JP: the secret key as a bearer token or as the basic user name (the published client sends either)';
const AUTH_FIRST = 'ours: authentication is checked before anything else, so that nothing is told to a client without a key (the sandbox has always done so)';
const BODY_BOUND = `ours: PAY.JP publishes no bound; ${MAX_BODY_BYTES} bytes is far above any documented request; the catalog has no 413`;
const DEPTH_BOUND = `ours: PAY.JP publishes no bound; no documented request nests more than 5 levels (request-bounds.test.ts); metadata values are free-form (PAY.JP's SDK 1.0.8), so nested arrays are taken; the catalog has no 413`;
const MEDIA_TYPE = 'ours: the spec documents application/json only, the published client sends it; the catalog describes invalid_request so';
const CURSORS = "ours: the two cursors go opposite ways, following one would be a guess (the spec's x-parameter-rules, openapi/README.md)";
const NULL_BODY =
  'the published client (@payjp/payjpv2 1.0.5) types these bodies `… | null` and sends null as the JSON text null (contract-core/request-body.ts)';
const NO_405 =
  "the catalog is closed and has no 405 code (a method the path lacks is, for a client, an operation that does not exist: 404 not_found), and `Allow` names the path's methods (RFC 9110 §10.2.1 lets any answer carry it)";
const nullBody = (path: string): RawRequest => ({ method: 'POST', path, headers: json, body: 'null' });
const EMPTY_QUERY = 'ours: an empty value is no value; taking it as absent would silently apply the default (contract-core/query.ts)';

export const PARITY_CASES: readonly ParityCase[] = [
  // Credentials.
  {
    name: 'no Authorization',
    request: list('', {}),
    status: 401,
    code: 'unauthorized',
    source: 'PAY.JP: unauthorized = authentication failed or credentials missing',
  },
  {
    name: 'scheme in lower case (bearer)',
    request: list('', { authorization: `bearer ${PARITY_KEY}` }),
    status: 200,
    source: 'RFC 9110 §11.1: the scheme is case-insensitive',
  },
  { name: 'scheme in upper case (BEARER)', request: list('', { authorization: `BEARER ${PARITY_KEY}` }), status: 200, source: 'RFC 9110 §11.1' },
  {
    name: 'two spaces after Bearer',
    request: list('', { authorization: `Bearer  ${PARITY_KEY}` }),
    status: 200,
    source: 'RFC 9110 §11.4: 1*SP between scheme and credentials',
  },
  {
    name: 'a tab after Bearer',
    request: list('', { authorization: `Bearer\t${PARITY_KEY}` }),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 9110 §11.4: spaces only',
  },
  {
    name: 'Bearer without a token',
    request: list('', { authorization: 'Bearer ' }),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 6750 §2.1: the token is required',
  },
  {
    name: 'something after the token',
    request: list('', { authorization: `Bearer ${PARITY_KEY} extra` }),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 6750 §2.1: one b64token',
  },
  { name: 'the key without a scheme', request: list('', { authorization: PARITY_KEY }), status: 401, code: 'unauthorized', source: PUBLISHED_AUTH },
  { name: 'basic, key as user name, empty password', request: list('', basic(`${PARITY_KEY}:`)), status: 200, source: PUBLISHED_AUTH },
  {
    name: 'basic with a password',
    request: list('', basic(`${PARITY_KEY}:secret`)),
    status: 200,
    source: "ours: the password is not part of PAY.JP's credentials; ignored",
  },
  {
    name: 'basic without the colon',
    request: list('', basic(PARITY_KEY)),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 7617 §2: user-pass = user-id ":" password',
  },
  {
    name: 'basic scheme in lower case',
    request: list('', { authorization: basic(`${PARITY_KEY}:`).authorization.replace('Basic', 'basic') }),
    status: 200,
    source: 'RFC 9110 §11.1',
  },
  {
    name: 'basic credentials that are not base64',
    request: list('', { authorization: 'Basic !!!' }),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 7617 §2',
  },
  {
    name: 'two Authorization headers',
    request: list('', { authorization: [`Bearer ${PARITY_KEY}`, `Bearer ${PARITY_KEY}`] }),
    status: 401,
    code: 'unauthorized',
    source: 'RFC 9110 §5.3: Authorization is not a list; which one to believe would be a guess (ours)',
  },
  {
    name: 'a publishable key',
    request: list('', { authorization: 'Bearer pk_test_parity' }),
    status: 401,
    code: 'unauthorized',
    source: 'PAY.JP: publishable keys are for the browser only',
  },
  {
    name: 'a test key with a character other than letters and digits after sk_test_ (sk_test_merchant_dx)',
    request: list('', { authorization: 'Bearer sk_test_merchant_dx' }),
    status: 401,
    code: 'unauthorized',
    source:
      "ours: PAY.JP publishes the prefix; the keys it issues and its examples are letters and digits after it (contract-core/credentials.ts), and the 401's detail says so",
  },
  {
    name: "a publishable key on the browser's card entry, with a card number",
    request: {
      method: 'POST',
      path: '/v2/payment_methods',
      headers: { authorization: 'Bearer pk_test_parity', 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'card',
        card: testCardDetails('4242424242424242', Date.now()),
        billing_details: { email: 'parity@example.jp' },
      }),
    },
    status: 200,
    source: "PAY.JP: card data travels only from the customer's browser (payments-js), with the publishable key",
  },
  {
    name: 'a live secret key',
    request: list('', { authorization: 'Bearer sk_live_parity' }),
    status: 401,
    code: 'unauthorized',
    source: 'ours: both servers are test mode only',
  },
  // Order of the checks.
  {
    name: 'a malformed Idempotency-Key without credentials',
    request: customers({ 'content-type': 'application/json', 'idempotency-key': 'not a key!' }, '{}'),
    status: 401,
    code: 'unauthorized',
    source: AUTH_FIRST,
  },
  {
    name: 'an unknown path without credentials',
    request: { method: 'GET', path: '/v2/no_such_things' },
    status: 401,
    code: 'unauthorized',
    source: AUTH_FIRST,
  },
  { name: 'HEAD without credentials', request: { method: 'HEAD', path: '/v2/customers' }, status: 401, source: AUTH_FIRST },
  {
    name: 'HEAD with a key',
    request: { method: 'HEAD', path: '/v2/customers', headers: bearer },
    status: 404,
    allow: 'GET, POST',
    source: `ours: the API documents no HEAD operation; ${NO_405}`,
  },
  {
    name: 'a malformed Idempotency-Key',
    request: customers({ ...json, 'idempotency-key': 'not a key!' }, '{}'),
    status: 400,
    code: 'invalid_idempotency_key',
    source: 'PAY.JP idempotency guide: a-z A-Z 0-9 - _, at most 255',
  },
  // The body.
  { name: 'a JSON body', request: customers(json, '{}'), status: 200, source: 'PAY.JP: requests are JSON' },
  {
    name: 'JSON sent as text/plain',
    request: customers({ ...bearer, 'content-type': 'text/plain' }, '{}'),
    status: 400,
    code: 'invalid_request',
    source: MEDIA_TYPE,
  },
  { name: 'JSON sent without a Content-Type', request: customers(bearer, '{}'), status: 400, code: 'invalid_request', source: MEDIA_TYPE },
  {
    name: 'JSON sent as a form (curl -d)',
    request: customers({ ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, '{}'),
    status: 400,
    code: 'invalid_request',
    source: MEDIA_TYPE,
  },
  {
    name: 'JSON sent as application/vnd.api+json',
    request: customers({ ...bearer, 'content-type': 'application/vnd.api+json' }, '{}'),
    status: 400,
    code: 'invalid_request',
    source: MEDIA_TYPE,
  },
  {
    name: 'application/json; charset=utf-8',
    request: customers({ ...bearer, 'content-type': 'application/json; charset=utf-8' }, '{}'),
    status: 200,
    source: 'RFC 8259 §11: a charset parameter has no effect',
  },
  {
    name: 'Application/JSON',
    request: customers({ ...bearer, 'content-type': 'Application/JSON' }, '{}'),
    status: 200,
    source: 'RFC 9110 §8.3.1: media types are case-insensitive',
  },
  { name: `a body of exactly ${MAX_BODY_BYTES} bytes`, request: products(json, bodyOfSize(MAX_BODY_BYTES)), status: 200, source: BODY_BOUND },
  {
    name: `a body of ${MAX_BODY_BYTES + 1} bytes`,
    request: products(json, bodyOfSize(MAX_BODY_BYTES + 1)),
    status: 400,
    code: 'invalid_request',
    source: BODY_BOUND,
  },
  { name: 'a body of 10 MB', request: products(json, bodyOfSize(10 * 1024 * 1024)), status: 400, code: 'invalid_request', source: BODY_BOUND },
  {
    name: `a body nested ${MAX_JSON_DEPTH} levels`,
    request: customers(json, nested(MAX_JSON_DEPTH)),
    status: 200,
    source: DEPTH_BOUND,
  },
  {
    name: `a body nested ${MAX_JSON_DEPTH + 1} levels`,
    request: customers(json, nested(MAX_JSON_DEPTH + 1)),
    status: 400,
    code: 'invalid_request',
    source: DEPTH_BOUND,
  },
  { name: 'a body nested 5,000 levels (10 KB)', request: customers(json, nested(5_000)), status: 400, code: 'invalid_request', source: DEPTH_BOUND },
  {
    name: 'malformed JSON',
    request: customers(json, '{"description": '),
    status: 400,
    code: 'invalid_request',
    source: 'PAY.JP: invalid_request = the request is invalid',
  },
  { name: 'a body of spaces', request: customers(json, '   '), status: 400, code: 'invalid_request', source: 'RFC 8259 §2: a JSON text is a value' },
  {
    name: 'a byte order mark before the JSON',
    request: customers(json, '\ufeff{}'),
    status: 400,
    code: 'invalid_request',
    source: 'RFC 8259 §8.1: senders must not add one (JSON.parse refuses it)',
  },
  {
    name: 'a body that is not UTF-8',
    request: customers(json, Buffer.from('{"description":"\xff"}', 'latin1')),
    status: 400,
    code: 'invalid_request',
    source: 'RFC 8259 §8.1: JSON is UTF-8',
  },
  {
    name: 'a JSON body on a GET',
    request: { method: 'GET', path: '/v2/customers', headers: json, body: '{}' },
    status: 400,
    code: 'invalid_request',
    source: "ours, after RFC 9110 §9.3.1: a GET's content has no meaning, so it is refused rather than ignored",
  },
  {
    name: 'a card number in the body',
    request: customers(json, '{"description":"4242 4242 4242 4242"}'),
    status: 400,
    code: 'card_number_not_allowed',
    source: 'PAY.JP: card_number_not_allowed (the rule: contract-core/card-number.ts)',
  },
  {
    name: 'a card number in a body sent as text/plain',
    request: customers({ ...bearer, 'content-type': 'text/plain' }, '{"description":"4242424242424242"}'),
    status: 400,
    code: 'card_number_not_allowed',
    source: 'ours: a card number wins over every other problem of the body (contract-core/request-body.ts)',
  },
  // The query.
  { name: 'limit= (empty)', request: list('?limit='), status: 422, code: 'validation_error', field: 'limit', source: EMPTY_QUERY },
  { name: 'limit without a value', request: list('?limit'), status: 422, code: 'validation_error', field: 'limit', source: EMPTY_QUERY },
  { name: 'starting_after= (empty)', request: list('?starting_after='), status: 422, code: 'validation_error', field: 'starting_after', source: EMPTY_QUERY },
  {
    name: 'limit= 5 (a space before the digits)',
    request: list('?limit=%205'),
    status: 422,
    code: 'validation_error',
    field: 'limit',
    source: 'ours: an integer is written in digits, as in JSON',
  },
  {
    name: 'limit given twice',
    request: list('?limit=1&limit=2'),
    status: 422,
    code: 'validation_error',
    field: 'limit',
    source: 'ours: which value was meant would be a guess',
  },
  {
    name: 'starting_after and ending_before together',
    request: list('?starting_after=cus_parity_a&ending_before=cus_parity_b'),
    status: 400,
    code: 'invalid_request',
    source: CURSORS,
  },
  {
    name: 'both cursors on another list',
    request: { method: 'GET', path: '/v2/payment_flows?ending_before=pfw_parity_a&starting_after=pfw_parity_b', headers: bearer },
    status: 400,
    code: 'invalid_request',
    source: CURSORS,
  },
  {
    name: 'both cursors and limit=1000',
    request: list('?limit=1000&starting_after=cus_parity_a&ending_before=cus_parity_b'),
    status: 422,
    code: 'validation_error',
    field: 'limit',
    source: `${CURSORS}; the parameters' own rules come first`,
  },
  {
    name: 'an array parameter given twice',
    request: { method: 'GET', path: '/v2/prices?lookup_keys=a&lookup_keys=b', headers: bearer },
    status: 200,
    source: 'the spec: lookup_keys is style form, explode true',
  },
  // Relations between fields, stated by the schema (if/then, anyOf, dependentSchemas): Prism reads them.
  {
    name: 'a payment checkout session without line_items',
    request: { method: 'POST', path: '/v2/checkout/sessions', headers: json, body: '{"mode":"payment"}' },
    status: 422,
    code: 'validation_error',
    field: 'line_items',
    source: "ours: a payment needs an amount (CheckoutSessionCreateRequest's if/then)",
  },
  {
    name: 'a card without phone or email',
    request: {
      method: 'POST',
      path: '/v2/payment_methods',
      headers: json,
      body: JSON.stringify({ type: 'card', card: testCardDetails('tok_visa', Date.now()), billing_details: { name: 'TARO' } }),
    },
    status: 422,
    code: 'validation_error',
    source: 'the published client: phoneまたはemailのいずれか必須 (the anyOf of PaymentMethodCardBillingDetailsRequest)',
  },
  {
    name: 'return_url without confirm: true',
    request: {
      method: 'POST',
      path: '/v2/payment_flows',
      headers: json,
      body: '{"amount":5000,"currency":"jpy","return_url":"https://shop.example.jp/return"}',
    },
    status: 422,
    code: 'validation_error',
    source: 'the published client: confirm=true の場合のみ指定できます (the if/then of PaymentFlowCreateRequest)',
  },
  // A JSON null: no body where the body is optional (each of the five has an object of its own in the seed).
  ...(
    [
      ['cancelPaymentFlow', `/v2/payment_flows/${EXAMPLE_OBJECTS.flowToCancel}/cancel`],
      ['capturePaymentFlow', `/v2/payment_flows/${EXAMPLE_OBJECTS.flowToCapture}/capture`],
      ['confirmPaymentFlow', `/v2/payment_flows/${EXAMPLE_OBJECTS.flowToConfirmForCapture}/confirm`],
      ['createSetupFlow', '/v2/setup_flows'],
      ['cancelSetupFlow', `/v2/setup_flows/${EXAMPLE_OBJECTS.setupFlowToCancel}/cancel`],
    ] as const
  ).map(([operation, path]) => ({ name: `a JSON null body on ${operation} (optional body)`, request: nullBody(path), status: 200, source: NULL_BODY })),
  {
    name: 'a JSON null body where the body is required',
    request: customers(json, 'null'),
    status: 422,
    code: 'validation_error',
    source: `${NULL_BODY}; a required body is an object (the client types it without null)`,
  },
  // The path and the method.
  { name: 'a trailing slash', request: list('/'), status: 404, code: 'not_found', source: 'ours: an empty segment names no object' },
  {
    name: 'a method the path does not have',
    request: { method: 'PUT', path: '/v2/customers', headers: json, body: '{}' },
    status: 404,
    code: 'not_found',
    allow: 'GET, POST',
    source: `ours: ${NO_405}`,
  },
  {
    name: 'a method a path with an ID does not have',
    request: { method: 'PUT', path: `/v2/customers/${EXAMPLE_OBJECTS.customer}`, headers: json, body: '{}' },
    status: 404,
    code: 'not_found',
    allow: 'DELETE, GET, POST',
    source: `ours: ${NO_405}`,
  },
];
