// Per-key isolation (isolateKeys) and reset to the seed (POST /sandbox/reset, Sandbox.reset), over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { switchesFromEnv } from './http/switches.ts';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { type Client, TEST_KEY, cardBody, sandboxClient } from './test-support.ts';

const OTHER_KEY = 'sk_test_otherJob';
let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const as = (key: string) => ({ key });
const reset = (key: string | null) => client!.call('POST', '/sandbox/reset', { key });
const { customer: SEEDED_CUSTOMER, v1Card: SEEDED_CARD_ID } = EXAMPLE_OBJECTS;
const customerIds = async (key: string): Promise<string[]> =>
  (await client!.call('GET', '/v2/customers?limit=100', as(key))).body.data.map((c: { id: string }) => c.id);

describe('isolated keys', () => {
  it('give each secret key objects of its own, seeded on its first request', async () => {
    client = await sandboxClient({ isolateKeys: true });
    const mine = (await client.ok('POST', '/v2/customers', { email: 'mine@example.jp' })).id;
    expect((await client.call('GET', `/v2/customers/${mine}`, as(OTHER_KEY))).status).toBe(404);
    const seeded = await customerIds(OTHER_KEY);
    expect(seeded).toContain(SEEDED_CUSTOMER);
    expect(await customerIds(TEST_KEY)).toEqual([mine, ...seeded]);
    // The same seeded IDs in each, apart: deleting one key's seeded customer leaves the other's.
    expect((await client.call('DELETE', `/v2/customers/${SEEDED_CUSTOMER}`, as(OTHER_KEY))).status).toBe(200);
    expect((await client.get(`/v2/customers/${SEEDED_CUSTOMER}`)).status).toBe(200);
    expect((await client.call('GET', `/v2/payment_methods/cards/${SEEDED_CARD_ID}`, as(OTHER_KEY))).body.customer_id).toBeNull();
    // Events and idempotency keys too.
    const events = (await client.call('GET', `/v2/events?resource_id=${mine}`, as(OTHER_KEY))).body.data;
    expect(events).toEqual([]);
    const first = await client.post('/v2/customers', { description: 'once' }, { headers: { 'idempotency-key': 'same-key' } });
    const other = await client.post('/v2/customers', { description: 'once' }, { key: OTHER_KEY, headers: { 'idempotency-key': 'same-key' } });
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("put the browser's card entry (pk_test_X) beside sk_test_X's objects", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const customer = (await client.ok('POST', '/v2/customers', {})).id;
    const publishable = TEST_KEY.replace(/^sk_/, 'pk_');
    const card = await client.call('POST', '/v2/payment_methods', { key: publishable, body: { ...cardBody('4242424242424242'), customer_id: customer } });
    expect(card.status).toBe(200);
    expect((await client.get(`/v2/payment_methods/${card.body.id}`)).body.customer_id).toBe(customer);
    expect((await client.call('GET', `/v2/payment_methods/${card.body.id}`, as(OTHER_KEY))).status).toBe(404);
  });

  it("serve the customer's pages (no key) from the tenant that made the object", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const product = (await client.ok('POST', '/v2/products', { name: 'Tea' })).id;
    const price = (await client.ok('POST', '/v2/prices', { product_id: product, unit_amount: 500, currency: 'jpy' })).id;
    const session = await client.ok('POST', '/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price, quantity: 2 }] });
    expect((await fetch(`${session.url}?token=tok_visa`)).status).toBe(200);
    expect((await client.get(`/v2/checkout/sessions/${session.id}`)).body.status).toBe('complete');
    expect((await client.call('GET', `/v2/checkout/sessions/${session.id}`, as(OTHER_KEY))).status).toBe(404);
  });
});

describe('reset', () => {
  it('puts every object back to the seed without a restart (shared keys)', async () => {
    client = await sandboxClient();
    const seeded = await customerIds(TEST_KEY);
    const seededFlows = (await client.get(`/v2/payment_flows?customer_id=${SEEDED_CUSTOMER}&limit=100`)).body.data.length;
    const made = (await client.ok('POST', '/v2/customers', { email: 'gone@example.jp' })).id;
    await client.ok('DELETE', `/v2/customers/${SEEDED_CUSTOMER}`);
    const replayed = await client.post('/v2/products', { name: 'Once' }, { headers: { 'idempotency-key': 'before-reset' } });
    const answer = await reset(TEST_KEY);
    expect([answer.status, answer.body]).toEqual([200, { object: 'sandbox.reset', scope: 'all' }]);
    expect(await customerIds(TEST_KEY)).toEqual(seeded);
    expect((await client.get(`/v2/customers/${made}`)).status).toBe(404);
    expect((await client.get(`/v2/payment_methods/cards/${SEEDED_CARD_ID}`)).body.customer_id).toBe(SEEDED_CUSTOMER);
    expect((await client.get(`/v2/payment_flows?customer_id=${SEEDED_CUSTOMER}&limit=100`)).body.data).toHaveLength(seededFlows);
    // Stored answers went with the objects they named.
    const again = await client.post('/v2/products', { name: 'Once' }, { headers: { 'idempotency-key': 'before-reset' } });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(replayed.body.id);
  });

  it("puts back only the caller's objects when keys are isolated, and the whole sandbox from Sandbox.reset()", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const seeded = await customerIds(TEST_KEY);
    const mine = (await client.ok('POST', '/v2/customers', {})).id;
    const theirs = (await client.call('POST', '/v2/customers', { key: OTHER_KEY, body: {} })).body.id;
    expect((await reset(TEST_KEY)).body).toEqual({ object: 'sandbox.reset', scope: 'key' });
    expect(await customerIds(TEST_KEY)).toEqual(seeded);
    expect(await customerIds(OTHER_KEY)).toEqual([theirs, ...seeded]);
    expect(mine).not.toBe(theirs);
    await client.reset(OTHER_KEY);
    expect(await customerIds(OTHER_KEY)).toEqual(seeded);
    await client.ok('POST', '/v2/customers', {});
    await client.call('POST', '/v2/customers', { key: OTHER_KEY, body: {} });
    await client.reset();
    for (const key of [TEST_KEY, OTHER_KEY]) expect(await customerIds(key)).toEqual(seeded);
  });

  it('needs a secret key', async () => {
    client = await sandboxClient();
    const made = (await client.ok('POST', '/v2/customers', {})).id;
    expect((await reset(null)).body.code).toBe('unauthorized');
    expect((await reset(TEST_KEY.replace(/^sk_/, 'pk_'))).body).toMatchObject({
      code: 'unauthorized',
      detail: expect.stringContaining('publishable key cannot reset'),
    });
    expect((await client.get(`/v2/customers/${made}`)).status).toBe(200);
  });
});

it('reads SANDBOX_ISOLATE_KEYS: 1 or 0, anything else refused naming it', () => {
  expect(switchesFromEnv({ SANDBOX_ISOLATE_KEYS: '1' })).toEqual({ isolateKeys: true });
  expect(switchesFromEnv({ SANDBOX_ISOLATE_KEYS: '0' })).toEqual({});
  expect(() => switchesFromEnv({ SANDBOX_ISOLATE_KEYS: 'yes' })).toThrow('SANDBOX_ISOLATE_KEYS must be 1 (on) or 0 (off) (got yes)');
});
