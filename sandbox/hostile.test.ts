// The sandbox under hostile input. Raw requests over a socket: request targets of every form (the table the
// mock answers alike), a client leaving mid-body, a few hundred seeded malformed requests; the sandbox must
// answer or close each, keep serving, and log none of them as an unexpected error. Then bodies the API
// would refuse, which must be refused at once rather than stored and broken later.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from './server.ts';
import { hostileRequestTests } from '../contract-core/testing/hostile-requests.ts';
import { sendRaw, withHead } from '../contract-core/testing/raw-http.ts';
import { type Client, cardBody, sandboxClient } from './test-support.ts';
import { MAX_JSON_DEPTH } from '../contract-core/request-body.ts';

let sandbox: Sandbox;
const errors = vi.spyOn(console, 'error');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
  errors.mockRestore();
});
afterEach(() => {
  errors.mockClear();
});

hostileRequestTests({ name: 'sandbox', counterpart: 'mock', url: () => sandbox.url, failuresLogged: () => errors.mock.calls, seed: 5 });

it('routes an absolute-form target with its query, and names the path as the instance and list url', async () => {
  const list = await sendRaw(sandbox.url, withHead('GET http://127.0.0.1/v2/customers?limit=1 HTTP/1.1'));
  expect(JSON.parse(list.body)).toMatchObject({ url: '/v2/customers', data: [expect.anything()] });
  const refused = await sendRaw(sandbox.url, withHead('GET http://127.0.0.1/v2/customers?limit=0 HTTP/1.1'));
  expect(JSON.parse(refused.body)).toMatchObject({ code: 'validation_error', instance: '/v2/customers' });
});

describe('bodies the API would refuse', () => {
  let client: Client;
  beforeAll(async () => {
    client = await sandboxClient();
  });
  afterAll(() => client.close());

  /** `levels` objects, one in the other. */
  const nested = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  // The bound at exactly MAX_JSON_DEPTH is in the parity table (tests/parity): here, the bodies that broke it.
  it.each([
    ['5,000 arrays (10 KB)', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
    ['5,000 objects under metadata', `{"metadata":${nested(5_000)}}`],
    ['500,000 arrays under metadata (1 MB)', `{"metadata":${'['.repeat(500_000)}${']'.repeat(500_000)}}`],
  ])('refuses a body nested %s deep with 400, with or without an Idempotency-Key', async (_, raw) => {
    for (const headers of [{}, { 'idempotency-key': `deep-${raw.length}-${raw.slice(0, 14)}`.replace(/[^A-Za-z0-9-]/g, 'x') }]) {
      const answer = await client.call('POST', '/v2/customers', { raw, headers });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid_request', detail: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.` });
    }
    expect(errors.mock.calls).toEqual([]);
  });
});

describe('times (RFC 3339 §5.6, §5.7)', () => {
  // The spec's `format: date-time` as the contract tests judge it.
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
  const isDateTime = addFormats(new Ajv2020()).compile({ type: 'string', format: 'date-time' });
  let client: Client;
  let priceId: string;
  beforeAll(async () => {
    client = await sandboxClient();
    const product = await client.ok('POST', '/v2/products', { name: 'Tea' });
    priceId = (await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 1_000, currency: 'jpy' })).id;
  });
  afterAll(() => client.close());

  // Years ahead of the clock, whatever the clock says: a leap year and a common one.
  const year = new Date().getUTCFullYear() + 2;
  const leap = [year, year + 1, year + 2, year + 3].find((y) => new Date(Date.UTC(y, 1, 29)).getUTCDate() === 29)!;
  const common = leap + 1;
  const session = (expires_at: string) => ({ mode: 'payment', line_items: [{ price_id: priceId, quantity: 1 }], expires_at });

  it.each([
    `${year}-02-30T00:00:00Z`,
    `${common}-02-29T00:00:00Z`,
    `${year}-04-31T00:00:00Z`,
    `${year}-13-01T00:00:00Z`,
    `${year}-00-10T00:00:00Z`,
    `${year}-01-00T00:00:00Z`,
    `${year}-01-01T24:00:00Z`,
    `${year}-01-01T23:60:00Z`,
    `${year}-12-31T23:59:60Z`,
    `${year}-01-01T00:00:00+24:00`,
    `${year}-01-01T00:00:00+09:60`,
    `${year}-01-01t00:00:00z`,
    `${year}-01-01 00:00:00Z`,
    `${year}-01-01T00:00:00+0900`,
    `${year}-01-01T00:00:00`,
  ])('refuses %s at creation, as in a list filter', async (time) => {
    const created = await client.post('/v2/checkout/sessions', session(time));
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual([{ field: 'expires_at', message: 'Input should be a valid datetime (ISO 8601)' }]);
    const listed = await client.get(`/v2/balances?since=${encodeURIComponent(time)}`);
    expect(listed.body.errors).toEqual([{ field: 'since', message: 'Input should be a valid datetime (ISO 8601)' }]);
  });

  it.each([`${leap}-02-29T00:00:00Z`, `${year}-12-31T23:59:59.999Z`, `${year}-01-01T00:00:00+09:00`, `${year}-01-01T00:00:00.5-05:30`])(
    "accepts %s, stores it and answers it in the list, in the spec's date-time format",
    async (time) => {
      const created = await client.ok('POST', '/v2/checkout/sessions', session(time));
      expect(created.expires_at).toBe(time);
      const listed = await client.ok('GET', '/v2/checkout/sessions?limit=100');
      const times: string[] = listed.data.map((item: { expires_at: string }) => item.expires_at);
      expect(times).toContain(time);
      expect(times.filter((each) => !isDateTime(each))).toEqual([]);
    },
  );
});

// The API's bounds of an amount to pay: 50 to 9,999,999 yen (the published client, PaymentFlowCreateRequest.amount:
// 50円以上9,999,999円以下; openapi/components/schemas/payment_flows/PaymentFlowCreateRequest.yaml).
describe('amounts and quantities', () => {
  let client: Client;
  let product: string;
  let tax: string;
  const priceOf = async (unit_amount: number): Promise<string> =>
    (await client.ok('POST', '/v2/prices', { product_id: product, unit_amount, currency: 'jpy' })).id;
  const payment = (price_id: string, quantity: unknown, tax_rates?: string[]) => ({
    mode: 'payment',
    line_items: [{ price_id, quantity, ...(tax_rates ? { tax_rates } : {}) }],
  });
  beforeAll(async () => {
    client = await sandboxClient();
    product = (await client.ok('POST', '/v2/products', { name: 'Tea' })).id;
    tax = (await client.ok('POST', '/v2/tax_rates', { display_name: '消費税', inclusive: false, percentage: 10, country: 'JP' })).id;
  });
  afterAll(() => client.close());

  const SAFE = 'Input should be an integer from -9007199254740991 to 9007199254740991';

  it.each([
    ['1e308', '1e308'],
    ['2^60', '1152921504606846976'],
    ['2^53 + 1 (read as 2^53)', '9007199254740993'],
  ])('refuses a quantity of %s with 422, never rounded', async (_, quantity) => {
    const price = await priceOf(1);
    const raw = `{"mode":"payment","line_items":[{"price_id":"${price}","quantity":${quantity}}]}`;
    const answer = await client.call('POST', '/v2/checkout/sessions', { raw });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ field: 'line_items.0.quantity', message: SAFE }]);
  });

  it('refuses any integer field beyond the safe integers, whatever its own bounds', async () => {
    const raw = '{"amount":1e20,"currency":"jpy"}';
    expect((await client.call('POST', '/v2/payment_flows', { raw })).body.errors).toEqual([{ field: 'amount', message: SAFE }]);
  });

  it.each([
    ['above 9,999,999 yen', 1_000, 10_000, undefined, 10_000_000],
    ['above 9,999,999 yen once tax is added', 9_999_999, 1, true, 10_999_998],
    ['below 50 yen', 49, 1, undefined, 49],
    ['0 yen', 0, 3, undefined, 0],
  ])('refuses a session whose total is %s at creation', async (_, unit, quantity, taxed, total) => {
    const answer = await client.post('/v2/checkout/sessions', payment(await priceOf(unit), quantity, taxed ? [tax] : undefined));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'line_items', message: `The total to pay should be from 50 to 9,999,999 yen, not ${total.toLocaleString('en')}` },
    ]);
  });

  it.each([
    ['50 yen', 25, 2, undefined, 50],
    ['9,999,999 yen', 9_999_999, 1, undefined, 9_999_999],
    ['9,999,999 yen with tax', 909_090, 10, true, 9_999_990],
  ])('creates a session of %s, and the customer can pay it on the hosted page', async (_, unit, quantity, taxed, total) => {
    const session = await client.ok('POST', '/v2/checkout/sessions', payment(await priceOf(unit), quantity, taxed ? [tax] : undefined));
    expect(session.amount_total).toBe(total);
    expect((await fetch(`${session.url}?token=tok_visa`)).status).toBe(200);
    const paid = await client.ok('GET', `/v2/checkout/sessions/${session.id}`);
    expect(paid.status).toBe('complete');
    expect((await client.ok('GET', `/v2/payment_flows/${paid.payment_flow_id}`)).amount_received).toBe(total);
  });
});

// JSON.parse makes `__proto__` an own key like any other; metadata must keep it (and the other names of
// Object.prototype) as given, on every object that has metadata, in every answer.
describe('metadata keys named like Object.prototype members', () => {
  let client: Client;
  beforeAll(async () => {
    client = await sandboxClient();
  });
  afterAll(() => client.close());

  const given = (): Record<string, unknown> => JSON.parse('{"__proto__":"kept","constructor":"c","toString":1,"hasOwnProperty":true}');
  const entries = (metadata: object): [string, unknown][] => Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b));
  const EXPECTED = entries(given());

  // Each resource's path, a body creating one, and what its update needs besides metadata.
  const resources: [string, () => Promise<Record<string, unknown>>, Record<string, unknown>?][] = [
    ['/v2/customers', async () => ({})],
    ['/v2/prices', async () => ({ product_id: (await client.ok('POST', '/v2/products', { name: 'Tea' })).id, unit_amount: 500, currency: 'jpy' })],
    ['/v2/tax_rates', async () => ({ display_name: '消費税', inclusive: false, percentage: 10 })],
    // With a customer: a payment method has an event (payment_method.attached) only then.
    ['/v2/payment_methods', async () => cardBody('tok_visa', { customer_id: (await client.ok('POST', '/v2/customers', {})).id }), { type: 'card' }],
    ['/v2/payment_flows', async () => ({ amount: 1_000, currency: 'jpy' })],
    ['/v2/setup_flows', async () => ({})],
    ['/v2/checkout/sessions', async () => ({ mode: 'setup' })],
    [
      '/v2/payment_refunds',
      async () => {
        // A payment method is given with its customer (customer_required_for_payment_method otherwise).
        const customer = (await client.ok('POST', '/v2/customers', {})).id;
        const method = await client.ok('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer }));
        const flow = await client.ok('POST', '/v2/payment_flows', {
          amount: 1_000,
          currency: 'jpy',
          customer_id: customer,
          payment_method_id: method.id,
          confirm: true,
        });
        return { payment_flow_id: flow.id };
      },
    ],
  ];

  it.each(resources)('%s: created, fetched, listed, in its event, and updated key by key', async (path, bodyOf, update = {}) => {
    const created = await client.ok('POST', path, { ...(await bodyOf()), metadata: given() });
    expect(entries(created.metadata)).toEqual(EXPECTED);
    expect(entries((await client.ok('GET', `${path}/${created.id}`)).metadata)).toEqual(EXPECTED);
    const listed = await client.ok('GET', `${path}?limit=100`);
    expect(entries(listed.data.find((item: { id: string }) => item.id === created.id).metadata)).toEqual(EXPECTED);
    const [event] = (await client.ok('GET', `/v2/events?resource_id=${created.id}`)).data;
    expect(entries(event.data.metadata)).toEqual(EXPECTED);
    const updated = await client.ok('POST', `${path}/${created.id}`, { ...update, metadata: JSON.parse('{"__proto__":"","constructor":"d"}') });
    expect(entries(updated.metadata)).toEqual([
      ['constructor', 'd'],
      ['hasOwnProperty', true],
      ['toString', 1],
    ]);
  });

  it('takes another __proto__ under the same Idempotency-Key as other parameters (409), the same one as a replay', async () => {
    const headers = { 'idempotency-key': 'proto-key' };
    const first = await client.call('POST', '/v2/customers', { raw: '{"metadata":{"__proto__":"a"}}', headers });
    expect(first.status).toBe(200);
    const replay = await client.call('POST', '/v2/customers', { raw: '{"metadata":{"__proto__":"a"}}', headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await client.call('POST', '/v2/customers', { raw: '{"metadata":{"__proto__":"b"}}', headers })).body.code).toBe('idempotency_conflict');
  });
});
