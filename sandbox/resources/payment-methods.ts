// Payment methods: created from test tokens (cards, Apple Pay) or as PayPay, attached to and detached
// from customers; plus the checks every flow makes before using one.
import { ApiError, type FieldError, notFound, validationError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import { PAYMENT_METHOD_TYPES, type PaymentMethod, type PaymentMethodType } from '../state/model.ts';
import type { State } from '../state/state.ts';
import { TEST_CARDS, fingerprintOf, testCard, testCardExpiry, type TestCard } from '../../contract-core/test-cards.ts';
import { type Infer, type Schema, integer, literal, metadata, object, optional, parse, string } from './validate.ts';
import { assign, billingDetails, billingDetailsRequest, find, list, mergeMetadata } from './common.ts';

/** The spec's card.number pattern: the SDK's 14 to 16 digits, or a test token (sandbox/README.md). */
const CARD_NUMBER_OR_TOKEN = /^([0-9]{14,16}|tok_[a-z0-9_]{1,60})$/;
const common = { customer_id: optional(string()), billing_details: optional(billingDetailsRequest), metadata: optional(metadata()) };
const createBodies = {
  card: object({
    ...common,
    type: literal('card'),
    billing_details: billingDetailsRequest,
    card: object({
      // PAY.JP's SDK: number ^[0-9]{14,16}$ (here: or a test token), cvc ^[0-9]{3,4}$, exp_year 0 to 9999.
      number: string({ pattern: CARD_NUMBER_OR_TOKEN }),
      exp_month: integer({ min: 1, max: 12 }),
      exp_year: integer({ min: 0, max: 9999 }),
      cvc: string({ pattern: /^[0-9]{3,4}$/ }),
    }),
  }),
  paypay: object({ ...common, type: literal('paypay') }),
  apple_pay: object({ ...common, type: literal('apple_pay'), token: string({ minLength: 1 }) }),
};
const updateBody = (type: PaymentMethodType) =>
  object({ type: literal(type), billing_details: optional(billingDetailsRequest), metadata: optional(metadata()) });
const attachBody = object({ customer_id: string() });

/** Apple Pay tokens that fail the way Apple Pay set-up problems do. */
const APPLE_PAY_FAILURES = {
  tok_apple_pay_domain_not_registered: new ApiError('apple_pay_domain_not_registered', 'The domain is not registered for Apple Pay.'),
  tok_apple_pay_merchant_validation_failed: new ApiError('apple_pay_merchant_validation_failed'),
  tok_apple_pay_invalid_token: new ApiError('invalid_apple_pay_token', 'The Apple Pay token could not be decrypted.'),
  tok_apple_pay_unacceptable_brand: new ApiError('unacceptable_brand_on_apple_pay', 'The card brand in this Apple Pay token is not accepted.'),
} as const;

/** The `type` that picks the body's shape; without one, also the fields no shape has are reported. */
function typeOf(body: unknown, shapes: readonly { shape: object }[]): PaymentMethodType {
  // A body that is no object (`null`, a list) is named as such, as every other body is (validate.ts).
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationError([{ field: 'body', message: 'Input should be a valid dictionary or object' }]);
  const type = (body as { type?: unknown } | null)?.type;
  if ((PAYMENT_METHOD_TYPES as readonly unknown[]).includes(type)) return type as PaymentMethodType;
  const errors: FieldError[] = [];
  if (type === undefined) errors.push({ field: 'type', message: 'Field required' });
  else literal(...PAYMENT_METHOD_TYPES).check(type, 'type', errors);
  const known = new Set(shapes.flatMap((schema) => Object.keys(schema.shape)));
  const extra = Object.keys(typeof body === 'object' && body !== null ? body : {}).filter((key) => !known.has(key));
  throw validationError([...errors, ...extra.map((field) => ({ field, message: 'Extra inputs are not permitted' }))]);
}

function tokenCard(token: string, field: string): TestCard {
  const card = testCard(token);
  if (!card) {
    const known = TEST_CARDS.map((entry) => entry.token).join(', ');
    throw validationError([{ field, message: `Use a test token of the sandbox (${known}), or with a publishable key a test card's number` }]);
  }
  return card;
}

/** Japan's offset from UTC: a card is good through the last day of its month, read as PAY.JP's customers do. */
const JST_OFFSET_MS = 9 * 3600_000;

/**
 * A card whose expiry month has passed is refused, as its issuer would refuse it. Our inference: PAY.JP's
 * documents and the official client (1.0.5) name no code for it and the catalog has none, so it is the
 * field's 422 validation error. `nowMs` is the tenant's clock, so that a test clock moved on expires cards too.
 */
function refuseExpired(card: { exp_month: number; exp_year: number }, nowMs: number): void {
  const now = new Date(nowMs + JST_OFFSET_MS);
  const [year, month] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
  if (card.exp_year < year) throw validationError([{ field: 'card.exp_year', message: 'The card has expired' }]);
  if (card.exp_year === year && card.exp_month < month) throw validationError([{ field: 'card.exp_month', message: 'The card has expired' }]);
}

function create(request: ApiRequest): PaymentMethod {
  const { state } = request;
  const type = typeOf(request.body, Object.values(createBodies));
  const body = parse(createBodies[type] as Schema<Infer<(typeof createBodies)[PaymentMethodType]>>, request.body);
  if (body.billing_details && type === 'card' && !body.billing_details.phone && !body.billing_details.email)
    throw validationError([{ field: 'billing_details', message: 'phone or email is required' }]);
  supportedTypes(state, [type]);
  const customer = body.customer_id === undefined ? undefined : find(state.customers, body.customer_id, 'customer');
  let card: TestCard | undefined;
  let expiry = testCardExpiry(state.ids.now());
  if ('card' in body) {
    card = tokenCard(body.card.number, 'card.number');
    refuseExpired(body.card, state.ids.now());
    expiry = { exp_month: body.card.exp_month, exp_year: body.card.exp_year };
  } else if ('token' in body) {
    const failure = APPLE_PAY_FAILURES[body.token as keyof typeof APPLE_PAY_FAILURES];
    if (failure) throw failure;
    card = tokenCard(body.token, 'token');
  }
  const now = state.ids.timestamp();
  const method: PaymentMethod = {
    object: 'payment_method',
    id: state.ids.next('pm_'),
    livemode: false,
    type,
    customer_id: customer?.id ?? null,
    detached_at: null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
    billing_details: billingDetails(body.billing_details),
  };
  if (card) {
    method.card = { last4: card.last4, brand: card.brand, ...expiry, fingerprint: fingerprintOf(card), country: 'JP' };
    state.cardOf.set(method.id, card);
  }
  state.paymentMethods.add(method);
  if (customer) state.emit('payment_method.attached', method);
  return method;
}

function update(request: ApiRequest): PaymentMethod {
  const method = find(request.state.paymentMethods, request.params['payment_method_id']!, 'payment method');
  typeOf(request.body, PAYMENT_METHOD_TYPES.map(updateBody));
  const body = parse(updateBody(method.type), request.body);
  return assign(request.state, method, {
    billing_details: body.billing_details ? billingDetails(body.billing_details, method.billing_details) : undefined,
    metadata: mergeMetadata(method.metadata, body.metadata),
  });
}

function attach(request: ApiRequest): PaymentMethod {
  const { state } = request;
  const method = find(state.paymentMethods, request.params['payment_method_id']!, 'payment method');
  const body = parse(attachBody, request.body);
  const customer = find(state.customers, body.customer_id, 'customer');
  if (method.detached_at !== null) throw detachedNotUsable(method);
  if (method.customer_id === customer.id)
    throw new ApiError('payment_method_already_attached', `The payment method ${method.id} is already attached to the customer ${customer.id}.`);
  if (method.customer_id !== null)
    throw new ApiError('payment_method_customer_mismatch', `The payment method ${method.id} belongs to another customer than ${customer.id}.`);
  supportedTypes(state, [method.type]);
  assign(state, method, { customer_id: customer.id });
  state.emit('payment_method.attached', method);
  return method;
}

function detach(request: ApiRequest): PaymentMethod {
  const { state } = request;
  const method = find(state.paymentMethods, request.params['payment_method_id']!, 'payment method');
  if (method.detached_at !== null) throw new ApiError('payment_method_already_detached', `The payment method ${method.id} is already detached.`);
  if (method.customer_id === null) throw new ApiError('payment_method_unattached', `The payment method ${method.id} is not attached to any customer.`);
  detachFromCustomer(state, method);
  return method;
}

/** A detached payment method is never used again: for a payment, a customer or an attachment. */
export const detachedNotUsable = (method: PaymentMethod): ApiError =>
  new ApiError('detached_payment_method_not_usable', `The payment method ${method.id} was detached from its customer and can no longer be used.`);

/** Detaches for good: the customer's default is cleared if it was this one. */
export function detachFromCustomer(state: State, method: PaymentMethod): void {
  const customer = method.customer_id === null ? undefined : state.customers.get(method.customer_id);
  if (customer?.default_payment_method_id === method.id) assign(state, customer, { default_payment_method_id: null });
  method.customer_id = null;
  assign(state, method, { detached_at: state.ids.timestamp() });
  state.emit('payment_method.detached', method);
}

/** Types with a setting in the payment method configurations (Apple Pay's since PAY.JP's SDK 1.0.6). */
const CONFIGURABLE = ['card', 'paypay', 'apple_pay'] as const;

/** Whether the account can use the type: not when every active payment method configuration turns it off. */
export function usable(state: State, type: PaymentMethodType): boolean {
  if (!(CONFIGURABLE as readonly string[]).includes(type)) return true;
  const configurations = state.paymentMethodConfigurations.values().filter((configuration) => configuration.active);
  return configurations.length === 0 || configurations.some((c) => c[type as (typeof CONFIGURABLE)[number]].display_preference.value === 'on');
}

/** Checks that the account can use every type: 400 `unsupported_payment_method_type`. */
export function supportedTypes(state: State, types: readonly PaymentMethodType[]): void {
  const unsupported = types.find((type) => !usable(state, type));
  if (unsupported !== undefined)
    throw new ApiError(
      'unsupported_payment_method_type',
      `The payment method type ${unsupported} is turned off in the account's payment method configuration.`,
    );
}

/**
 * The payment method a payment flow may use: it exists, was never detached, comes with a customer (whenever a
 * payment method is given, so is its customer: the published meaning of customer_required_for_payment_method),
 * is held by that customer, and is of a type the flow allows.
 */
export function usablePaymentMethod(state: State, id: string, customerId: string | null, allowedTypes: readonly PaymentMethodType[]): PaymentMethod {
  const method = find(state.paymentMethods, id, 'payment method');
  if (method.detached_at !== null) throw detachedNotUsable(method);
  if (customerId === null) throw new ApiError('customer_required_for_payment_method');
  if (method.customer_id !== customerId)
    throw new ApiError('payment_method_not_owned_by_customer', `The payment method ${method.id} does not belong to the customer ${customerId}.`);
  if (!allowedTypes.includes(method.type))
    throw new ApiError(
      'payment_method_type_not_allowed',
      `The payment method type ${method.type} is not allowed by payment_method_types of this payment flow (${allowedTypes.join(', ')}).`,
    );
  return method;
}

export const paymentMethodRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/payment_methods',
    operationId: 'getAllPaymentMethods',
    handle: (request) => list(request.state.paymentMethods, request),
  },
  { method: 'POST', path: '/v2/payment_methods', operationId: 'createPaymentMethod', body: 'required', handle: create },
  {
    method: 'GET',
    path: '/v2/payment_methods/{payment_method_id}',
    operationId: 'getPaymentMethod',
    handle: (request) => find(request.state.paymentMethods, request.params['payment_method_id']!, 'payment method'),
  },
  { method: 'POST', path: '/v2/payment_methods/{payment_method_id}', operationId: 'updatePaymentMethod', body: 'required', handle: update },
  {
    method: 'GET',
    path: '/v2/payment_methods/cards/{card_id}',
    operationId: 'getPaymentMethodByCard',
    handle: ({ state, params }) => {
      const id = state.paymentMethodByCardId.get(params['card_id']!);
      if (id === undefined) throw notFound('card', params['card_id']!);
      return find(state.paymentMethods, id, 'card');
    },
  },
  { method: 'POST', path: '/v2/payment_methods/{payment_method_id}/attach', operationId: 'attachPaymentMethod', body: 'required', handle: attach },
  { method: 'POST', path: '/v2/payment_methods/{payment_method_id}/detach', operationId: 'detachPaymentMethod', handle: detach },
];
