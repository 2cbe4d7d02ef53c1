// A user's module: the typed client against the sandbox, an error narrowed by its code, a caught problem
// narrowed by the guard. It must type-check under strict TypeScript with nothing but the package installed.
import { createPayjpClient, isProblemOf, type ProblemOf } from 'payjp-v2-contract';
import type { components } from 'payjp-v2-contract/types';

const payjp = createPayjpClient({ baseUrl: process.env['PAYJP_BASE_URL'] ?? 'http://127.0.0.1:4020', secretKey: 'sk_test_consumer' });

/** What the shop shows for a failed confirmation: every code the operation answers may reach here. */
function explain(problem: ProblemOf<'confirmPaymentFlow'>): string {
  switch (problem.code) {
    case 'card_declined':
      return `declined (${problem.status satisfies 402})`;
    case 'three_d_secure_failed':
      return '3-D Secure failed';
    case 'validation_error':
      return problem.errors.map((error) => error.field).join(', ');
    default:
      return problem.title;
  }
}

export async function pay(paymentFlowId: string, paymentMethodId: string): Promise<components['schemas']['PaymentFlow'] | string> {
  const { data, error } = await payjp.POST('/v2/payment_flows/{payment_flow_id}/confirm', {
    params: { path: { payment_flow_id: paymentFlowId }, header: { 'Idempotency-Key': `confirm-${paymentFlowId}` } },
    body: { payment_method_id: paymentMethodId },
  });
  if (error) return explain(error);
  return data;
}

export async function misuse(): Promise<void> {
  // @ts-expect-error: an email is a string (if the package's types failed to resolve, this line would be unused)
  await payjp.POST('/v2/customers', { body: { email: 42 } });
}

export async function capture(paymentFlowId: string): Promise<string> {
  try {
    const { error } = await payjp.POST('/v2/payment_flows/{payment_flow_id}/capture', { params: { path: { payment_flow_id: paymentFlowId } } });
    if (error) throw error;
    return 'captured';
  } catch (caught) {
    if (isProblemOf('capturePaymentFlow', caught) && caught.code === 'processing_error') return 'retry with a new key';
    throw caught;
  }
}
