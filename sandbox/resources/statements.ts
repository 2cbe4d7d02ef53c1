// Statements: what each term's sales and fees came to, seeded at start (seed.ts); read only, with a
// download link each.
import type { ApiRequest, Route } from './route.ts';
import { downloadUrl, filters, find, list, within } from './common.ts';

function statements(request: ApiRequest) {
  const query = filters(request.query, {
    since: 'date-time',
    until: 'date-time',
    type: ['sales', 'service_fee', 'transfer_fee', 'forfeit', 'misc'],
    term_id: 'string',
  });
  const matching = request.state.statements
    .values()
    .filter(
      (statement) =>
        within(statement.created_at, query.since, query.until) &&
        (query.type === undefined || statement.type === query.type) &&
        (query.term_id === undefined || statement.term?.id === query.term_id),
    );
  return list(matching, request);
}

export const statementRoutes: Route[] = [
  { method: 'GET', path: '/v2/statements', operationId: 'getAllStatements', handle: statements },
  {
    method: 'GET',
    path: '/v2/statements/{statement_id}',
    operationId: 'getStatement',
    handle: (r) => find(r.state.statements, r.params['statement_id']!, 'statement'),
  },
  {
    method: 'POST',
    path: '/v2/statements/{statement_id}/statement_urls',
    operationId: 'createStatementUrl',
    handle: (r) => downloadUrl(r, 'statement_url', find(r.state.statements, r.params['statement_id']!, 'statement').id),
  },
];
