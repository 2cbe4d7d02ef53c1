// A scripted day of a shop, through the API and the customer's pages: the catalog, customers saving cards,
// payments that succeed, are declined then retried, need 3-D Secure, are captured later, a refund, a
// checkout session paid and one left to expire (the sandbox's test clock is moved past its expiry, no real
// waiting). Between them, every documented event type and others.
import { expect } from 'vitest';
import { type Client, cardBody } from '../../sandbox/test-support.ts';

export async function paymentDay(client: Client): Promise<void> {
  // A session that will expire unused, two hours after the sandbox's time (sandbox/README.md, "Test clocks").
  const product = await client.ok('POST', '/v2/products', { name: '珈琲豆 200g' });
  const price = await client.ok('POST', '/v2/prices', { product_id: product.id, unit_amount: 1_800, currency: 'jpy' });
  const clock = (await client.ok('GET', '/sandbox/clock')).now as string;
  const expiresAt = new Date(Math.floor(Date.parse(clock) / 1000) * 1000 + 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const abandoned = await client.ok('POST', '/v2/checkout/sessions', {
    mode: 'payment',
    line_items: [{ price_id: price.id, quantity: 1 }],
    expires_at: expiresAt,
  });

  const pay = (body: Record<string, unknown>) => client.post('/v2/payment_flows', { currency: 'jpy', confirm: true, ...body });
  const customers = [];
  for (const [name, token] of [
    ['yamada', 'tok_visa'],
    ['suzuki', 'tok_card_declined'],
    ['tanaka', 'tok_three_d_secure_required'],
  ] as const) {
    const customer = await client.ok('POST', '/v2/customers', { email: `${name}@example.jp` });
    const method = await client.ok('POST', '/v2/payment_methods', cardBody(token));
    await client.ok('POST', `/v2/payment_methods/${method.id}/attach`, { customer_id: customer.id });
    customers.push({ customer: customer.id, method: method.id });
  }
  const [yamada, suzuki, tanaka] = customers as [(typeof customers)[0], (typeof customers)[0], (typeof customers)[0]];

  const paid = await pay({ amount: 4_980, customer_id: yamada.customer, payment_method_id: yamada.method });
  expect(paid.body.status).toBe('succeeded');
  const declined = await client.ok('POST', '/v2/payment_flows', {
    amount: 3_600,
    currency: 'jpy',
    customer_id: suzuki.customer,
    payment_method_id: suzuki.method,
  });
  expect((await client.post(`/v2/payment_flows/${declined.id}/confirm`, {})).body.code).toBe('card_declined');
  const another = await client.ok('POST', '/v2/payment_methods', cardBody('tok_mastercard', { customer_id: suzuki.customer }));
  await client.ok('POST', `/v2/payment_flows/${declined.id}/confirm`, { payment_method_id: another.id });
  const secure = await pay({ amount: 12_000, customer_id: tanaka.customer, payment_method_id: tanaka.method });
  expect(secure.body.status).toBe('requires_action');
  await (await fetch(secure.body.next_action.redirect_to_url.url, { redirect: 'manual' })).body?.cancel();
  const held = await pay({ amount: 7_000, customer_id: yamada.customer, payment_method_id: yamada.method, capture_method: 'manual' });
  await client.ok('POST', `/v2/payment_flows/${held.body.id}/capture`, { amount_to_capture: 6_500 });
  await client.ok('POST', '/v2/payment_refunds', { payment_flow_id: paid.body.id, amount: 1_000, reason: 'requested_by_customer' });

  const session = await client.ok('POST', '/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price.id, quantity: 2 }] });
  await (await fetch(`${session.url}?token=tok_jcb`, { redirect: 'manual' })).body?.cancel();
  await client.ok('POST', `/v2/customers/${yamada.customer}`, { description: 'regular' });

  // Evening: the abandoned session expires as the clock passes it.
  expect((await client.ok('POST', '/sandbox/clock', { advance: '3h' })).fired.checkout_sessions_expired).toBe(1);
  expect((await client.ok('GET', `/v2/checkout/sessions/${abandoned.id}`)).status).toBe('expired');
}
