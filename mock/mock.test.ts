// The mock against the contract: for every operation of the bundle, its success and every named error
// example, each answer checked by the contract tests' validator (documented status, media type, schema,
// code allowed for the operation); then the requests the front itself must refuse, in the catalog's shape.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE_FILE, examplePath, readContract, type Contract, type Json, type JsonObject, type Operation } from '../contract-core/contract.ts';
import { createValidator } from '../contract-core/validator.ts';
import { ERROR_CATALOG, type ErrorCode, OPERATION_ERRORS } from '../generated/error-catalog.ts';
import { type Mock, startMock } from './server.ts';
import { PROBLEM_MEDIA_TYPE } from '../contract-core/conventions.ts';

// One snapshot of the bundle for the mock and the validator alike (generated/ may be rebuilt meanwhile).
const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as JsonObject;
const contract: Contract = readContract(bundle);
const { operations } = contract;
const validator = createValidator(contract);
const TEST_KEY = 'sk_test_mockSuite';
let mock: Mock;

beforeAll(async () => {
  mock = await startMock({ port: 0, log: false, spec: bundle });
  // The server answering is ours: it routes the bundle and answers a problem in the catalog's shape.
  const probe = await fetch(`${mock.url}/v2/__probe__`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
  expect(await probe.json()).toMatchObject({ code: 'not_found', instance: '/v2/__probe__' });
});
afterAll(async () => {
  await mock?.close();
});

const covered = { operations: new Set<string>(), examples: new Set<string>() };
const expected = {
  operations: operations.length,
  examples: operations.flatMap((op) => errorExamples(op).map(({ name, status }) => `${op.operationId} ${status} ${name}`)).length,
};
afterAll(() => {
  console.log(
    `mock: covered ${covered.operations.size}/${expected.operations} operations (success), ${covered.examples.size}/${expected.examples} named error examples`,
  );
  expect(covered.operations.size).toBe(expected.operations);
  expect(covered.examples.size).toBe(expected.examples);
});

function errorExamples(op: Operation): { status: number; name: string }[] {
  return [...op.responses].flatMap(([status, response]) =>
    Number(status) >= 400 ? [...(response.content.get(PROBLEM_MEDIA_TYPE)?.examples.keys() ?? [])].map((name) => ({ status: Number(status), name })) : [],
  );
}

/** The path with every path parameter set to the spec's example, and the required query parameters. */
function pathOf(op: Operation): string {
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => {
      if (p.example === undefined) throw new Error(`${op.label}: query parameter ${p.name} has no example`);
      return `${p.name}=${encodeURIComponent(String(p.example))}`;
    });
  return query.length > 0 ? `${examplePath(op)}?${query.join('&')}` : examplePath(op);
}

const takesIdempotencyKey = (op: Operation): boolean => op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
let keys = 0;

type Sent = { status: number; contentType: string | null; headers: Headers; body: unknown; text: string };

/** A valid request to the operation (example path, body and a test key), with the given changes. */
async function call(op: Operation, changes: { headers?: Record<string, string>; body?: Json | string; path?: string; auth?: false } = {}): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (changes.auth !== false) headers['authorization'] = `Bearer ${TEST_KEY}`;
  if (takesIdempotencyKey(op)) headers['idempotency-key'] = `mock-suite-${(keys += 1)}`;
  let body: string | undefined;
  if (op.requestBody || changes.body !== undefined) {
    const value = changes.body ?? op.requestBody?.example;
    if (value === undefined) throw new Error(`${op.label}: the request body has no example`);
    body = typeof value === 'string' ? value : JSON.stringify(value);
    headers['content-type'] = 'application/json';
  }
  Object.assign(headers, changes.headers);
  return send(changes.path ?? pathOf(op), { method: op.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) });
}

async function send(path: string, init: RequestInit): Promise<Sent> {
  const response = await fetch(mock.url + path, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, body: parsed, text };
}

/** The answer is one the contract documents for the operation (status, media type, schema, code). */
function expectDocumented(op: Operation, sent: Sent, path = pathOf(op)): void {
  const result = validator.validateResponse({
    method: op.method,
    path,
    status: sent.status,
    contentType: sent.contentType,
    headers: sent.headers,
    body: sent.text,
  });
  expect(result.operationId).toBe(op.operationId);
  expect(result.violations, JSON.stringify(result.violations, null, 2)).toEqual([]);
  expect(result.infrastructure).toEqual([]);
}

/** A problem of the catalog: status, type and title of the code, `instance` the request path. */
function expectProblem(sent: Sent, code: ErrorCode, instance: string): Record<string, unknown> {
  const { status, type, title } = ERROR_CATALOG[code];
  expect(sent.status, sent.text).toBe(status);
  expect(sent.contentType).toBe('application/problem+json');
  expect(sent.body).toMatchObject({ type, title, status, code, instance });
  return sent.body as Record<string, unknown>;
}

const allowed = (op: Operation): readonly string[] => (OPERATION_ERRORS as Record<string, readonly string[]>)[op.operationId] ?? [];

describe.each(operations.map((op) => [op.label, op] as const))('%s', (_, op) => {
  test('answers its documented success', async () => {
    const sent = await call(op);
    expect(sent.status, sent.text).toBeGreaterThanOrEqual(200);
    expect(sent.status).toBeLessThan(300);
    expect(sent.contentType).toBe('application/json');
    expectDocumented(op, sent);
    covered.operations.add(op.operationId);
  });

  test('answers every named error example, chosen with Prefer: example=<code>', async () => {
    for (const { status, name } of errorExamples(op)) {
      const sent = await call(op, { headers: { prefer: `example=${name}` } });
      expect(sent.status, `${name}: ${sent.text}`).toBe(status);
      expect(sent.body).toMatchObject({ code: name, instance: pathOf(op).split('?')[0] });
      expect(allowed(op)).toContain(name);
      expectDocumented(op, sent);
      covered.examples.add(`${op.operationId} ${status} ${name}`);
    }
  });

  test('without an API key: 401 unauthorized', async () => {
    const sent = await call(op, { auth: false });
    expectProblem(sent, 'unauthorized', pathOf(op).split('?')[0]!);
    expectDocumented(op, sent);
  });
});

const bodyOps = operations.filter((op) => op.requestBody?.example !== undefined);
const keyOps = operations.filter(takesIdempotencyKey);

describe('requests the front refuses, in the catalog shape', () => {
  test('an unknown route: 404 not_found', async () => {
    const sent = await send('/v2/no_such_resources/x_1', { headers: { authorization: `Bearer ${TEST_KEY}` } });
    const body = expectProblem(sent, 'not_found', '/v2/no_such_resources/x_1');
    expect(body['detail']).toContain('/v2/no_such_resources/x_1');
  });

  test('a method the path does not have: 404 not_found naming the methods it has', async () => {
    const op = operations.find((o) => !operations.some((other) => other.template === o.template && other.method === 'put'))!;
    const path = pathOf(op).split('?')[0]!;
    const sent = await send(path, { method: 'PUT', headers: { authorization: `Bearer ${TEST_KEY}` } });
    const body = expectProblem(sent, 'not_found', path);
    expect(body['detail']).toContain(op.method.toUpperCase());
  });

  test('a live secret key: 401 unauthorized, nothing forwarded', async () => {
    const op = operations[0]!;
    expectProblem(await call(op, { headers: { authorization: 'Bearer sk_live_mock_suite' } }), 'unauthorized', pathOf(op).split('?')[0]!);
    const basic = `Basic ${Buffer.from('sk_live_mock_suite:').toString('base64')}`;
    expectProblem(await call(op, { headers: { authorization: basic } }), 'unauthorized', pathOf(op).split('?')[0]!);
  });

  test('credentials that are not a secret key: 401 unauthorized; a test key in basic auth is accepted', async () => {
    const op = operations[0]!;
    const instance = pathOf(op).split('?')[0]!;
    expectProblem(await call(op, { headers: { authorization: 'Bearer not_a_secret_key' } }), 'unauthorized', instance);
    expectProblem(await call(op, { headers: { authorization: 'Bearer pk_test_publishable' } }), 'unauthorized', instance);
    const basic = `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}`;
    expect((await call(op, { headers: { authorization: basic } })).status).toBe(200);
  });

  test.each(bodyOps.map((op) => [op.label, op] as const))('%s: malformed JSON → 400 invalid_request', async (_, op) => {
    const sent = await call(op, { body: '{"broken": ' });
    expectProblem(sent, 'invalid_request', pathOf(op).split('?')[0]!);
    expectDocumented(op, sent);
  });

  test.each(bodyOps.map((op) => [op.label, op] as const))('%s: an unknown field → 422 validation_error naming it', async (_, op) => {
    const sent = await call(op, { body: { ...(op.requestBody!.example as JsonObject), not_a_field_of_the_api: 1 } });
    const body = expectProblem(sent, 'validation_error', pathOf(op).split('?')[0]!);
    expect(body['errors']).toContainEqual(expect.objectContaining({ field: 'not_a_field_of_the_api' }));
    expectDocumented(op, sent);
  });

  test.each(bodyOps.map((op) => [op.label, op] as const))('%s: a card number in any field → 400 card_number_not_allowed', async (_, op) => {
    // A test card's number (tok_visa), as people type it.
    const lookalike = '4242 4242 4242 4242';
    const example = op.requestBody!.example as JsonObject;
    const sent = await call(op, { body: { ...example, metadata: { note: lookalike } } });
    const body = expectProblem(sent, 'card_number_not_allowed', pathOf(op).split('?')[0]!);
    expect(body['detail']).toContain('metadata.note');
    expectDocumented(op, sent);
    // As a JSON number, beyond a double's exact digits (a 19-digit Visa number; parsed, it fails Luhn).
    expectProblem(await call(op, { body: '{"metadata":{"n":4000000000000000006}}' }), 'card_number_not_allowed', pathOf(op).split('?')[0]!);
  });

  test('digits that fail the Luhn check are not a card number', async () => {
    const op = bodyOps.find((o) => Object.keys(o.requestBody!.example as JsonObject).includes('metadata'));
    if (!op) throw new Error('no operation takes metadata with an example: cannot check a card-shaped metadata value');
    const sent = await call(op, { body: { ...(op.requestBody!.example as JsonObject), metadata: { note: '4242 4242 4242 4241' } } });
    expect(sent.status, sent.text).toBe(200);
  });

  test('a nested invalid field is named by its dot path', async () => {
    // Metadata values are free-form (PAY.JP's SDK 1.0.8), so the nested field is a card option's enum.
    const op = operations.find((o) => o.operationId === 'createPaymentFlow')!;
    const options = { card: { request_three_d_secure: 'sometimes' } };
    const sent = await call(op, { body: { ...(op.requestBody!.example as JsonObject), payment_method_options: options } });
    const body = expectProblem(sent, 'validation_error', pathOf(op).split('?')[0]!);
    expect(body['errors']).toContainEqual(expect.objectContaining({ field: 'payment_method_options.card.request_three_d_secure' }));
  });

  test.each(operations.filter((op) => op.isList).map((op) => [op.label, op] as const))('%s: limit out of range → 422 on field limit', async (_, op) => {
    const path = pathOf(op);
    const sent = await call(op, { path: `${path}${path.includes('?') ? '&' : '?'}limit=1000` });
    const body = expectProblem(sent, 'validation_error', path.split('?')[0]!);
    expect(body['errors']).toEqual([expect.objectContaining({ field: 'limit' })]);
    expectDocumented(op, sent);
  });

  test.each(keyOps.map((op) => [op.label, op] as const))('%s: Idempotency-Key format → 400 invalid_idempotency_key', async (_, op) => {
    for (const key of ['has space', 'dot.ted', 'k'.repeat(256)]) {
      const sent = await call(op, { headers: { 'idempotency-key': key } });
      expectProblem(sent, 'invalid_idempotency_key', pathOf(op).split('?')[0]!);
      expectDocumented(op, sent);
    }
    const longest = await call(op, { headers: { 'idempotency-key': 'k'.repeat(255) } });
    expect(longest.status, longest.text).toBe(200);
  });

  test('Prefer: code=<status> selects a documented status; an undocumented one is the client erring', async () => {
    const op = operations.find((o) => o.responses.has('429'))!;
    const sent = await call(op, { headers: { prefer: 'code=429' } });
    expectProblem(sent, 'rate_limit_exceeded', pathOf(op).split('?')[0]!);
    expect(sent.headers.get('retry-after')).toMatch(/^\d+$/);
    const undocumented = operations.find((o) => !o.responses.has('402'))!;
    expectProblem(await call(undocumented, { headers: { prefer: 'code=402' } }), 'invalid_request', pathOf(undocumented).split('?')[0]!);
  });

  test('Prefer asking for what the operation lacks, or for an example and a status that disagree: 400 naming what it has', async () => {
    const confirm = operations.find((o) => o.operationId === 'confirmPaymentFlow')!;
    const instance = pathOf(confirm).split('?')[0]!;
    // Issue 24: Prism answered 500 to this conflict.
    const conflict = expectProblem(await call(confirm, { headers: { prefer: 'code=402, example=unauthorized' } }), 'invalid_request', instance);
    expect(conflict['detail']).toBe(
      'Prefer: code=402 and example=unauthorized disagree: unauthorized is an example of 401 in confirmPaymentFlow. Ask for one of them.',
    );
    // Issue 30: Prism answered "Requested status code 402 is not defined in the document".
    const customer = operations.find((o) => o.operationId === 'createCustomer')!;
    const lacking = expectProblem(await call(customer, { headers: { prefer: 'example=card_declined' } }), 'invalid_request', pathOf(customer).split('?')[0]!);
    expect(lacking['detail']).toMatch(
      /^Prefer: example=card_declined: createCustomer has no example of that name\. Its examples: 200: \w+; .*400: .*invalid_request/,
    );
    const status = expectProblem(await call(customer, { headers: { prefer: 'code=402' } }), 'invalid_request', pathOf(customer).split('?')[0]!);
    expect(status['detail']).toMatch(/^Prefer: code=402: createCustomer answers 200, 400, .*not 402\.$/);
    // Agreeing ones still pick the answer.
    expectProblem(await call(confirm, { headers: { prefer: 'code=402, example=card_declined' } }), 'card_declined', instance);
  });

  test('a client that accepts only application/json still gets problems as application/problem+json', async () => {
    const op = operations.find((o) => o.responses.has('404'))!;
    const sent = await call(op, { headers: { accept: 'application/json', prefer: 'example=not_found' } });
    expectProblem(sent, 'not_found', pathOf(op).split('?')[0]!);
  });
});

describe("the surface of PAY.JP's SDK up to 1.1.0, answered from the examples", () => {
  const operation = (id: string): Operation => operations.find((op) => op.operationId === id)!;
  const prefer = (example: string) => ({ headers: { prefer: `example=${example}` } });

  test.each([
    ['capturePaymentFlow', 'payment_flow_expired'],
    ['capturePaymentFlow', 'payment_failed'],
    ['createPaymentFlow', 'extended_authorization_not_available'],
    ['confirmPaymentFlow', 'invalid_apple_pay_token'],
    ['createPaymentMethod', 'unacceptable_brand_on_apple_pay'],
    ['createCheckoutSession', 'price_not_found_or_inactive'],
    ['createCheckoutSession', 'tax_rate_not_found_or_inactive'],
    ['createSetupFlow', 'invalid_payment_method_types'],
    ['createPaymentRefund', 'payment_failed'],
    ['getAllPaymentTransactions', 'not_found'],
  ] as const)('%s answers Prefer: example=%s', async (id, code) => {
    const op = operation(id);
    const sent = await call(op, prefer(code));
    expectProblem(sent, code, pathOf(op));
    expectDocumented(op, sent);
  });

  test('a flow whose authorization lapsed: expired_at (Prefer: example=expired)', async () => {
    const op = operation('getPaymentFlow');
    const sent = await call(op, prefer('expired'));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'requires_capture', expired_at: expect.any(String) });
    expectDocumented(op, sent);
  });

  test('line items priced inline, and the SDK-stated bounds and enums of requests', async () => {
    const checkout = operation('createCheckoutSession');
    const inline = {
      mode: 'payment',
      line_items: [{ price_data: { currency: 'jpy', unit_amount: 800, product_data: { name: 'ドリップバッグ' } }, quantity: 1 }],
    };
    expect((await call(checkout, { body: { ...inline, success_url: 'https://shop.example.jp/thanks' } })).status).toBe(200);
    const unpriced = await call(checkout, { body: { mode: 'payment', line_items: [{ quantity: 1 }], success_url: 'https://shop.example.jp/thanks' } });
    expectProblem(unpriced, 'validation_error', pathOf(checkout));
    const mustExtend = { amount: 1000, currency: 'jpy', payment_method_options: { card: { request_extended_authorization: 'must_extend' } } };
    expect((await call(operation('createPaymentFlow'), { body: mustExtend })).status).toBe(200);
    const capture = operation('capturePaymentFlow');
    expectProblem(await call(capture, { body: { amount_to_capture: 49 } }), 'validation_error', pathOf(capture));
    const customer = operation('updateCustomer');
    expectProblem(await call(customer, { body: { default_payment_method_id: null } }), 'validation_error', pathOf(customer));
  });

  test('tax-rate filters, product and tax-rate timestamps, the Apple Pay setting', async () => {
    const rates = operation('getAllTaxRates');
    const filtered = await call(rates, { path: `${pathOf(rates)}?active=true&inclusive=false` });
    expect(filtered.status).toBe(200);
    expect((filtered.body as { data: unknown[] }).data[0]).toMatchObject({ livemode: false, created_at: expect.any(String), updated_at: expect.any(String) });
    expectProblem(await call(rates, { path: `${pathOf(rates)}?active=yes` }), 'validation_error', pathOf(rates));
    expect((await call(operation('getProduct'))).body).toMatchObject({ livemode: false, created_at: expect.any(String), updated_at: expect.any(String) });
    const configuration = operation('updatePaymentMethodConfiguration');
    const updated = await call(configuration, { body: { apple_pay: { display_preference: { preference: 'off' } } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toHaveProperty('apple_pay.display_preference');
  });
});
