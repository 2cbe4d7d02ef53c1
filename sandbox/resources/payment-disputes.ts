// Payment disputes: chargebacks on the account's payments, seeded at start (seed.ts); read only.
import type { ApiRequest, Route } from './route.ts';
import { filters, find, list } from './common.ts';

const DISPUTE_STATUSES = [
  'pre_warning_needs_response',
  'warning_needs_response',
  'warning_needs_refund',
  'warning_under_review',
  'needs_response',
  'under_review',
  'lost',
  'cancel',
] as const;

/** `status` may be given several times (`status=lost&status=cancel`): disputes in any of them. */
function disputes(request: ApiRequest) {
  const query = filters(request.query, { payment_flow_id: 'string' });
  const statuses = [...request.query.getAll('status'), ...request.query.getAll('status[]')];
  for (const status of statuses) filters(new URLSearchParams({ status }), { status: DISPUTE_STATUSES });
  const matching = request.state.paymentDisputes
    .values()
    .filter(
      (dispute) =>
        (query.payment_flow_id === undefined || dispute.payment_flow_id === query.payment_flow_id) &&
        (statuses.length === 0 || statuses.includes(dispute.status)),
    );
  return list(matching, request);
}

export const paymentDisputeRoutes: Route[] = [
  { method: 'GET', path: '/v2/payment_disputes', operationId: 'getAllPaymentDisputes', handle: disputes },
  {
    method: 'GET',
    path: '/v2/payment_disputes/{payment_dispute_id}',
    operationId: 'getPaymentDispute',
    handle: (r) => find(r.state.paymentDisputes, r.params['payment_dispute_id']!, 'payment dispute'),
  },
];
