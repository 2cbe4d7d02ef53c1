// A user's module: a receiver's handler typed by the package's webhooks entry point, and the receiver check
// and the trigger in their own test. It must type-check under strict TypeScript with nothing but the package.
import { type CheckResult, type WebhookEvent, WebhookRejected, checkReceiver, trigger, verifyWebhook } from 'payjp-v2-contract/webhooks';

/** What the shop does with a delivery: the status to answer. */
export function handle(headers: Headers, body: string, fulfil: (paymentFlowId: string, amount: number) => void): number {
  try {
    const verified = verifyWebhook({ headers, body }, { token: process.env['PAYJP_WEBHOOK_TOKEN'] ?? '' });
    if (verified.known && verified.event.type === 'payment_flow.succeeded') fulfil(verified.event.data.id, verified.event.data.amount);
    return 200;
  } catch (error) {
    if (error instanceof WebhookRejected) return error.status satisfies 400 | 401;
    throw error;
  }
}

export function refundOf(event: WebhookEvent): string | undefined {
  // @ts-expect-error: a payment flow's event has no refund in `data` (if the types failed to resolve, this line would be unused)
  if (event.type === 'payment_flow.succeeded') return event.data.payment_refund_id;
  return event.type === 'refund.created' ? event.data.id : undefined;
}

export async function receiverFailures(url: string): Promise<CheckResult[]> {
  const report = await checkReceiver({ url, token: 'whook_test', timeoutMs: 2000 });
  return report.results.filter((result) => !result.ok);
}

export async function paidEvent(baseUrl: string): Promise<string> {
  return (await trigger('payment_flow.succeeded', { baseUrl })).eventId;
}
