// Per-key isolation (isolateKeys) and reset to the seed (POST /sandbox/reset, Sandbox.reset), over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { switchesFromEnv } from './http/switches.ts';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { type Client, TEST_KEY, cardBody, sandboxClient } from './test-support.ts';
import { type TestReceiver, startReceiver, until } from '../contract-core/testing/webhook-receiver.ts';

const OTHER_KEY = 'sk_test_otherJob';
let client: Client | undefined;
let receiver: TestReceiver | undefined;
afterEach(async () => {
  await client?.close();
  await receiver?.close();
  client = undefined;
  receiver = undefined;
});

const as = (key: string) => ({ key });
const reset = (key: string | null) => client!.call('POST', '/sandbox/reset', { key });
const { customer: SEEDED_CUSTOMER, v1Card: SEEDED_CARD_ID, checkoutSession: SEEDED_SESSION, pendingSetupFlow: SEEDED_SETUP } = EXAMPLE_OBJECTS;
/** Where a key's customer pages are (GET /sandbox/tenant). */
const pagesOf = async (key: string): Promise<string> => (await client!.call('GET', '/sandbox/tenant', as(key))).body.pages;
const visit = async (url: string): Promise<{ status: number; text: string }> => {
  const answer = await fetch(url, { redirect: 'manual' });
  return { status: answer.status, text: await answer.text() };
};
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

describe("isolated keys' pages and logs", () => {
  // Seeded IDs are every key's: the other key is seeded first, so that a page looking for the first tenant
  // holding the ID would find the other key's object.
  it("pay the seeded checkout session of the key whose URL it is, and leave the other key's open", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const theirs = (await client.call('GET', `/v2/checkout/sessions/${SEEDED_SESSION}`, as(OTHER_KEY))).body;
    const mine = (await client.get(`/v2/checkout/sessions/${SEEDED_SESSION}`)).body;
    expect(mine.url).not.toBe(theirs.url);
    expect((await visit(`${mine.url}?token=tok_visa`)).status).toBe(303);
    expect((await client.get(`/v2/checkout/sessions/${SEEDED_SESSION}`)).body.status).toBe('complete');
    expect((await client.call('GET', `/v2/checkout/sessions/${SEEDED_SESSION}`, as(OTHER_KEY))).body.status).toBe('open');
    // Named without its tenant, a seeded ID is several keys': the page says to use the URL handed out.
    const bare = await visit(`${client.url}/sandbox/checkout/${SEEDED_SESSION}?token=tok_visa`);
    expect([bare.status, bare.text]).toEqual([404, expect.stringContaining('Several keys hold')]);
    expect((await client.call('GET', `/v2/checkout/sessions/${SEEDED_SESSION}`, as(OTHER_KEY))).body.status).toBe('open');
  });

  it("complete 3-D Secure on the key's own seeded payment flow", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const flow = EXAMPLE_OBJECTS.flowToConfirmWith3ds;
    const confirm = { payment_method_options: { card: { request_three_d_secure: 'any' } } };
    const theirs = await client.call('POST', `/v2/payment_flows/${flow}/confirm`, { key: OTHER_KEY, body: confirm });
    const mine = await client.post(`/v2/payment_flows/${flow}/confirm`, confirm);
    expect([theirs.body.status, mine.body.status]).toEqual(['requires_action', 'requires_action']);
    expect((await visit(mine.body.next_action.redirect_to_url.url)).status).toBe(200);
    expect((await client.get(`/v2/payment_flows/${flow}`)).body.status).toBe('succeeded');
    expect((await client.call('GET', `/v2/payment_flows/${flow}`, as(OTHER_KEY))).body.status).toBe('requires_action');
  });

  it("save a card on the key's own seeded setup flow, under the pages GET /sandbox/tenant names", async () => {
    client = await sandboxClient({ isolateKeys: true });
    const theirs = await pagesOf(OTHER_KEY);
    const mine = await pagesOf(TEST_KEY);
    expect(mine).toMatch(new RegExp(`^${client.url}/tenants/tn_\\w+/sandbox$`));
    expect(mine).not.toBe(theirs);
    expect(mine).not.toContain(TEST_KEY.slice('sk_test_'.length));
    expect((await visit(`${mine}/setup/${SEEDED_SETUP}?token=tok_visa`)).status).toBe(200);
    expect((await client.get(`/v2/setup_flows/${SEEDED_SETUP}`)).body.status).toBe('succeeded');
    expect((await client.call('GET', `/v2/setup_flows/${SEEDED_SETUP}`, as(OTHER_KEY))).body.status).toBe('requires_payment_method');
    expect((await visit(`${client.url}/tenants/tn_nobody/sandbox/setup/${SEEDED_SETUP}`)).status).toBe(404);
    // Shared keys: one tenant, its pages where they always were.
    await client.close();
    client = await sandboxClient();
    expect((await client.call('GET', '/sandbox/tenant')).body).toEqual({ object: 'sandbox.tenant', isolated: false, pages: `${client.url}/sandbox` });
  });

  it("keep each key's webhook deliveries in its own log", async () => {
    receiver = await startReceiver();
    client = await sandboxClient({ isolateKeys: true, webhooks: { token: 'whook_t', endpoints: [{ url: receiver.url }] } });
    const mine = (await client.ok('POST', '/v2/customers', {})).id;
    const theirs = (await client.call('POST', '/v2/customers', { key: OTHER_KEY, body: {} })).body.id;
    const log = async (pages: string, query: string) => (await fetch(`${pages}/webhooks/deliveries${query}`)).json() as Promise<any>;
    const [myPages, theirPages] = [await pagesOf(TEST_KEY), await pagesOf(OTHER_KEY)];
    await until('both deliveries', async () => (await log(myPages, '')).data.length > 0 && (await log(theirPages, '')).data.length > 0);
    const resourceOf = async (delivery: { event_id: string }, key: string) =>
      (await client!.call('GET', `/v2/events/${delivery.event_id}`, as(key))).body.data.id as string;
    const myLog = (await log(myPages, '')).data;
    expect(await Promise.all(myLog.map((delivery: { event_id: string }) => resourceOf(delivery, TEST_KEY)))).toEqual(myLog.map(() => mine));
    const theirEvent = (await client.call('GET', `/v2/events?resource_id=${theirs}`, as(OTHER_KEY))).body.data[0].id;
    expect((await fetch(`${myPages}/webhooks/deliveries?event_id=${theirEvent}`)).status).toBe(404);
    expect((await log(theirPages, `?event_id=${theirEvent}`)).data).toHaveLength(1);
    // The seed of each key is not sent: only the two customers' events are.
    await until('every delivery to settle', async () => (await (await fetch(`${myPages}/webhooks`)).json()).active_deliveries === 0);
    expect(receiver.received.map((request) => JSON.parse(request.body).data.id).sort()).toEqual([mine, theirs].sort());
    // Without a tenant, no key's log is shown.
    expect((await fetch(`${client.url}/sandbox/webhooks/deliveries`)).status).toBe(404);
  });

  it('keep at most maxTenants keys with objects: the one used least recently loses them', async () => {
    client = await sandboxClient({ isolateKeys: true, maxTenants: 2 });
    const status = async () => (await (await fetch(`${client!.url}/sandbox/status`)).json()).tenants;
    const first = (await client.call('POST', '/v2/customers', { key: 'sk_test_first', body: {} })).body.id;
    const second = (await client.call('POST', '/v2/customers', { key: 'sk_test_second', body: {} })).body.id;
    expect((await client.call('GET', `/v2/customers/${first}`, as('sk_test_first'))).status).toBe(200); // first used last
    await client.call('GET', '/v2/customers', as('sk_test_third'));
    expect(await status()).toEqual({ tenants: 2, max: 2 });
    expect((await client.call('GET', `/v2/customers/${first}`, as('sk_test_first'))).status).toBe(200);
    // The third key's objects evicted the second's, the one used least recently.
    expect((await client.call('GET', `/v2/customers/${second}`, as('sk_test_second'))).status).toBe(404);
    expect((await client.call('GET', `/v2/customers/${SEEDED_CUSTOMER}`, as('sk_test_second'))).status).toBe(200); // seeded again
    expect(await status()).toEqual({ tenants: 2, max: 2 });
    await expect(sandboxClient({ isolateKeys: true, maxTenants: 0 })).rejects.toThrow('sandbox: maxTenants must be an integer >= 1 (got 0)');
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
