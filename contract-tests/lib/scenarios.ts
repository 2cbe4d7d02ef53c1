// Scenarios: requests that only make sense in order, chaining the IDs each answer gives. Against a stateful
// target they run for real (and check the life cycle: statuses, lists holding what was made); against the
// stateless mock the same chain runs on the spec's examples, and the answers that need state are requested
// as documented examples and reported shape-only.
import type { Run, Step } from './step.ts';
import { testCardBody, type TestTokens } from './test-tokens.ts';
import { newIdempotencyKey } from './client.ts';

/** One request of a scenario; `save` keeps values of the answer for the next steps. */
export interface ScenarioStep {
  operationId: string;
  name: string;
  /** An error code the step aims at; none for the success. */
  code?: string;
  request(state: State, run: Run): Promise<Parts> | Parts;
  save?(body: Record<string, unknown>, state: State): void;
  /** Life-cycle checks, made on a stateful target only (the mock answers fixed examples). */
  check?(body: Record<string, unknown>, state: State): string[];
  /** What the check rests on, when that is an inference (graded like a case's expectation). */
  expects?: Step['expects'];
}
type Parts = Awaited<ReturnType<Step['request']>>;
export type State = Record<string, string>;

export interface Scenario {
  name: string;
  /** Operations whose success needs this scenario's state on a stateful target. */
  covers: string[];
  steps: ScenarioStep[];
  /** Path parameters whose IDs stay usable after the scenario, offered to the other cases. */
  provides?: Record<string, string>;
}

const id = (body: Record<string, unknown>): string => String(body['id']);
const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const expectField = (body: Record<string, unknown>, field: string, value: unknown): string[] =>
  body[field] === value ? [] : [`expected ${field} ${JSON.stringify(value)}, got ${JSON.stringify(body[field])}`];
/**
 * The events of one resource and type: exactly one. The documented webhook types and when they happen are the
 * contract's reading of PAY.JP's naming (Event.type's description), so a breach is graded as an inference.
 */
const oneEvent = (resource: string, type: string, name: string): ScenarioStep => ({
  operationId: 'getAllEvents',
  name,
  request: (s) => ({ query: { resource_id: s[resource]!, type, limit: 100 } }),
  check: (b) => {
    const n = (b['data'] as unknown[] | undefined)?.length ?? 0;
    return n === 1 ? [] : [`expected one ${type} event of the ${resource}, got ${n}`];
  },
  expects: {
    rule: 'each documented change creates one event of its type (Event.type)',
    evidence: { source: 'inferred', reason: "Event.type's table: the contract's reading of PAY.JP's event naming, not a published list" },
  },
});
const listHas = (body: Record<string, unknown>, wanted: string | undefined): string[] =>
  (body['data'] as { id?: unknown }[] | undefined)?.some((item) => item.id === wanted) ? [] : [`the list does not hold ${wanted}`];

/**
 * A payment method for the stateful target (a test token, test-tokens.ts), attached to the customer saved as
 * `owner` if one is named, or the spec's example for the mock.
 */
const paymentMethod =
  (token: keyof TestTokens, owner?: string) =>
  (s: State, run: Run): Parts => ({
    body: run.target.stateful
      ? testCardBody(run.tokens[token], owner ? s[owner] : undefined)
      : run.contract.operations.find((op) => op.operationId === 'createPaymentMethod')?.requestBody?.example,
  });

export const SCENARIOS: Scenario[] = [
  {
    name: 'customer: create, get, update, list, delete, then gone',
    covers: ['deleteCustomer'],
    steps: [
      {
        operationId: 'createCustomer',
        name: 'create',
        request: () => ({ body: { email: 'contract.customer@example.jp', description: 'contract test', metadata: { run: 'contract' } } }),
        save: (b, s) => (s['customer'] = id(b)),
      },
      {
        operationId: 'getCustomer',
        name: 'get',
        request: (s) => ({ params: { customer_id: s['customer']! } }),
        check: (b, s) => expectField(b, 'id', s['customer']),
      },
      {
        operationId: 'updateCustomer',
        name: 'update',
        request: (s) => ({ params: { customer_id: s['customer']! }, body: { description: 'contract test, updated' } }),
        check: (b) => expectField(b, 'description', 'contract test, updated'),
      },
      { operationId: 'getAllCustomers', name: 'list holds it', request: () => ({ query: { limit: 100 } }), check: (b, s) => listHas(b, s['customer']) },
      { operationId: 'deleteCustomer', name: 'delete', request: (s) => ({ params: { customer_id: s['customer']! } }) },
      { operationId: 'getCustomer', name: 'deleted is 404', code: 'not_found', request: (s) => ({ params: { customer_id: s['customer']! } }) },
      {
        operationId: 'getAllCustomers',
        name: 'deleted as cursor is resource_missing',
        code: 'resource_missing',
        request: (s) => ({ query: { starting_after: s['customer']! } }),
      },
    ],
  },
  {
    name: 'idempotency: same key and body replays, same key and other body conflicts',
    covers: [],
    steps: [
      {
        operationId: 'createCustomer',
        name: 'create under a key',
        request: (s) => ({ headers: { 'idempotency-key': (s['key'] = newIdempotencyKey()) }, body: { description: 'idempotent' } }),
        save: (b, s) => (s['customer'] = id(b)),
      },
      {
        operationId: 'createCustomer',
        name: 'same key, same body: replayed',
        request: (s) => ({ headers: { 'idempotency-key': s['key']! }, body: { description: 'idempotent' } }),
        check: (b, s) => expectField(b, 'id', s['customer']),
      },
      {
        operationId: 'createCustomer',
        name: 'same key, other body',
        code: 'idempotency_conflict',
        request: (s) => ({ headers: { 'idempotency-key': s['key']! }, body: { description: 'another request' } }),
      },
    ],
  },
  {
    name: 'payment flow: create, confirm, capture, refund, refund again',
    covers: ['confirmPaymentFlow', 'capturePaymentFlow', 'createPaymentRefund', 'getPaymentRefund', 'updatePaymentRefund', 'getPaymentFlowRefunds'],
    provides: { customer_id: 'customer', payment_method_id: 'card', payment_refund_id: 'refund' },
    steps: [
      { operationId: 'createCustomer', name: 'customer', request: () => ({ body: { description: 'payment flow' } }), save: (b, s) => (s['customer'] = id(b)) },
      { operationId: 'createPaymentMethod', name: "the customer's card", request: paymentMethod('success', 'customer'), save: (b, s) => (s['card'] = id(b)) },
      {
        operationId: 'createPaymentFlow',
        name: 'create (manual capture)',
        request: (s) => ({ body: { amount: 5000, currency: 'jpy', customer_id: s['customer']!, payment_method_id: s['card']!, capture_method: 'manual' } }),
        save: (b, s) => (s['flow'] = id(b)),
        check: (b) => expectField(b, 'status', 'requires_confirmation'),
      },
      {
        operationId: 'confirmPaymentFlow',
        name: 'confirm',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: {} }),
        check: (b) => expectField(b, 'status', 'requires_capture'),
      },
      {
        operationId: 'capturePaymentFlow',
        name: 'capture',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: {} }),
        check: (b) => expectField(b, 'status', 'succeeded'),
      },
      oneEvent('flow', 'payment_flow.succeeded', 'one payment_flow.succeeded event'),
      {
        operationId: 'capturePaymentFlow',
        name: 'capture again',
        code: 'invalid_status',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: {} }),
      },
      {
        operationId: 'createPaymentRefund',
        name: 'refund more than paid',
        code: 'refund_exceeds_payment',
        request: (s) => ({ body: { payment_flow_id: s['flow']!, amount: 6000 } }),
      },
      {
        operationId: 'createPaymentRefund',
        name: 'refund in full',
        request: (s) => ({ body: { payment_flow_id: s['flow']!, reason: 'requested_by_customer' } }),
        save: (b, s) => (s['refund'] = id(b)),
      },
      oneEvent('refund', 'refund.created', 'one refund.created event'),
      { operationId: 'createPaymentRefund', name: 'refund again', code: 'already_refunded', request: (s) => ({ body: { payment_flow_id: s['flow']! } }) },
      {
        operationId: 'getPaymentRefund',
        name: 'get the refund',
        request: (s) => ({ params: { payment_refund_id: s['refund']! } }),
        check: (b, s) => expectField(b, 'payment_flow_id', s['flow']),
      },
      {
        operationId: 'updatePaymentRefund',
        name: 'update the refund',
        request: (s) => ({ params: { payment_refund_id: s['refund']! }, body: { metadata: { ticket: 'contract' } } }),
      },
      {
        operationId: 'getPaymentFlowRefunds',
        name: "the flow's refunds hold it",
        request: (s) => ({ params: { payment_flow_id: s['flow']! } }),
        check: (b, s) => listHas(b, s['refund']),
      },
      {
        operationId: 'cancelPaymentFlow',
        name: 'cancel a succeeded flow',
        code: 'invalid_status',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: {} }),
      },
    ],
  },
  {
    name: 'payment flow: cancel, declined card',
    covers: ['cancelPaymentFlow'],
    steps: [
      { operationId: 'createPaymentFlow', name: 'create', request: () => ({ body: { amount: 1200, currency: 'jpy' } }), save: (b, s) => (s['flow'] = id(b)) },
      {
        operationId: 'cancelPaymentFlow',
        name: 'cancel',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: { cancellation_reason: 'requested_by_customer' } }),
        check: (b) => expectField(b, 'status', 'canceled'),
      },
      {
        operationId: 'confirmPaymentFlow',
        name: 'confirm a canceled flow',
        code: 'invalid_status',
        request: (s) => ({ params: { payment_flow_id: s['flow']! }, body: {} }),
      },
      { operationId: 'createCustomer', name: 'customer', request: () => ({ body: { description: 'declined card' } }), save: (b, s) => (s['customer'] = id(b)) },
      { operationId: 'createPaymentMethod', name: 'declined card', request: paymentMethod('declined', 'customer'), save: (b, s) => (s['declined'] = id(b)) },
      // Made with `customer_id`, it is attached at once (PaymentMethodCardCreateRequest.customer_id).
      oneEvent('declined', 'payment_method.attached', 'one payment_method.attached event of the card made attached'),
      {
        operationId: 'createPaymentFlow',
        name: 'pay with the declined card',
        code: 'card_declined',
        request: (s) => ({ body: { amount: 1200, currency: 'jpy', customer_id: s['customer']!, payment_method_id: s['declined']!, confirm: true } }),
      },
      {
        operationId: 'createPaymentFlow',
        name: 'confirm without a payment method',
        code: 'missing_payment_method',
        request: () => ({ body: { amount: 1200, currency: 'jpy', confirm: true } }),
      },
    ],
  },
  {
    name: 'payment method: attach, list by customer, detach, detach again',
    covers: ['attachPaymentMethod', 'detachPaymentMethod'],
    steps: [
      { operationId: 'createCustomer', name: 'customer', request: () => ({ body: { description: 'attach/detach' } }), save: (b, s) => (s['customer'] = id(b)) },
      { operationId: 'createPaymentMethod', name: 'card payment method', request: paymentMethod('success'), save: (b, s) => (s['pm'] = id(b)) },
      {
        operationId: 'attachPaymentMethod',
        name: 'attach',
        request: (s) => ({ params: { payment_method_id: s['pm']! }, body: { customer_id: s['customer']! } }),
        check: (b, s) => expectField(b, 'customer_id', s['customer']),
      },
      oneEvent('pm', 'payment_method.attached', 'one payment_method.attached event'),
      {
        operationId: 'attachPaymentMethod',
        name: 'attach again',
        code: 'payment_method_already_attached',
        request: (s) => ({ params: { payment_method_id: s['pm']! }, body: { customer_id: s['customer']! } }),
      },
      {
        operationId: 'getCustomerPaymentMethods',
        name: "the customer's payment methods hold it",
        request: (s) => ({ params: { customer_id: s['customer']! } }),
        check: (b, s) => listHas(b, s['pm']),
      },
      {
        operationId: 'detachPaymentMethod',
        name: 'detach',
        request: (s) => ({ params: { payment_method_id: s['pm']! } }),
        check: (b) => expectField(b, 'customer_id', null),
      },
      {
        operationId: 'detachPaymentMethod',
        name: 'detach again',
        code: 'payment_method_already_detached',
        request: (s) => ({ params: { payment_method_id: s['pm']! } }),
      },
      {
        operationId: 'createPaymentFlow',
        name: 'pay with the detached method',
        code: 'detached_payment_method_not_usable',
        request: (s) => ({ body: { amount: 1000, currency: 'jpy', payment_method_id: s['pm']! } }),
      },
    ],
  },
  {
    name: 'setup flow: create, get, update, cancel, cancel again',
    covers: ['cancelSetupFlow'],
    steps: [
      {
        operationId: 'createSetupFlow',
        name: 'create',
        request: () => ({ body: { payment_method_types: ['card'], usage: 'off_session' } }),
        save: (b, s) => (s['setup'] = id(b)),
      },
      { operationId: 'getSetupFlow', name: 'get', request: (s) => ({ params: { setup_flow_id: s['setup']! } }) },
      { operationId: 'updateSetupFlow', name: 'update', request: (s) => ({ params: { setup_flow_id: s['setup']! }, body: { description: 'contract setup' } }) },
      {
        operationId: 'cancelSetupFlow',
        name: 'cancel',
        request: (s) => ({ params: { setup_flow_id: s['setup']! }, body: {} }),
        check: (b) => expectField(b, 'status', 'canceled'),
      },
      { operationId: 'cancelSetupFlow', name: 'cancel again', code: 'invalid_status', request: (s) => ({ params: { setup_flow_id: s['setup']! }, body: {} }) },
    ],
  },
  {
    name: 'catalog and checkout: tax rate, product, price, session with line items, delete a product',
    covers: ['deleteProduct'],
    provides: { checkout_session_id: 'session' },
    steps: [
      {
        operationId: 'createTaxRate',
        name: 'tax rate',
        request: () => ({ body: { display_name: '消費税', inclusive: false, percentage: 10 } }),
        save: (b, s) => (s['tax'] = id(b)),
      },
      { operationId: 'createProduct', name: 'product', request: () => ({ body: { name: 'contract product' } }), save: (b, s) => (s['product'] = id(b)) },
      {
        operationId: 'createPrice',
        name: 'price',
        request: (s) => ({ body: { product_id: s['product']!, unit_amount: 1000, currency: 'jpy' } }),
        save: (b, s) => (s['price'] = id(b)),
        check: (b, s) => expectField(b, 'product_id', s['product']),
      },
      {
        operationId: 'updateProduct',
        name: 'default price',
        request: (s) => ({ params: { product_id: s['product']! }, body: { default_price_id: s['price']! } }),
      },
      {
        operationId: 'createCheckoutSession',
        name: 'session with a line item',
        // An expiry relative to now: a literal time would go stale (it did, on 2026-11-24).
        request: (s) => ({
          body: {
            mode: 'payment',
            line_items: [{ price_id: s['price']!, quantity: 2, tax_rates: [s['tax']!] }],
            success_url: 'https://shop.example.jp/done',
            cancel_url: 'https://shop.example.jp/cart',
            expires_at: (s['expires'] = inAnHour()),
          },
        }),
        save: (b, s) => (s['session'] = id(b)),
        check: (b, s) =>
          Date.parse(String(b['expires_at'])) === Date.parse(s['expires']!) ? [] : [`expires_at ${String(b['expires_at'])} is not the ${s['expires']} sent`],
      },
      {
        operationId: 'getAllCheckoutSessionLineItems',
        name: 'its line items',
        request: (s) => ({ params: { checkout_session_id: s['session']! } }),
        check: (b) => ((b['data'] as unknown[] | undefined)?.length === 1 ? [] : ['expected 1 line item']),
      },
      {
        operationId: 'createProduct',
        name: 'product to delete',
        request: () => ({ body: { name: 'contract product to delete' } }),
        save: (b, s) => (s['doomed'] = id(b)),
      },
      { operationId: 'deleteProduct', name: 'delete', request: (s) => ({ params: { product_id: s['doomed']! } }) },
      { operationId: 'getProduct', name: 'deleted is 404', code: 'not_found', request: (s) => ({ params: { product_id: s['doomed']! } }) },
    ],
  },
  {
    name: 'events: listed after the changes above',
    covers: [],
    steps: [
      {
        operationId: 'getAllEvents',
        name: 'list',
        request: () => ({ query: { limit: 10 } }),
        save: (b, s) => (s['event'] = String((b['data'] as { id?: unknown }[] | undefined)?.[0]?.id)),
        check: (b) => ((b['data'] as unknown[] | undefined)?.length ? [] : ['no event after the scenarios changed state']),
      },
      { operationId: 'getEvent', name: 'get the newest', request: (s) => ({ params: { event_id: s['event']! } }) },
    ],
  },
];
