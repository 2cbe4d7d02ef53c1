import { createPayjpClient, isProblemOf } from '../../package/client.ts';
const client = createPayjpClient({ baseUrl: 'http://127.0.0.1:1', secretKey: 'sk_test_x' });
export async function f(): Promise<string> {
  const { data, error } = await client.POST('/v2/payment_flows/{payment_flow_id}/confirm', { params: { path: { payment_flow_id: 'pfw_1' } }, body: { payment_method_id: 'pm_1' } });
  if (error) {
    if (error.code === 'card_declined') { const s: 402 = error.status; return error.type + s; }
    if (error.status === 422) { return error.errors.map((e) => e.field).join(); }
    return error.code;
  }
  const c = await client.GET('/v2/customers/{customer_id}', { params: { path: { customer_id: 'cus_1' } } });
  if (c.error) { if (c.error.code === 'not_found') return 'nf'; }
  try { throw 1; } catch (e) { if (isProblemOf('capturePaymentFlow', e)) { return e.code === 'card_declined' ? 'x' : 'y'; } }
  return data.status;
}
export async function g(): Promise<void> {
  const { error } = await client.POST('/v2/payment_flows/{payment_flow_id}/confirm', { params: { path: { payment_flow_id: 'pfw_1' } } });
  if (error?.code === 'already_refunded') console.log('never');
  const c = await client.POST('/v2/payment_flows/{payment_flow_id}/capture', { params: { path: { payment_flow_id: 'pfw_1' } } });
  if (c.error?.code === 'three_d_secure_failed') console.log('never');
}
