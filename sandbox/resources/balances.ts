// Balances: the account's payouts, seeded at start (seed.ts); read only, with a download link each.
import type { ApiRequest, Route } from './route.ts';
import { downloadUrl, filters, find, list, within } from './common.ts';

function balances(request: ApiRequest) {
  const query = filters(request.query, {
    since: 'date-time',
    until: 'date-time',
    state: ['collecting', 'transfer', 'claim'],
    closed: 'boolean',
    since_due_date: 'date-time',
    until_due_date: 'date-time',
  });
  const matching = request.state.balances
    .values()
    .filter(
      (balance) =>
        within(balance.created_at, query.since, query.until) &&
        (query.state === undefined || balance.state === query.state) &&
        (query.closed === undefined || balance.closed === query.closed) &&
        ((query.since_due_date === undefined && query.until_due_date === undefined) || within(balance.due_date, query.since_due_date, query.until_due_date)),
    );
  return list(matching, request);
}

export const balanceRoutes: Route[] = [
  { method: 'GET', path: '/v2/balances', operationId: 'getAllBalances', handle: balances },
  { method: 'GET', path: '/v2/balances/{balance_id}', operationId: 'getBalance', handle: (r) => find(r.state.balances, r.params['balance_id']!, 'balance') },
  {
    method: 'POST',
    path: '/v2/balances/{balance_id}/balance_urls',
    operationId: 'createBalanceUrl',
    handle: (r) => downloadUrl(r, 'balance_url', find(r.state.balances, r.params['balance_id']!, 'balance').id),
  },
];
