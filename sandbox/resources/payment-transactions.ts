// Payment transactions: the ledger of money movements, booked by state.ts as payments, refunds and
// chargebacks happen; read only.
import type { ApiRequest, Route } from './route.ts';
import { PAYMENT_METHOD_TYPES } from '../state/model.ts';
import { readPage } from './pagination.ts';
import { filters, find, list } from './common.ts';

function transactions(request: ApiRequest) {
  const query = filters(request.query, {
    term_id: 'string',
    type: ['payment', 'refund', 'chargeback', 'chargeback_cancel'],
    payment_method_type: PAYMENT_METHOD_TYPES,
  });
  // PAY.JP's SDK documents a 404 here since 1.0.8; a term_id of no term is what we read it as. Looked up once
  // the page parameters are read: a request's own problems (422) come before what the state says of it.
  readPage(request.query);
  if (query.term_id !== undefined) find(request.state.terms, query.term_id, 'term');
  return list(request.state.paymentTransactions, request, query);
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
