// verifyWebhook: the token first, then the payload against the spec's webhooks, type by type.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadWebhooks } from './spec.ts';
import { WebhookRejected, verifyWebhook } from './verify.ts';

const TOKEN = 'whook_test_verify';
const { byType, tokenHeader } = loadWebhooks();
const example = (type: string): Record<string, any> => structuredClone(Object.values(byType.get(type)!.examples)[0]!);
const request = (body: unknown, token: string | undefined = TOKEN) => ({
  headers: token === undefined ? {} : { [tokenHeader]: token },
  body: JSON.stringify(body),
});
const rejection = (run: () => unknown): WebhookRejected => {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookRejected) return error;
    throw error;
  }
  throw new Error('not rejected');
};

describe('verifyWebhook', () => {
  it('reads the seven documented types and the token header from the spec', () => {
    expect([...byType.keys()].sort()).toEqual([
      'checkout.session.completed',
      'checkout.session.expired',
      'payment_flow.payment_failed',
      'payment_flow.requires_action',
      'payment_flow.succeeded',
      'payment_method.attached',
      'refund.created',
    ]);
    expect(tokenHeader).toBe('x-payjp-webhook-token');
  });

  it.each([...byType.keys()])('accepts the spec’s example of %s and returns it typed', (type) => {
    const verified = verifyWebhook(request(example(type)), { token: TOKEN });
    expect(verified).toEqual({ known: true, event: example(type) });
  });

  it('narrows the event by its type', () => {
    const verified = verifyWebhook(request(example('payment_flow.succeeded')), { token: TOKEN });
    if (verified.known && verified.event.type === 'payment_flow.succeeded') {
      expectTypeOf(verified.event.data.amount).toEqualTypeOf<number>();
      expect(verified.event.data.amount).toBe(4980);
    } else throw new Error('not narrowed');
  });

  it('takes Fetch Headers, bytes, or a body already parsed', () => {
    const body = example('refund.created');
    expect(
      verifyWebhook({ headers: new Headers({ 'X-Payjp-Webhook-Token': TOKEN }), body: new TextEncoder().encode(JSON.stringify(body)) }, { token: TOKEN }).known,
    ).toBe(true);
    expect(verifyWebhook({ headers: { 'X-PAYJP-WEBHOOK-TOKEN': TOKEN }, body }, { token: TOKEN }).known).toBe(true);
  });

  it('refuses a missing, wrong or repeated token with 401 before reading the body', () => {
    for (const headers of [{}, { [tokenHeader]: 'whook_other' }, { [tokenHeader]: `${TOKEN}x` }, { [tokenHeader]: [TOKEN, TOKEN] }])
      expect(rejection(() => verifyWebhook({ headers, body: 'not json' }, { token: TOKEN })).status).toBe(401);
    expect(() => verifyWebhook(request({}), { token: '' })).toThrow(TypeError);
  });

  it('refuses a payload that is not its type’s schema with 400, saying where', () => {
    const wrongData = example('payment_flow.succeeded');
    delete wrongData['data']['amount'];
    const rejected = rejection(() => verifyWebhook(request(wrongData), { token: TOKEN }));
    expect(rejected.status).toBe(400);
    expect(rejected.problems).toContain("/data must have required property 'amount'");
    // A payment flow event carrying a refund is not a payment flow event.
    const swapped = { ...example('payment_flow.succeeded'), data: example('refund.created')['data'] };
    expect(rejection(() => verifyWebhook(request(swapped), { token: TOKEN })).status).toBe(400);
    expect(rejection(() => verifyWebhook({ headers: { [tokenHeader]: TOKEN }, body: '{"id": ' }, { token: TOKEN })).message).toMatch(/^The body is not JSON/);
    expect(rejection(() => verifyWebhook({ headers: { [tokenHeader]: TOKEN }, body: new Uint8Array([0xff, 0xfe]) }, { token: TOKEN })).status).toBe(400);
  });

  it('returns an event of a type the spec does not list as unknown, once it is an event', () => {
    const other = { ...example('payment_flow.succeeded'), type: 'customer.created', data: { object: 'customer', id: 'cus_1' } };
    expect(verifyWebhook(request(other), { token: TOKEN })).toEqual({ known: false, event: other });
    const notAnEvent = { type: 'customer.created' };
    expect(rejection(() => verifyWebhook(request(notAnEvent), { token: TOKEN })).problems).toContain("/ must have required property 'id'");
  });
});
