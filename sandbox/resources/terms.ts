// Terms: the half-months sales are counted in, seeded at start (seed.ts); new transactions go into the open one.
import type { ApiRequest, Route } from './route.ts';
import { filters, find, list, within } from './common.ts';

function terms(request: ApiRequest) {
  const query = filters(request.query, { since_start_at: 'date-time', until_start_at: 'date-time' });
  return list(
    request.state.terms.values().filter((term) => within(term.start_at, query.since_start_at, query.until_start_at)),
    request,
  );
}

export const termRoutes: Route[] = [
  { method: 'GET', path: '/v2/terms', operationId: 'getAllTerms', handle: terms },
  { method: 'GET', path: '/v2/terms/{term_id}', operationId: 'getTerm', handle: (r) => find(r.state.terms, r.params['term_id']!, 'term') },
];
