// Payment transactions: the ledger of money movements, booked by state.ts as payments, refunds and
// chargebacks happen; read only.
import type { ApiRequest, Route } from '../http/route.ts';
import { PAYMENT_METHOD_TYPES } from '../model.ts';
import { filters, find, list } from './common.ts';

function transactions(request: ApiRequest) {
  const query = filters(request.query, {
    term_id: 'string',
    type: ['payment', 'refund', 'chargeback', 'chargeback_cancel'],
    payment_method_type: PAYMENT_METHOD_TYPES,
  });
  const matching = request.state.paymentTransactions.values().filter(
    (transaction) =>
      (query.term_id === undefined || transaction.term_id === query.term_id) &&
      (query.type === undefined || transaction.type === query.type) &&
      (query.payment_method_type === undefined || transaction.payment_method_type === query.payment_method_type),
  );
  return list(matching, request);
}

export const paymentTransactionRoutes: Route[] = [
  { method: 'GET', path: '/v2/payment_transactions', operationId: 'getAllPaymentTransactions', handle: transactions },
  {
    method: 'GET',
    path: '/v2/payment_transactions/{payment_transaction_id}',
    operationId: 'getPaymentTransaction',
    handle: (r) => find(r.state.paymentTransactions, r.params['payment_transaction_id']!, 'payment transaction'),
  },
];
