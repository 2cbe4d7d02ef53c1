// A user's test, in plain JavaScript: the sandbox's test clock drives a checkout session's expiry and a held
// payment's authorization to its end, with no waiting. Prints what it saw as JSON.
import { startSandbox } from 'payjp-v2-contract/sandbox';

const sandbox = await startSandbox();
const api = async (method, path, body) => {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: 'Bearer sk_test_consumerClock', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
};
try {
  const product = await api('POST', '/v2/products', { name: 'Coffee' });
  const price = await api('POST', '/v2/prices', { product_id: product.id, unit_amount: 1200, currency: 'jpy' });
  const session = await api('POST', '/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price.id, quantity: 1 }] });
  const customer = await api('POST', '/v2/customers', {});
  const method = await api('POST', '/v2/payment_methods', {
    type: 'card',
    card: { number: 'tok_visa', exp_month: 12, exp_year: new Date(Date.parse(sandbox.clock.now().now)).getUTCFullYear() + 5, cvc: '123' },
    billing_details: { email: 'customer@example.jp' },
    customer_id: customer.id,
  });
  const held = await api('POST', '/v2/payment_flows', {
    amount: 1200,
    currency: 'jpy',
    customer_id: customer.id,
    payment_method_id: method.id,
    capture_method: 'manual',
    confirm: true,
  });
  const day = await sandbox.clock.move({ advance: '25h' });
  const week = await sandbox.clock.move({ advance: '6d' });
  const refused = await sandbox.clock.move({ advance: '-1h' }).catch((error) => error.errors?.[0]?.field);
  const expired = await api('GET', `/v2/events?resource_id=${session.id}&type=checkout.session.expired`);
  console.log(
    JSON.stringify({
      session: (await api('GET', `/v2/checkout/sessions/${session.id}`)).status,
      expiredEventAt: expired.data[0]?.created_at === session.expires_at,
      heldStatus: held.status,
      lapsed: typeof (await api('GET', `/v2/payment_flows/${held.id}`)).expired_at === 'string',
      capture: (await api('POST', `/v2/payment_flows/${held.id}/capture`, {})).code,
      offsetHours: week.offset_ms / 3_600_000,
      firedSessions: day.fired.checkout_sessions_expired > 0,
      refused,
    }),
  );
} finally {
  await sandbox.close();
}
