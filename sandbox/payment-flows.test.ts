// The payment flow state machine, driven by the test cards, and refunds.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { type Client, cardBody, sandboxClient } from './test-support.ts';

let client: Client;
/** The customer every card of this file belongs to: a payment flow is given a payment method with its customer. */
let owner: string;
beforeAll(async () => {
  client = await sandboxClient();
  owner = (await client.ok('POST', '/v2/customers', { description: 'payment flow tests' })).id;
});
afterAll(() => client.close());

const card = async (token: string): Promise<string> => (await client.ok('POST', '/v2/payment_methods', cardBody(token, { customer_id: owner }))).id;
/** A payment flow's body: 5,000 yen for the owner, unless `body` says otherwise. */
const flowBody = (body: Record<string, unknown>) => ({ amount: 5000, currency: 'jpy', customer_id: owner, ...body });
const flow = (body: Record<string, unknown>) => client.post('/v2/payment_flows', flowBody(body));
/** A flow confirmed at its creation with a new card of `token`. */
const confirmedWith = async (token: string, body: Record<string, unknown> = {}) =>
  client.ok('POST', '/v2/payment_flows', flowBody({ payment_method_id: await card(token), confirm: true, ...body }));
const events = async (id: string): Promise<string[]> =>
  (await client.ok('GET', `/v2/events?resource_id=${id}&limit=100`)).data.map((event: { type: string }) => event.type);

describe('confirming with test cards', () => {
  it('tok_visa: requires_payment_method → requires_confirmation → succeeded, with a transaction and events', async () => {
    const created = await client.ok('POST', '/v2/payment_flows', { amount: 5000, currency: 'jpy', customer_id: owner });
    expect(created).toMatchObject({ status: 'requires_payment_method', payment_method_id: null, livemode: false });
    expect(created.id).toMatch(/^pfw_/);
    const pm = await card('tok_visa');
    const updated = await client.ok('POST', `/v2/payment_flows/${created.id}`, { payment_method_id: pm });
    expect(updated.status).toBe('requires_confirmation');
    const confirmed = await client.ok('POST', `/v2/payment_flows/${created.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 5000, amount_capturable: 0 });
    const transactions = await client.ok('GET', '/v2/payment_transactions?type=payment&limit=100');
    expect(transactions.data).toContainEqual(expect.objectContaining({ resource_id: created.id, amount: 5000, type: 'payment' }));
    expect(await events(created.id)).toEqual(['payment_flow.succeeded', 'payment_flow.created']);
  });

  it.each([
    ['tok_card_declined', 'card_declined'],
    ['tok_processing_error', 'processing_error'],
    ['tok_payment_failed', 'payment_failed'],
    ['tok_three_d_secure_failed', 'three_d_secure_failed'],
  ])('%s: 402 %s, and the flow waits for another payment method', async (token, code) => {
    const failed = await flow({ payment_method_id: await card(token), confirm: true });
    expect(failed.status).toBe(402);
    expect(failed.body.code).toBe(code);
    const list = await client.ok('GET', '/v2/payment_flows?limit=1');
    const after = list.data[0];
    expect(after).toMatchObject({ status: 'requires_payment_method', payment_method_id: null, last_payment_error: { code } });
    expect(await events(after.id)).toContain('payment_flow.payment_failed');
    // Another card then succeeds.
    const retried = await client.ok('POST', `/v2/payment_flows/${after.id}/confirm`, { payment_method_id: await card('tok_visa') });
    expect(retried.status).toBe('succeeded');
  });

  it('tok_three_d_secure_required: requires_action, then the 3-D Secure page completes it', async () => {
    const pending = await confirmedWith('tok_three_d_secure_required', { amount: 8000, return_url: 'https://shop.example.jp/return' });
    expect(pending.status).toBe('requires_action');
    const redirect = pending.next_action.redirect_to_url;
    expect(redirect.return_url).toBe('https://shop.example.jp/return');
    const page = await fetch(redirect.url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('https://shop.example.jp/return');
    expect((await client.ok('GET', `/v2/payment_flows/${pending.id}`)).status).toBe('succeeded');
  });

  it('return_url only with confirm: true (the published client), else 422 naming it', async () => {
    for (const confirm of [undefined, false]) {
      const answer = await flow({
        payment_method_id: await card('tok_visa'),
        return_url: 'https://shop.example.jp/return',
        ...(confirm === undefined ? {} : { confirm }),
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'validation_error', errors: [{ field: 'return_url' }] });
    }
  });

  it('a failed 3-D Secure on the page leaves the flow waiting for a payment method', async () => {
    const pending = await confirmedWith('tok_visa', { amount: 8000, payment_method_options: { card: { request_three_d_secure: 'any' } } });
    expect(pending.status).toBe('requires_action');
    await fetch(`${pending.next_action.redirect_to_url.url}?result=failure`);
    const after = await client.ok('GET', `/v2/payment_flows/${pending.id}`);
    expect(after).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'three_d_secure_failed' } });
  });

  it('confirming without a payment method answers 400 missing_payment_method', async () => {
    const created = await client.ok('POST', '/v2/payment_flows', { amount: 5000, currency: 'jpy' });
    expect((await client.post(`/v2/payment_flows/${created.id}/confirm`)).body.code).toBe('missing_payment_method');
  });
});

describe('manual capture and cancel', () => {
  it('captures part of an authorized amount', async () => {
    const held = await confirmedWith('tok_jcb', { amount: 10000, capture_method: 'manual' });
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: 10000 });
    expect((await client.post(`/v2/payment_flows/${held.id}/capture`, { amount_to_capture: 10001 })).status).toBe(422);
    const captured = await client.ok('POST', `/v2/payment_flows/${held.id}/capture`, { amount_to_capture: 7000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 7000, amount_capturable: 0 });
  });

  it('answers invalid_status naming the required and the current status', async () => {
    const paid = await confirmedWith('tok_visa');
    const capture = await client.post(`/v2/payment_flows/${paid.id}/capture`);
    expect(capture.body).toMatchObject({
      code: 'invalid_status',
      detail: 'This operation can only be executed when the payment_flow status is requires_capture. The current status is succeeded.',
    });
    expect((await client.post(`/v2/payment_flows/${paid.id}/cancel`)).body.code).toBe('invalid_status');
    expect((await client.post(`/v2/payment_flows/${paid.id}/confirm`)).body.code).toBe('invalid_status');
    expect((await client.post(`/v2/payment_flows/${paid.id}`, { description: 'late' })).body.code).toBe('invalid_status');
  });

  it('cancels an authorized payment with its reason', async () => {
    const held = await confirmedWith('tok_visa', { amount: 3000, capture_method: 'manual' });
    const canceled = await client.ok('POST', `/v2/payment_flows/${held.id}/cancel`, { cancellation_reason: 'requested_by_customer' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer', amount_capturable: 0 });
    expect(canceled.canceled_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});

describe('refunds', () => {
  it('refunds in parts, then refuses more than is left and anything after the full amount', async () => {
    const paid = await confirmedWith('tok_visa');
    const first = await client.ok('POST', '/v2/payment_refunds', { payment_flow_id: paid.id, amount: 2000, reason: 'requested_by_customer' });
    expect(first).toMatchObject({ object: 'payment_refund', amount: 2000, status: 'succeeded', payment_flow_id: paid.id });
    expect(first.id).toMatch(/^pyr_/);
    const tooMuch = await client.post('/v2/payment_refunds', { payment_flow_id: paid.id, amount: 3001 });
    expect(tooMuch.body).toMatchObject({ code: 'refund_exceeds_payment', detail: 'The refund amount 3001 exceeds the refundable amount 3000.' });
    const rest = await client.ok('POST', '/v2/payment_refunds', { payment_flow_id: paid.id });
    expect(rest.amount).toBe(3000);
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: paid.id, amount: 1 })).body.code).toBe('already_refunded');
    const refunds = await client.ok('GET', `/v2/payment_flows/${paid.id}/refunds`);
    expect(refunds.data.map((refund: { id: string }) => refund.id)).toEqual([rest.id, first.id]);
    const ledger = await client.ok('GET', '/v2/payment_transactions?type=refund&limit=100');
    expect(ledger.data.filter((t: { resource_id: string }) => [first.id, rest.id].includes(t.resource_id)).map((t: { amount: number }) => t.amount)).toEqual([
      -3000, -2000,
    ]);
    expect(await events(first.id)).toEqual(['refund.created']);
  });

  it('refuses a refund of a payment that did not succeed, and of an unknown payment flow', async () => {
    const open = await client.ok('POST', '/v2/payment_flows', { amount: 5000, currency: 'jpy' });
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: open.id })).body.code).toBe('invalid_status');
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: 'pfw_missing' })).body.code).toBe('not_found');
  });
});

describe('capture refused by the provider', () => {
  it('manual capture: 402 with the authorization kept; automatic: the confirmation fails', async () => {
    for (const [token, code] of [
      ['tok_capture_declined', 'card_declined'],
      ['tok_capture_processing_error', 'processing_error'],
    ] as const) {
      const held = await confirmedWith(token, { capture_method: 'manual' });
      expect(held.status).toBe('requires_capture');
      const refused = await client.post(`/v2/payment_flows/${held.id}/capture`, {});
      expect([refused.status, refused.body.code]).toEqual([402, code]);
      expect(await client.ok('GET', `/v2/payment_flows/${held.id}`)).toMatchObject({
        status: 'requires_capture',
        amount_capturable: 5000,
        last_payment_error: { code },
      });
      const automatic = await flow({ payment_method_id: await card(token), confirm: true });
      expect([automatic.status, automatic.body.code]).toEqual([402, code]);
    }
  });
});

describe('payment method types the account turned off', () => {
  const setPayPay = (preference: string) =>
    client.ok('POST', `/v2/payment_method_configurations/${EXAMPLE_OBJECTS.paymentMethodConfiguration}`, { paypay: { display_preference: { preference } } });

  it('answer 400 unsupported_payment_method_type wherever the type is named or used, until turned on again', async () => {
    const paypay = (await client.ok('POST', '/v2/payment_methods', { type: 'paypay' })).id;
    const customer = (await client.ok('POST', '/v2/customers', {})).id;
    const pending = (await client.ok('POST', '/v2/payment_flows', { amount: 5000, currency: 'jpy' })).id;
    expect((await setPayPay('off')).paypay).toMatchObject({ available: false, display_preference: { preference: 'off', value: 'off' } });
    try {
      const answers = [
        await client.post('/v2/payment_methods', { type: 'paypay' }),
        await flow({ payment_method_types: ['paypay'] }),
        await flow({ payment_method_id: paypay }),
        await client.post(`/v2/payment_flows/${pending}`, { payment_method_types: ['paypay'] }),
        await client.post(`/v2/payment_flows/${pending}/confirm`, { payment_method_id: paypay }),
        await client.post(`/v2/payment_methods/${paypay}/attach`, { customer_id: customer }),
      ];
      expect(answers.map((answer) => answer.body.code)).toEqual(Array(answers.length).fill('unsupported_payment_method_type'));
      expect((await client.ok('POST', '/v2/payment_flows', { amount: 5000, currency: 'jpy' })).payment_method_types).toEqual(['card', 'apple_pay']);
    } finally {
      await setPayPay('none');
    }
    expect((await client.post('/v2/payment_methods', { type: 'paypay' })).status).toBe(200);
  });
});

describe("authorizations that lapse (PAY.JP's SDK 1.0.10: expired_at, payment_flow_expired)", () => {
  afterEach(() => vi.restoreAllMocks());

  it('tok_authorization_expired: held for capture, then expired_at is set and capture answers 400 payment_flow_expired', async () => {
    const held = await confirmedWith('tok_authorization_expired', { capture_method: 'manual' });
    expect(held).toMatchObject({ status: 'requires_capture', expired_at: null });
    const read = await client.ok('GET', `/v2/payment_flows/${held.id}`);
    expect(read.status).toBe('requires_capture');
    expect(Date.parse(read.expired_at)).not.toBeNaN();
    const listed = await client.ok('GET', `/v2/payment_flows?customer_id=${owner}&limit=1`);
    expect(listed.data[0]).toMatchObject({ id: held.id, expired_at: read.expired_at });
    const captured = await client.post(`/v2/payment_flows/${held.id}/capture`, {});
    expect(captured.status).toBe(400);
    expect(captured.body).toMatchObject({ code: 'payment_flow_expired', status: 400 });
    // It can still be canceled.
    expect((await client.ok('POST', `/v2/payment_flows/${held.id}/cancel`, {})).status).toBe('canceled');
  });

  it("a card's authorization lasts 7 days from the confirmation, 30 when extended: the clock read in state/ids.ts decides, not the date", async () => {
    const plain = await confirmedWith('tok_visa', { capture_method: 'manual' });
    const extended = await confirmedWith('tok_visa', {
      capture_method: 'manual',
      payment_method_options: { card: { request_extended_authorization: 'if_available' } },
    });
    const confirmedAt = Date.now();
    const at = (days: number) => vi.spyOn(Date, 'now').mockReturnValue(confirmedAt + days * 24 * 60 * 60 * 1000 + 60_000);
    at(6);
    expect((await client.ok('GET', `/v2/payment_flows/${plain.id}`)).expired_at).toBeNull();
    at(7);
    expect((await client.ok('GET', `/v2/payment_flows/${plain.id}`)).expired_at).not.toBeNull();
    expect((await client.ok('GET', `/v2/payment_flows/${extended.id}`)).expired_at).toBeNull();
    at(30);
    expect((await client.ok('GET', `/v2/payment_flows/${extended.id}`)).expired_at).not.toBeNull();
    vi.restoreAllMocks();
    expect((await client.post(`/v2/payment_flows/${extended.id}/capture`, {})).body.code).toBe('payment_flow_expired');
  });

  it('a flow captured in time never expires', async () => {
    const held = await confirmedWith('tok_visa', { capture_method: 'manual' });
    expect((await client.ok('POST', `/v2/payment_flows/${held.id}/capture`, {})).status).toBe('succeeded');
    expect((await client.ok('GET', `/v2/payment_flows/${held.id}`)).expired_at).toBeNull();
  });
});

describe("request_extended_authorization: must_extend (PAY.JP's SDK 1.0.10)", () => {
  const mustExtend = { payment_method_options: { card: { request_extended_authorization: 'must_extend' } } };

  it('answers 400 extended_authorization_not_available for a card that cannot extend, at creation and at confirmation, leaving the flow as it was', async () => {
    const created = await flow({ payment_method_id: await card('tok_no_extended_authorization'), confirm: true, capture_method: 'manual', ...mustExtend });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe('extended_authorization_not_available');
    const waiting = await client.ok('POST', '/v2/payment_flows', flowBody({ payment_method_id: await card('tok_no_extended_authorization') }));
    const confirmed = await client.post(`/v2/payment_flows/${waiting.id}/confirm`, { capture_method: 'manual', ...mustExtend });
    expect(confirmed.body.code).toBe('extended_authorization_not_available');
    expect((await client.ok('GET', `/v2/payment_flows/${waiting.id}`)).status).toBe('requires_confirmation');
  });

  it('takes it where the card can extend, and with if_available even where it cannot', async () => {
    expect((await confirmedWith('tok_visa', { capture_method: 'manual', ...mustExtend })).status).toBe('requires_capture');
    const ifAvailable = { payment_method_options: { card: { request_extended_authorization: 'if_available' } } };
    expect((await confirmedWith('tok_no_extended_authorization', { capture_method: 'manual', ...ifAvailable })).status).toBe('requires_capture');
  });
});

describe("payment_failed (PAY.JP's SDK: 402 on confirm, capture and refund)", () => {
  it('tok_capture_payment_failed: the capture answers 402 payment_failed and the authorization stands', async () => {
    const held = await confirmedWith('tok_capture_payment_failed', { capture_method: 'manual' });
    const captured = await client.post(`/v2/payment_flows/${held.id}/capture`, {});
    expect(captured.status).toBe(402);
    expect(captured.body.code).toBe('payment_failed');
    expect((await client.ok('GET', `/v2/payment_flows/${held.id}`)).status).toBe('requires_capture');
  });

  it('tok_refund_failed: the payment succeeds, its refund answers 402 payment_failed and nothing is refunded', async () => {
    const paid = await confirmedWith('tok_refund_failed');
    expect(paid.status).toBe('succeeded');
    const refund = await client.post('/v2/payment_refunds', { payment_flow_id: paid.id });
    expect(refund.status).toBe(402);
    expect(refund.body.code).toBe('payment_failed');
    expect((await client.ok('GET', `/v2/payment_flows/${paid.id}/refunds`)).data).toEqual([]);
  });

  it("refuses a refund of 0 yen and a capture under 50 yen (PAY.JP's SDK bounds)", async () => {
    const paid = await confirmedWith('tok_visa');
    expect((await client.post('/v2/payment_refunds', { payment_flow_id: paid.id, amount: 0 })).status).toBe(422);
    const held = await confirmedWith('tok_visa', { capture_method: 'manual' });
    const small = await client.post(`/v2/payment_flows/${held.id}/capture`, { amount_to_capture: 49 });
    expect(small.status).toBe(422);
    expect((await client.ok('POST', `/v2/payment_flows/${held.id}/capture`, { amount_to_capture: 50 })).amount_received).toBe(50);
  });

  it("confirm takes capture_method null, keeping the flow's own", async () => {
    const waiting = await client.ok('POST', '/v2/payment_flows', flowBody({ payment_method_id: await card('tok_visa'), capture_method: 'manual' }));
    expect((await client.ok('POST', `/v2/payment_flows/${waiting.id}/confirm`, { capture_method: null })).status).toBe('requires_capture');
  });
});
