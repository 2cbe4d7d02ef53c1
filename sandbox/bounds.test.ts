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
  it("card.exp_year: 0 to 9999 (PAY.JP's SDK)", async () => {
    refused(await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: 10_000 } }), 'card.exp_year');
    refused(await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: -1 } }), 'card.exp_year');
    expect((await client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_year: 9999 } })).status).toBe(200);
  });

  it("card.number: 14 to 16 digits or a test token, card.cvc: 3 or 4 digits (PAY.JP's SDK; the token is ours)", async () => {
    const withCard = (card: Record<string, unknown>) => ({ ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, ...card } });
    refused(await client.post('/v2/payment_methods', withCard({ number: 'TOK_VISA' })), 'card.number');
    refused(await client.post('/v2/payment_methods', withCard({ number: 'tok visa' })), 'card.number');
    refused(await client.post('/v2/payment_methods', withCard({ cvc: '12' })), 'card.cvc');
    refused(await client.post('/v2/payment_methods', withCard({ cvc: '12a' })), 'card.cvc');
    expect((await client.post('/v2/payment_methods', withCard({ cvc: '1234' }))).status).toBe(200);
  });

  it("customer email and description: at most 255 characters, on create and update (PAY.JP's SDK)", async () => {
    refused(await client.post('/v2/customers', { description: 'x'.repeat(256) }), 'description');
    refused(await client.post('/v2/customers', { email: `${'x'.repeat(245)}@example.jp` }), 'email');
    const made = await client.post('/v2/customers', { description: 'x'.repeat(255), email: `${'x'.repeat(244)}@example.jp` });
    expect(made.status).toBe(200);
    refused(await client.post(`/v2/customers/${made.body.id}`, { description: 'x'.repeat(256) }), 'description');
    refused(await client.post(`/v2/customers/${made.body.id}`, { default_payment_method_id: null }), 'default_payment_method_id');
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

  it("a metadata value: any JSON value (free-form since PAY.JP's SDK 1.0.8), a string at most 500 characters", async () => {
    const made = await client.post('/v2/customers', { metadata: { big: 1e308, nested: { a: [1, 'b'] }, none: null } });
    expect(made.status).toBe(200);
    expect(made.body.metadata).toEqual({ big: 1e308, nested: { a: [1, 'b'] }, none: null });
    refused(await client.post('/v2/customers', { metadata: { long: 'x'.repeat(501) } }), 'metadata.long');
  });

  it('a refund amount: 1 to 9,999,999', async () => {
    const id = await paid(9_999_999);
    refused(await client.post('/v2/payment_refunds', { payment_flow_id: id, amount: 10_000_000 }), 'amount');
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: id, amount: 9_999_999 })).status).toBe(200);
  });
});
