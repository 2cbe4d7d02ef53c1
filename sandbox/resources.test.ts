// Customers and payment methods, setup flows, checkout sessions, the catalog, and the seeded records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { type Client, CARD_EXP_YEAR, cardBody, sandboxClient } from './test-support.ts';

let client: Client;
beforeAll(async () => {
  client = await sandboxClient();
});
afterAll(() => client.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('customers and payment methods', () => {
  it('creates, fetches, updates (metadata merge) and deletes a customer', async () => {
    const created = await client.ok('POST', '/v2/customers', { email: 'a@example.jp', metadata: { plan: 'gold', keep: 1 } });
    expect(created).toMatchObject({ object: 'customer', livemode: false, email: 'a@example.jp', description: null });
    expect(created.id).toMatch(/^cus_/);
    expect(created.created_at).toMatch(ISO);
    expect(await client.ok('GET', `/v2/customers/${created.id}`)).toEqual(created);
    const updated = await client.ok('POST', `/v2/customers/${created.id}`, { description: 'VIP', metadata: { plan: '' } });
    expect(updated).toMatchObject({ description: 'VIP', metadata: { keep: 1 } });
    expect(updated.metadata).not.toHaveProperty('plan');
    expect((await client.ok('DELETE', `/v2/customers/${created.id}`)).id).toBe(created.id);
    expect((await client.get(`/v2/customers/${created.id}`)).status).toBe(404);
  });

  it('refuses an ID already in use and a malformed email', async () => {
    await client.ok('POST', '/v2/customers', { id: 'cus_chosen_id' });
    expect((await client.post('/v2/customers', { id: 'cus_chosen_id' })).body.code).toBe('already_exists_id');
    const bad = await client.post('/v2/customers', { email: 'not-an-email' });
    expect(bad.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  it('attaches and detaches with the payment_method_* errors', async () => {
    const customer = await client.ok('POST', '/v2/customers', {});
    const other = await client.ok('POST', '/v2/customers', {});
    const pm = await client.ok('POST', '/v2/payment_methods', cardBody('tok_mastercard'));
    expect(pm).toMatchObject({ type: 'card', customer_id: null, card: { brand: 'MasterCard', last4: '4444', exp_year: CARD_EXP_YEAR } });
    expect((await client.post(`/v2/payment_methods/${pm.id}/detach`)).body.code).toBe('payment_method_unattached');
    expect((await client.post(`/v2/customers/${customer.id}`, { default_payment_method_id: pm.id })).body.code).toBe('payment_method_unattached');
    const attached = await client.ok('POST', `/v2/payment_methods/${pm.id}/attach`, { customer_id: customer.id });
    expect(attached.customer_id).toBe(customer.id);
    expect((await client.post(`/v2/payment_methods/${pm.id}/attach`, { customer_id: customer.id })).body.code).toBe('payment_method_already_attached');
    expect((await client.post(`/v2/payment_methods/${pm.id}/attach`, { customer_id: other.id })).body.code).toBe('payment_method_customer_mismatch');
    expect((await client.post(`/v2/customers/${other.id}`, { default_payment_method_id: pm.id })).body.code).toBe('payment_method_not_owned_by_customer');
    expect((await client.ok('POST', `/v2/customers/${customer.id}`, { default_payment_method_id: pm.id })).default_payment_method_id).toBe(pm.id);
    const listed = await client.ok('GET', `/v2/customers/${customer.id}/payment_methods`);
    expect(listed.data.map((m: { id: string }) => m.id)).toEqual([pm.id]);
    // Using it without its customer, or with another one.
    const flow = { amount: 1000, currency: 'jpy', payment_method_id: pm.id };
    expect((await client.post('/v2/payment_flows', flow)).body.code).toBe('customer_required_for_payment_method');
    expect((await client.post('/v2/payment_flows', { ...flow, customer_id: other.id })).body.code).toBe('payment_method_not_owned_by_customer');
    expect((await client.post('/v2/payment_flows', { ...flow, customer_id: customer.id, payment_method_types: ['paypay'] })).body.code).toBe(
      'payment_method_type_not_allowed',
    );
    const detached = await client.ok('POST', `/v2/payment_methods/${pm.id}/detach`);
    expect(detached).toMatchObject({ customer_id: null, detached_at: expect.stringMatching(ISO) });
    expect((await client.ok('GET', `/v2/customers/${customer.id}`)).default_payment_method_id).toBeNull();
    expect((await client.post(`/v2/payment_methods/${pm.id}/detach`)).body.code).toBe('payment_method_already_detached');
    expect((await client.post(`/v2/payment_methods/${pm.id}/attach`, { customer_id: customer.id })).body.code).toBe('detached_payment_method_not_usable');
    expect((await client.post('/v2/payment_flows', flow)).body.code).toBe('detached_payment_method_not_usable');
  });

  it('creates PayPay and Apple Pay methods, refuses unknown tokens, and finds the seeded v1 card', async () => {
    expect((await client.ok('POST', '/v2/payment_methods', { type: 'paypay' })).type).toBe('paypay');
    const apple = await client.ok('POST', '/v2/payment_methods', { type: 'apple_pay', token: 'tok_visa' });
    expect(apple).toMatchObject({ type: 'apple_pay', card: { brand: 'Visa' } });
    expect((await client.post('/v2/payment_methods', { type: 'apple_pay', token: 'tok_apple_pay_domain_not_registered' })).body.code).toBe(
      'apple_pay_domain_not_registered',
    );
    expect((await client.post('/v2/payment_methods', cardBody('tok_unknown'))).body.errors).toEqual([
      { field: 'card.number', message: expect.stringContaining('tok_visa') },
    ]);
    const cardless = await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), billing_details: { name: 'A' } });
    expect(cardless.body.errors).toEqual([{ field: 'billing_details', message: 'phone or email is required' }]);
    const seeded = await client.ok('GET', `/v2/payment_methods/cards/${EXAMPLE_OBJECTS.v1Card}`);
    expect(seeded).toMatchObject({ id: EXAMPLE_OBJECTS.card, customer_id: EXAMPLE_OBJECTS.customer, card: { last4: '4242' } });
    expect((await client.get('/v2/payment_methods/cards/car_missing')).status).toBe(404);
  });

  it('PayPay payments wait for the customer in the app', async () => {
    const customer = await client.ok('POST', '/v2/customers', {});
    const pm = await client.ok('POST', '/v2/payment_methods', { type: 'paypay', customer_id: customer.id });
    const flow = await client.ok('POST', '/v2/payment_flows', {
      amount: 2500,
      currency: 'jpy',
      customer_id: customer.id,
      payment_method_id: pm.id,
      confirm: true,
    });
    expect(flow).toMatchObject({ status: 'requires_action', next_action: { type: 'redirect_to_url' } });
    await fetch(flow.next_action.redirect_to_url.url);
    expect((await client.ok('GET', `/v2/payment_flows/${flow.id}`)).status).toBe('succeeded');
  });
});

describe('setup flows', () => {
  it('saves a card for a customer on the setup page, and cancels only while pending', async () => {
    const customer = await client.ok('POST', '/v2/customers', {});
    const flow = await client.ok('POST', '/v2/setup_flows', { customer_id: customer.id, usage: 'off_session' });
    expect(flow).toMatchObject({ object: 'setup_flow', status: 'requires_payment_method', payment_method_types: ['card'] });
    expect(flow.id).toMatch(/^sfw_/);
    expect((await fetch(`${client.url}/sandbox/setup/${flow.id}?token=tok_card_declined`)).status).toBe(402);
    expect((await fetch(`${client.url}/sandbox/setup/${flow.id}?token=tok_visa`)).status).toBe(200);
    const done = await client.ok('GET', `/v2/setup_flows/${flow.id}`);
    expect(done.status).toBe('succeeded');
    expect((await client.ok('GET', `/v2/payment_methods/${done.payment_method_id}`)).customer_id).toBe(customer.id);
    expect((await client.post(`/v2/setup_flows/${flow.id}/cancel`)).body.code).toBe('invalid_status');
    const other = await client.ok('POST', '/v2/setup_flows');
    expect((await client.ok('POST', `/v2/setup_flows/${other.id}/cancel`, { cancellation_reason: 'abandoned' })).status).toBe('canceled');
  });
});

describe('catalog and checkout sessions', () => {
  it('sells line items with consumption tax, and completes on the hosted page', async () => {
    const product = await client.ok('POST', '/v2/products', { name: 'Tシャツ', unit_label: '枚' });
    expect(product).toMatchObject({ object: 'product', active: true, default_price_id: null });
    const price = await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 1000, currency: 'jpy', lookup_key: 'tshirt' });
    expect(price.id).toMatch(/^price_/);
    const tax = await client.ok('POST', '/v2/tax_rates', { display_name: '消費税', inclusive: false, percentage: 10, country: 'JP' });
    expect(tax.id).toMatch(/^txr_/);
    expect((await client.ok('POST', `/v2/products/${product.id}`, { default_price_id: price.id })).default_price_id).toBe(price.id);
    expect((await client.ok('GET', '/v2/prices?lookup_keys=tshirt')).data.map((p: { id: string }) => p.id)).toEqual([price.id]);
    const session = await client.ok('POST', '/v2/checkout/sessions', {
      mode: 'payment',
      line_items: [{ price_id: price.id, quantity: 3, tax_rates: [tax.id] }],
      success_url: 'https://shop.example.jp/thanks',
    });
    expect(session).toMatchObject({ status: 'open', amount_subtotal: 3000, amount_total: 3300, mode: 'payment' });
    expect(session.id).toMatch(/^cs_/);
    const items = await client.ok('GET', `/v2/checkout/sessions/${session.id}/line_items`);
    expect(items.data).toEqual([expect.objectContaining({ quantity: 3, amount_subtotal: 3000, amount_tax: 300, amount_total: 3300, price })]);
    expect(items.data[0].id).toMatch(/^li_/);
    expect((await client.post('/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: 'price_missing', quantity: 1 }] })).body.code).toBe(
      'price_not_found_or_inactive',
    );
    const page = await fetch(session.url, { redirect: 'manual' });
    expect(page.headers.get('location')).toBe('https://shop.example.jp/thanks');
    const complete = await client.ok('GET', `/v2/checkout/sessions/${session.id}`);
    expect(complete.status).toBe('complete');
    // The guest's card is used with a customer the page made for them, as every payment method is.
    const paid = await client.ok('GET', `/v2/payment_flows/${complete.payment_flow_id}`);
    expect(paid).toMatchObject({ amount_received: 3300, customer_id: complete.customer_id });
    expect(complete.customer_id).toMatch(/^cus_/);
    expect((await client.post(`/v2/checkout/sessions/${session.id}`, { metadata: { a: 1 } })).body.code).toBe('invalid_status');
    expect((await client.call('DELETE', `/v2/products/${product.id}`)).body.code).toBe('product_has_prices');
    const unpriced = await client.ok('POST', '/v2/products', { name: '値札なし' });
    const deleted = await client.ok('DELETE', `/v2/products/${unpriced.id}`);
    expect(deleted).toEqual({ object: 'product', id: unpriced.id, deleted: true });
  });
});

describe("the surface of PAY.JP's SDK up to 1.1.0", () => {
  const session = (lineItems: unknown[], extra: Record<string, unknown> = {}) =>
    client.post('/v2/checkout/sessions', { mode: 'payment', line_items: lineItems, success_url: 'https://shop.example.jp/thanks', ...extra });

  it('sells a line item priced inline (price_data), with a product named or written inline, the price for that session only', async () => {
    const product = await client.ok('POST', '/v2/products', { name: 'Inline' });
    const named = await session([{ price_data: { currency: 'jpy', unit_amount: 1200, product_id: product.id }, quantity: 2 }]);
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ amount_subtotal: 2400, amount_total: 2400 });
    const [item] = (await client.ok('GET', `/v2/checkout/sessions/${named.body.id}/line_items`)).data;
    expect(item.price).toMatchObject({ product_id: product.id, unit_amount: 1200, active: false });
    const written = await session([
      { price_id: null, price_data: { currency: 'jpy', unit_amount: 800, product_data: { name: 'ドリップバッグ' } }, quantity: 1 },
    ]);
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    const [line] = (await client.ok('GET', `/v2/checkout/sessions/${written.body.id}/line_items`)).data;
    expect(line.description).toBe('ドリップバッグ');
    expect((await client.ok('GET', `/v2/products/${line.price.product_id}`)).name).toBe('ドリップバッグ');
    // The inline price serves its own session only: named by ID, it is inactive.
    expect((await session([{ price_id: item.price.id, quantity: 1 }])).body.code).toBe('price_not_found_or_inactive');
  });

  it('needs exactly one of price_id and price_data per line (our inference): neither or both answer 422', async () => {
    const price = await client.ok('POST', '/v2/prices', {
      product_id: (await client.ok('POST', '/v2/products', { name: 'P' })).id,
      unit_amount: 500,
      currency: 'jpy',
    });
    expect((await session([{ quantity: 1 }])).status).toBe(422);
    const both = await session([{ price_id: price.id, price_data: { currency: 'jpy', unit_amount: 500, product_id: price.product_id }, quantity: 1 }]);
    expect(both.status).toBe(422);
  });

  it('answers an inactive or unknown price and tax rate 404 price_not_found_or_inactive / tax_rate_not_found_or_inactive; an unknown customer 404 not_found', async () => {
    const product = await client.ok('POST', '/v2/products', { name: 'Q' });
    const inactive = await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 500, currency: 'jpy', active: false });
    const price = await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 500, currency: 'jpy' });
    const off = await client.ok('POST', '/v2/tax_rates', { display_name: 'old', inclusive: false, percentage: 8, active: false });
    const inactivePrice = await session([{ price_id: inactive.id, quantity: 1 }]);
    expect(inactivePrice).toMatchObject({ status: 404, body: { code: 'price_not_found_or_inactive' } });
    expect((await session([{ price_id: price.id, quantity: 1, tax_rates: [off.id] }])).body.code).toBe('tax_rate_not_found_or_inactive');
    expect((await session([{ price_id: price.id, quantity: 1, tax_rates: ['txr_missing'] }])).body.code).toBe('tax_rate_not_found_or_inactive');
    expect((await session([{ price_id: price.id, quantity: 1 }], { customer_id: 'cus_missing' })).body.code).toBe('not_found');
  });

  it('takes description in payment_flow_data and setup_flow_data, and must_extend in the card options', async () => {
    const price = await client.ok('POST', '/v2/prices', {
      product_id: (await client.ok('POST', '/v2/products', { name: 'R' })).id,
      unit_amount: 500,
      currency: 'jpy',
    });
    const paid = await session([{ price_id: price.id, quantity: 1 }], {
      payment_flow_data: { description: '注文 A-1', capture_method: 'manual' },
      payment_method_options: { card: { request_extended_authorization: 'must_extend' } },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.payment_method_options).toEqual({ card: { request_extended_authorization: 'must_extend' } });
    const setup = await client.post('/v2/checkout/sessions', {
      mode: 'setup',
      setup_flow_data: { description: null },
      success_url: 'https://shop.example.jp/thanks',
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
  });

  it('filters tax rates by active and inclusive, and dates products and tax rates (livemode, created_at, updated_at)', async () => {
    const made = [
      await client.ok('POST', '/v2/tax_rates', { display_name: 'a', inclusive: true, percentage: 8, active: true }),
      await client.ok('POST', '/v2/tax_rates', { display_name: 'b', inclusive: false, percentage: 10, active: true }),
      await client.ok('POST', '/v2/tax_rates', { display_name: 'c', inclusive: true, percentage: 10, active: false }),
    ];
    const ids = async (query: string) => (await client.ok('GET', `/v2/tax_rates?limit=100&${query}`)).data.map((rate: { id: string }) => rate.id);
    const mine = (list: string[]) => list.filter((id) => made.some((rate) => rate.id === id));
    expect(mine(await ids('active=true'))).toEqual([made[1].id, made[0].id]);
    expect(mine(await ids('inclusive=true'))).toEqual([made[2].id, made[0].id]);
    expect(mine(await ids('active=false&inclusive=true'))).toEqual([made[2].id]);
    expect((await client.get('/v2/tax_rates?active=yes')).status).toBe(422);
    const rate = made[0];
    expect(rate).toMatchObject({ livemode: false, created_at: rate.updated_at });
    expect(Date.parse(rate.created_at)).not.toBeNaN();
    const product = await client.ok('POST', '/v2/products', { name: 'S' });
    expect(product).toMatchObject({ livemode: false, created_at: product.updated_at });
    expect(Date.parse(product.created_at)).not.toBeNaN();
  });

  it('has an Apple Pay setting in the payment method configuration; turned off, Apple Pay is refused', async () => {
    const path = `/v2/payment_method_configurations/${EXAMPLE_OBJECTS.paymentMethodConfiguration}`;
    expect((await client.ok('GET', path)).apple_pay).toEqual({ available: true, display_preference: { preference: 'none', value: 'on' } });
    const off = await client.ok('POST', path, { apple_pay: { display_preference: { preference: 'off' } } });
    expect(off.apple_pay).toEqual({ available: false, display_preference: { preference: 'off', value: 'off' } });
    const refused = await client.post('/v2/payment_methods', { type: 'apple_pay', token: 'tok_visa' });
    expect(refused.body.code).toBe('unsupported_payment_method_type');
    await client.ok('POST', path, { apple_pay: { display_preference: { preference: 'none' } } });
    expect((await client.post('/v2/payment_methods', { type: 'apple_pay', token: 'tok_visa' })).status).toBe(200);
  });

  it('answers the Apple Pay token codes of the SDK (1.0.8) for their test tokens', async () => {
    const create = (token: string) => client.post('/v2/payment_methods', { type: 'apple_pay', token });
    expect((await create('tok_apple_pay_invalid_token')).body.code).toBe('invalid_apple_pay_token');
    expect((await create('tok_apple_pay_unacceptable_brand')).body.code).toBe('unacceptable_brand_on_apple_pay');
  });

  it('answers the new 404 of the transaction list (a term_id of no term) and keeps the filter for a known one', async () => {
    expect((await client.get('/v2/payment_transactions?term_id=tm_missing')).body).toMatchObject({ status: 404, code: 'not_found' });
    const term = (await client.ok('GET', '/v2/terms?limit=1')).data[0];
    expect((await client.get(`/v2/payment_transactions?term_id=${term.id}`)).status).toBe(200);
  });

  it('setup flows: a turned-off type answers invalid_payment_method_types; a canceled flow cannot be updated (invalid_status)', async () => {
    const path = `/v2/payment_method_configurations/${EXAMPLE_OBJECTS.paymentMethodConfiguration}`;
    await client.ok('POST', path, { card: { display_preference: { preference: 'off' } } });
    const refused = await client.post('/v2/setup_flows', { payment_method_types: ['card'] });
    await client.ok('POST', path, { card: { display_preference: { preference: 'on' } } });
    expect(refused.body.code).toBe('invalid_payment_method_types');
    const flow = await client.ok('POST', '/v2/setup_flows', {});
    await client.ok('POST', `/v2/setup_flows/${flow.id}/cancel`, {});
    expect((await client.post(`/v2/setup_flows/${flow.id}`, { description: 'late' })).body.code).toBe('invalid_status');
  });

  it('createCustomer refuses a payment method of a type turned off (unsupported_payment_method_type)', async () => {
    const pm = await client.ok('POST', '/v2/payment_methods', { type: 'paypay' });
    const path = `/v2/payment_method_configurations/${EXAMPLE_OBJECTS.paymentMethodConfiguration}`;
    await client.ok('POST', path, { paypay: { display_preference: { preference: 'off' } } });
    const refused = await client.post('/v2/customers', { payment_method_id: pm.id });
    await client.ok('POST', path, { paypay: { display_preference: { preference: 'none' } } });
    expect(refused.body.code).toBe('unsupported_payment_method_type');
  });
});

describe('seeded account records', () => {
  it.each([
    ['/v2/terms', /^tm_/],
    ['/v2/statements', /^st_/],
    ['/v2/balances', /^ba_/],
    ['/v2/payment_disputes', /^dp_/],
    ['/v2/payment_transactions', /^ptx_/],
    ['/v2/payment_method_configurations', /^pmc_/],
  ])('%s lists seeded objects that can be fetched by ID', async (path, prefix) => {
    const page = await client.ok('GET', path);
    expect(page.data.length).toBeGreaterThan(0);
    for (const item of page.data) {
      expect(item.id).toMatch(prefix);
      expect(await client.ok('GET', `${path}/${item.id}`)).toEqual(item);
    }
  });

  it('filters and hands out download URLs', async () => {
    expect((await client.ok('GET', '/v2/payment_disputes?status=lost')).data.map((d: { status: string }) => d.status)).toEqual(['lost']);
    expect((await client.get('/v2/payment_disputes?status=won')).body.errors[0].field).toBe('status');
    expect((await client.ok('GET', '/v2/balances?closed=false')).data.every((b: { closed: boolean }) => !b.closed)).toBe(true);
    expect((await client.get('/v2/balances?since=yesterday')).status).toBe(422);
    const url = await client.ok('POST', `/v2/statements/${EXAMPLE_OBJECTS.firstStatement}/statement_urls`);
    expect(url).toMatchObject({ object: 'statement_url', expires: expect.stringMatching(ISO) });
    expect((await fetch(url.url)).status).toBe(200);
    const configuration = await client.ok('POST', `/v2/payment_method_configurations/${EXAMPLE_OBJECTS.paymentMethodConfiguration}`, {
      paypay: { display_preference: { preference: 'off' } },
    });
    expect(configuration.paypay.display_preference).toEqual({ preference: 'off', value: 'off' });
  });
});

describe('keys: the secret key of a server, the publishable key of the browser', () => {
  const card = cardBody('4242424242424242');
  it('takes a card number only from the browser, with a publishable key, and that key for nothing else', async () => {
    const browser = await client.call('POST', '/v2/payment_methods', { body: card, key: 'pk_test_sandboxTests' });
    expect([browser.status, browser.body.card]).toEqual([200, expect.objectContaining({ brand: 'Visa', last4: '4242' })]);
    const server = await client.post('/v2/payment_methods', card);
    expect([server.status, server.body.code]).toEqual([400, 'card_number_not_allowed']);
    for (const [method, path, body] of [
      ['GET', '/v2/customers', undefined],
      ['POST', '/v2/payment_methods', { type: 'paypay' }],
    ] as const) {
      const refused = await client.call(method, path, { ...(body ? { body } : {}), key: 'pk_test_sandboxTests' });
      expect([refused.status, refused.body.code], `${method} ${path}`).toEqual([401, 'unauthorized']);
      expect(refused.body.detail).toMatch(/publishable key/);
    }
    expect((await client.call('POST', '/v2/payment_methods', { body: card, key: 'pk_live_should_not_echo' })).body.detail).toMatch(/test mode/);
  });
});
