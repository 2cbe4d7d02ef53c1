// The sandbox refuses an integer one past the bound the spec gives it (each bound's evidence is in the
// field's x-evidence), and takes the bound itself: it compares exact values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, cardBody, sandboxClient } from './test-support.ts';

let client: Client;
/** A payment flow is given a payment method with the customer who holds it. */
let owner: string;
beforeAll(async () => {
  client = await sandboxClient();
  owner = (await client.ok('POST', '/v2/customers', { description: 'bounds' })).id;
});
afterAll(() => client.close());

const card = async (): Promise<string> => (await client.ok('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: owner }))).id;
const price = async (): Promise<string> => {
  const product = await client.ok('POST', '/v2/products', { name: 'bounds' });
  return (await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 1, currency: 'jpy' })).id;
};
const paid = async (amount: number): Promise<string> =>
  (await client.ok('POST', '/v2/payment_flows', { amount, currency: 'jpy', customer_id: owner, payment_method_id: await card(), confirm: true })).id;
const held = async (amount: number): Promise<string> =>
  (
    await client.ok('POST', '/v2/payment_flows', {
      amount,
      currency: 'jpy',
      customer_id: owner,
      payment_method_id: await card(),
      confirm: true,
      capture_method: 'manual',
    })
  ).id;

const refused = (answer: { status: number; body: unknown }, field: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(422);
  expect(answer.body).toMatchObject({ code: 'validation_error', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
};

describe('integer bounds', () => {
  it('card.exp_year: 1000 to 9999', async () => {
    refused(await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: 10_000 } }), 'card.exp_year');
    refused(await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: 999 } }), 'card.exp_year');
    expect((await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: 9999 } })).status).toBe(200);
  });

  it('line_items[].quantity: 1 to 9,999,999', async () => {
    const price_id = await price();
    const session = (quantity: number) => client.post('/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id, quantity }] });
    refused(await session(10_000_000), 'line_items.0.quantity');
    expect((await session(9_999_999)).status).toBe(200);
  });

  it('amount_to_capture: 1 to 9,999,999', async () => {
    const id = await held(9_999_999);
    refused(await client.post(`/v2/payment_flows/${id}/capture`, { amount_to_capture: 10_000_000 }), 'amount_to_capture');
    expect((await client.post(`/v2/payment_flows/${id}/capture`, { amount_to_capture: 9_999_999 })).status).toBe(200);
  });

  it('a metadata number: within ±(2^53 − 1)', async () => {
    refused(await client.post('/v2/customers', { metadata: { big: 1e308 } }), 'metadata.big');
    expect((await client.post('/v2/customers', { metadata: { big: Number.MAX_SAFE_INTEGER } })).status).toBe(200);
  });

  it('a refund amount: 1 to 9,999,999', async () => {
    const id = await paid(9_999_999);
    refused(await client.post('/v2/payment_refunds', { payment_flow_id: id, amount: 10_000_000 }), 'amount');
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: id, amount: 9_999_999 })).status).toBe(200);
  });
});
