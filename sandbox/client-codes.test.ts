// The errors the official client names and the published catalog lacks (metadata_limit_exceeded,
// payment_method_type_not_allowed, product_has_prices, invalid_default_price, payment_method_customer_mismatch),
// and customer_required_for_payment_method as published: a customer whenever a payment method is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, cardBody, sandboxClient } from './test-support.ts';

let client: Client;
beforeAll(async () => {
  client = await sandboxClient();
});
afterAll(() => client.close());

const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key_${i}`, i]));
const id = async (method: string, path: string, body?: unknown): Promise<string> => (await client.ok(method, path, body)).id;

describe('metadata_limit_exceeded', () => {
  /** Each update of the eight the client names it for: the path of an object that can be updated, and an extra body field. */
  const updates: [string, () => Promise<[string, Record<string, unknown>?]>][] = [
    ['updateCustomer', async () => [`/v2/customers/${await id('POST', '/v2/customers', {})}`]],
    ['updatePaymentMethod', async () => [`/v2/payment_methods/${await id('POST', '/v2/payment_methods', { type: 'paypay' })}`, { type: 'paypay' }]],
    [
      'updatePrice',
      async () => [
        `/v2/prices/${await id('POST', '/v2/prices', { product_id: await id('POST', '/v2/products', { name: 'p' }), unit_amount: 100, currency: 'jpy' })}`,
      ],
    ],
    ['updateTaxRate', async () => [`/v2/tax_rates/${await id('POST', '/v2/tax_rates', { display_name: '消費税', inclusive: false, percentage: 10 })}`]],
    ['updatePaymentFlow', async () => [`/v2/payment_flows/${await id('POST', '/v2/payment_flows', { amount: 1000, currency: 'jpy' })}`]],
    ['updateSetupFlow', async () => [`/v2/setup_flows/${await id('POST', '/v2/setup_flows', {})}`]],
    [
      'updatePaymentRefund',
      async () => {
        const customer = await id('POST', '/v2/customers', {});
        const pm = await id('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer }));
        const flow = await id('POST', '/v2/payment_flows', { amount: 1000, currency: 'jpy', customer_id: customer, payment_method_id: pm, confirm: true });
        return [`/v2/payment_refunds/${await id('POST', '/v2/payment_refunds', { payment_flow_id: flow })}`];
      },
    ],
    [
      'updateCheckoutSession',
      async () => {
        const price = await id('POST', '/v2/prices', { product_id: await id('POST', '/v2/products', { name: 'p' }), unit_amount: 100, currency: 'jpy' });
        return [
          `/v2/checkout/sessions/${await id('POST', '/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price, quantity: 1 }], success_url: 'https://shop.example.jp/done' })}`,
        ];
      },
    ],
  ];

  it.each(updates)('%s: 20 keys kept, a 21st answers 400 metadata_limit_exceeded, one removed for one added is fine', async (_, make) => {
    const [path, extra = {}] = await make();
    expect((await client.ok('POST', path, { ...extra, metadata: twenty })).metadata).toEqual(twenty);
    const over = await client.post(path, { ...extra, metadata: { key_20: 'one too many' } });
    expect([over.status, over.body.code]).toEqual([400, 'metadata_limit_exceeded']);
    expect(over.body.detail).toBe('The object would have 21 metadata keys; at most 20 are allowed.');
    const swapped = await client.ok('POST', path, { ...extra, metadata: { key_0: '', key_20: 'in its place' } });
    expect(Object.keys(swapped.metadata)).toHaveLength(20);
  });
});

describe('products and their prices', () => {
  it("answers 400 product_has_prices for a product with prices, 400 invalid_default_price for another product's or an inactive price", async () => {
    const product = await id('POST', '/v2/products', { name: 'コーヒー豆' });
    const other = await id('POST', '/v2/products', { name: '紅茶' });
    const price = await id('POST', '/v2/prices', { product_id: product, unit_amount: 1200, currency: 'jpy' });
    const othersPrice = await id('POST', '/v2/prices', { product_id: other, unit_amount: 900, currency: 'jpy' });
    const retired = await id('POST', '/v2/prices', { product_id: product, unit_amount: 1100, currency: 'jpy', active: false });
    expect((await client.call('DELETE', `/v2/products/${product}`)).body.code).toBe('product_has_prices');
    expect((await client.ok('GET', `/v2/products/${product}`)).id).toBe(product);
    for (const wrong of [othersPrice, retired]) {
      const answer = await client.post(`/v2/products/${product}`, { default_price_id: wrong });
      expect([answer.status, answer.body.code]).toEqual([400, 'invalid_default_price']);
    }
    expect((await client.ok('POST', `/v2/products/${product}`, { default_price_id: price })).default_price_id).toBe(price);
  });
});

describe('payment methods and their customers', () => {
  it('answers 400 payment_method_customer_mismatch for attaching a payment method of another customer', async () => {
    const [a, b] = [await id('POST', '/v2/customers', {}), await id('POST', '/v2/customers', {})];
    const pm = await id('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: a }));
    const answer = await client.post(`/v2/payment_methods/${pm}/attach`, { customer_id: b });
    expect([answer.status, answer.body.code]).toEqual([400, 'payment_method_customer_mismatch']);
  });

  it('wants the customer whenever a payment method is given to a payment flow, and a payment method that customer holds', async () => {
    const customer = await id('POST', '/v2/customers', {});
    const held = await id('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer }));
    const loose = await id('POST', '/v2/payment_methods', cardBody('tok_visa'));
    const open = await id('POST', '/v2/payment_flows', { amount: 1000, currency: 'jpy' });
    const codes = async (paymentMethod: string, customerId?: string) => [
      (
        await client.post('/v2/payment_flows', {
          amount: 1000,
          currency: 'jpy',
          payment_method_id: paymentMethod,
          ...(customerId ? { customer_id: customerId } : {}),
        })
      ).body.code,
      (await client.post(`/v2/payment_flows/${open}`, { payment_method_id: paymentMethod, ...(customerId ? { customer_id: customerId } : {}) })).body.code,
    ];
    // Unattached or not, a payment method without a customer.
    expect(await codes(loose)).toEqual(['customer_required_for_payment_method', 'customer_required_for_payment_method']);
    expect(await codes(held)).toEqual(['customer_required_for_payment_method', 'customer_required_for_payment_method']);
    expect((await client.post(`/v2/payment_flows/${open}/confirm`, { payment_method_id: held })).body.code).toBe('customer_required_for_payment_method');
    // With a customer who does not hold it.
    expect(await codes(loose, customer)).toEqual(['payment_method_not_owned_by_customer', 'payment_method_not_owned_by_customer']);
    // With its customer.
    const paid = await client.ok('POST', '/v2/payment_flows', { amount: 1000, currency: 'jpy', customer_id: customer, payment_method_id: held, confirm: true });
    expect(paid.status).toBe('succeeded');
  });

  it('answers 400 payment_method_type_not_allowed for a payment method whose type the flow does not allow, on create, update and confirm', async () => {
    const customer = await id('POST', '/v2/customers', {});
    const pm = await id('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer }));
    const paypayOnly = { customer_id: customer, payment_method_types: ['paypay'] };
    const open = await id('POST', '/v2/payment_flows', { amount: 1000, currency: 'jpy', ...paypayOnly });
    const answers = [
      await client.post('/v2/payment_flows', { amount: 1000, currency: 'jpy', payment_method_id: pm, ...paypayOnly }),
      await client.post(`/v2/payment_flows/${open}`, { payment_method_id: pm }),
      await client.post(`/v2/payment_flows/${open}/confirm`, { payment_method_id: pm }),
    ];
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(Array(3).fill([400, 'payment_method_type_not_allowed']));
  });
});
