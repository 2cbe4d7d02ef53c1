// A user's module that must NOT type-check: confirmPaymentFlow never answers already_refunded (a refund's
// code), so handling it is dead code the compiler points out.
import { createPayjpClient } from 'payjp-v2-contract';

const payjp = createPayjpClient({ baseUrl: 'http://127.0.0.1:4020', secretKey: 'sk_test_consumer' });

export async function confirm(paymentFlowId: string): Promise<string> {
  const { error } = await payjp.POST('/v2/payment_flows/{payment_flow_id}/confirm', { params: { path: { payment_flow_id: paymentFlowId } } });
  if (error?.code === 'already_refunded') return 'refunded already';
  return 'ok';
}
