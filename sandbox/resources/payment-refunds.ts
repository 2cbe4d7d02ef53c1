// Payment refunds: money given back on a succeeded payment flow, in full or in part (`already_refunded`,
// `refund_exceeds_payment`), each booked as a negative transaction; a card may refuse it (402 `payment_failed`).
import { ApiError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import type { PaymentRefund } from '../state/model.ts';
import { integer, literal, metadata, object, optional, parse, string } from './validate.ts';
import { assign, find, list, mergeMetadata } from './common.ts';
import { PAYMENT_AMOUNT, methodTypeOf, requireStatus } from './payment-flows.ts';

const refundBody = object({
  payment_flow_id: string(),
  amount: optional(integer({ min: 1, max: PAYMENT_AMOUNT.max })),
  reason: optional(literal('duplicate', 'fraudulent', 'requested_by_customer')),
  metadata: optional(metadata()),
});
const refundUpdateBody = object({ metadata: optional(metadata()) });

function refund({ state, body: raw }: ApiRequest): PaymentRefund {
  const body = parse(refundBody, raw);
  const flow = find(state.paymentFlows, body.payment_flow_id, 'payment flow');
  requireStatus(flow, ['succeeded']);
  const refundable = (flow.amount_received ?? 0) - (state.refundedAmount.get(flow.id) ?? 0);
  if (refundable <= 0) throw new ApiError('already_refunded', `The payment flow ${flow.id} has already been fully refunded.`);
  const amountToRefund = body.amount ?? refundable;
  if (amountToRefund > refundable)
    throw new ApiError('refund_exceeds_payment', `The refund amount ${amountToRefund} exceeds the refundable amount ${refundable}.`);
  // PAY.JP's SDK 1.1.0 documents a 402 here without a title; payment_failed, refused by the card's side, is
  // our reading, reached with a test card (tok_refund_failed).
  const refusal = state.cardOf.get(flow.payment_method_id ?? '')?.refundRefusal;
  if (refusal) throw new ApiError(refusal, `The refund of the payment flow ${flow.id} was refused by the card's side.`);
  state.refundedAmount.set(flow.id, (state.refundedAmount.get(flow.id) ?? 0) + amountToRefund);
  const now = state.ids.timestamp();
  const created = state.paymentRefunds.add({
    object: 'payment_refund',
    id: state.ids.next('pyr_'),
    livemode: false,
    payment_flow_id: flow.id,
    amount: amountToRefund,
    status: 'succeeded',
    reason: body.reason ?? null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
  });
  state.recordTransaction('refund', created.id, -amountToRefund, methodTypeOf(state, flow));
  state.emit('refund.created', created);
  return created;
}

const refundOf = (request: ApiRequest): PaymentRefund => find(request.state.paymentRefunds, request.params['payment_refund_id']!, 'payment refund');

export const paymentRefundRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/payment_refunds',
    operationId: 'getAllPaymentRefunds',
    handle: (request) => list(request.state.paymentRefunds, request),
  },
  { method: 'POST', path: '/v2/payment_refunds', operationId: 'createPaymentRefund', body: 'required', handle: refund },
  { method: 'GET', path: '/v2/payment_refunds/{payment_refund_id}', operationId: 'getPaymentRefund', handle: refundOf },
  {
    method: 'POST',
    path: '/v2/payment_refunds/{payment_refund_id}',
    operationId: 'updatePaymentRefund',
    body: 'required',
    handle: (request) => {
      const item = refundOf(request);
      const body = parse(refundUpdateBody, request.body);
      return assign(request.state, item, { metadata: mergeMetadata(item.metadata, body.metadata) });
    },
  },
];
