// The account's read-only records: events, balances, statements, terms, disputes, transactions, and the
// payment method configurations (read and update only). Seeded at start (seed.ts); transactions and
// events grow as payments happen.
import type { ApiRequest, Route } from '../http/route.ts';
import { PAYMENT_METHOD_TYPES, type PaymentMethodConfiguration, type PaymentMethodConfigurationSetting } from '../model.ts';
import { timestamp } from '../store.ts';
import { boolean, literal, nullable, object, optional, parse, string } from '../validate.ts';
import { filters, find, list, within } from './common.ts';

const URL_LIFETIME_MS = 60 * 60 * 1000;
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
const displayPreference = nullable(object({ preference: literal('none', 'off', 'on') }));
const settingRequest = optional(nullable(object({ display_preference: optional(displayPreference) })));
const configurationUpdate = object({
  active: optional(nullable(boolean())),
  name: optional(nullable(string())),
  card: settingRequest,
  paypay: settingRequest,
});

function events(request: ApiRequest) {
  const query = filters(request.query, { resource_id: 'string', object: 'string', type: 'string' });
  const matching = request.state.events.values().filter(
    (event) =>
      (query.resource_id === undefined || event.data['id'] === query.resource_id) &&
      (query.object === undefined || event.data['object'] === query.object) &&
      (query.type === undefined || event.type === query.type),
  );
  return list(matching, request);
}

function balances(request: ApiRequest) {
  const query = filters(request.query, {
    since: 'date-time',
    until: 'date-time',
    state: ['collecting', 'transfer', 'claim'],
    closed: 'boolean',
    since_due_date: 'date-time',
    until_due_date: 'date-time',
  });
  const matching = request.state.balances.values().filter(
    (balance) =>
      within(balance.created_at, query.since, query.until) &&
      (query.state === undefined || balance.state === query.state) &&
      (query.closed === undefined || balance.closed === query.closed) &&
      ((query.since_due_date === undefined && query.until_due_date === undefined) ||
        within(balance.due_date, query.since_due_date, query.until_due_date)),
  );
  return list(matching, request);
}

function statements(request: ApiRequest) {
  const query = filters(request.query, {
    since: 'date-time',
    until: 'date-time',
    type: ['sales', 'service_fee', 'transfer_fee', 'forfeit', 'misc'],
    term_id: 'string',
  });
  const matching = request.state.statements.values().filter(
    (statement) =>
      within(statement.created_at, query.since, query.until) &&
      (query.type === undefined || statement.type === query.type) &&
      (query.term_id === undefined || statement.term?.id === query.term_id),
  );
  return list(matching, request);
}

function terms(request: ApiRequest) {
  const query = filters(request.query, { since_start_at: 'date-time', until_start_at: 'date-time' });
  return list(request.state.terms.values().filter((term) => within(term.start_at, query.since_start_at, query.until_start_at)), request);
}

/** `status` may be given several times (`status=lost&status=cancel`): disputes in any of them. */
function disputes(request: ApiRequest) {
  const query = filters(request.query, { payment_flow_id: 'string' });
  const statuses = [...request.query.getAll('status'), ...request.query.getAll('status[]')];
  for (const status of statuses) filters(new URLSearchParams({ status }), { status: DISPUTE_STATUSES });
  const matching = request.state.paymentDisputes.values().filter(
    (dispute) =>
      (query.payment_flow_id === undefined || dispute.payment_flow_id === query.payment_flow_id) &&
      (statuses.length === 0 || statuses.includes(dispute.status)),
  );
  return list(matching, request);
}

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

/** A download link valid for an hour, served by the sandbox itself. */
const downloadUrl = (request: ApiRequest, kind: 'balance_url' | 'statement_url', id: string) => ({
  object: kind,
  url: `${request.state.origin}/sandbox/downloads/${id}.pdf`,
  expires: timestamp(new Date(Date.now() + URL_LIFETIME_MS)),
});

const configurationOf = (request: ApiRequest): PaymentMethodConfiguration =>
  find(request.state.paymentMethodConfigurations, request.params['payment_method_configuration_id']!, 'payment method configuration');

/** `none` uses PAY.JP's default, which is on; `off` makes the type unusable for the account (payment-methods.ts). */
function applySetting(setting: PaymentMethodConfigurationSetting, preference: 'none' | 'off' | 'on' | undefined): void {
  if (preference === undefined) return;
  const value = preference === 'off' ? 'off' : 'on';
  Object.assign(setting, { available: value === 'on', display_preference: { preference, value } });
}

function updateConfiguration(request: ApiRequest): PaymentMethodConfiguration {
  const configuration = configurationOf(request);
  const body = parse(configurationUpdate, request.body);
  if (body.active !== undefined && body.active !== null) configuration.active = body.active;
  if (body.name !== undefined) configuration.name = body.name;
  applySetting(configuration.card, body.card?.display_preference?.preference);
  applySetting(configuration.paypay, body.paypay?.display_preference?.preference);
  return configuration;
}

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/v2/events', operationId: 'getAllEvents', handle: events },
  { method: 'GET', path: '/v2/events/{event_id}', operationId: 'getEvent', handle: (r) => find(r.state.events, r.params['event_id']!, 'event') },
  { method: 'GET', path: '/v2/balances', operationId: 'getAllBalances', handle: balances },
  { method: 'GET', path: '/v2/balances/{balance_id}', operationId: 'getBalance', handle: (r) => find(r.state.balances, r.params['balance_id']!, 'balance') },
  {
    method: 'POST',
    path: '/v2/balances/{balance_id}/balance_urls',
    operationId: 'createBalanceUrl',
    handle: (r) => downloadUrl(r, 'balance_url', find(r.state.balances, r.params['balance_id']!, 'balance').id),
  },
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
  { method: 'GET', path: '/v2/terms', operationId: 'getAllTerms', handle: terms },
  { method: 'GET', path: '/v2/terms/{term_id}', operationId: 'getTerm', handle: (r) => find(r.state.terms, r.params['term_id']!, 'term') },
  { method: 'GET', path: '/v2/payment_disputes', operationId: 'getAllPaymentDisputes', handle: disputes },
  {
    method: 'GET',
    path: '/v2/payment_disputes/{payment_dispute_id}',
    operationId: 'getPaymentDispute',
    handle: (r) => find(r.state.paymentDisputes, r.params['payment_dispute_id']!, 'payment dispute'),
  },
  { method: 'GET', path: '/v2/payment_transactions', operationId: 'getAllPaymentTransactions', handle: transactions },
  {
    method: 'GET',
    path: '/v2/payment_transactions/{payment_transaction_id}',
    operationId: 'getPaymentTransaction',
    handle: (r) => find(r.state.paymentTransactions, r.params['payment_transaction_id']!, 'payment transaction'),
  },
  {
    method: 'GET',
    path: '/v2/payment_method_configurations',
    operationId: 'getAllPaymentMethodConfigurations',
    handle: (r) => list(r.state.paymentMethodConfigurations.values(), r),
  },
  {
    method: 'GET',
    path: '/v2/payment_method_configurations/{payment_method_configuration_id}',
    operationId: 'getPaymentMethodConfiguration',
    handle: configurationOf,
  },
  {
    method: 'POST',
    path: '/v2/payment_method_configurations/{payment_method_configuration_id}',
    operationId: 'updatePaymentMethodConfiguration',
    body: 'required',
    handle: updateConfiguration,
  },
];
