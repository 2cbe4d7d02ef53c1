// Checkout sessions: a hosted page selling line items (prices × quantity, with tax rates), or saving a
// payment method (mode setup). Sessions past `expires_at` turn `expired` when next read.
import { ApiError, invalidStatus, validationError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import { PAYMENT_METHOD_TYPES, type CheckoutSession, type LineItem, type Price, type TaxRate } from '../state/model.ts';
import type { State } from '../state/state.ts';
import { isoSecond } from '../state/ids.ts';
import { type Infer, array, integer, literal, metadata, nullable, object, optional, parse, string } from './validate.ts';
import { assign, find, list, mergeMetadata } from './common.ts';
import { PAYMENT_AMOUNT } from './payment-flows.ts';
import { supportedTypes } from './payment-methods.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const cardOptions = object({
  request_extended_authorization: optional(literal('if_available', 'must_extend', 'never')),
  request_three_d_secure: optional(literal('any', 'automatic')),
});
/** A price written inline (PAY.JP's SDK 1.1.0): its product named, or written inline too. */
const priceData = object({
  currency: literal('jpy'),
  unit_amount: integer({ min: 0, max: PAYMENT_AMOUNT.max }),
  product_id: optional(nullable(string())),
  product_data: optional(nullable(object({ name: string(), description: optional(nullable(string())) }))),
});
const lineItem = object({
  price_id: optional(nullable(string())),
  price_data: optional(nullable(priceData)),
  quantity: integer({ min: 1, max: PAYMENT_AMOUNT.max }),
  tax_rates: optional(array(string())),
});
const createBody = object({
  mode: literal('payment', 'setup'),
  client_reference_id: optional(string()),
  customer_id: optional(string()),
  customer_email: optional(string({ format: 'email' })),
  customer_creation: optional(literal('always', 'if_required')),
  line_items: optional(array(lineItem, { maxItems: 100 })),
  metadata: optional(metadata()),
  success_url: optional(string({ format: 'uri' })),
  cancel_url: optional(string({ format: 'uri' })),
  currency: optional(literal('jpy')),
  expires_at: optional(string({ format: 'date-time' })),
  locale: optional(literal('auto', 'ja')),
  payment_method_types: optional(array(literal(...PAYMENT_METHOD_TYPES), { minItems: 1 })),
  payment_method_options: optional(object({ card: optional(cardOptions) })),
  payment_flow_data: optional(
    object({ capture_method: optional(literal('automatic', 'manual')), description: optional(nullable(string())), metadata: optional(metadata()) }),
  ),
  submit_type: optional(literal('auto', 'book', 'donate', 'pay')),
  setup_flow_data: optional(object({ description: optional(nullable(string())), metadata: optional(metadata()) })),
  ui_mode: optional(literal('hosted')),
});
const updateBody = object({ metadata: optional(metadata()) });

/** Tax of a line: exclusive rates are added on top (rounded down), inclusive ones are part of the amount. */
function taxOf(subtotal: number, rates: readonly TaxRate[]): { tax: number; added: number } {
  let tax = 0;
  let added = 0;
  for (const rate of rates) {
    const share = rate.inclusive ? subtotal - Math.round(subtotal / (1 + rate.percentage / 100)) : Math.floor((subtotal * rate.percentage) / 100);
    tax += share;
    if (!rate.inclusive) added += share;
  }
  return { tax, added };
}

/** Marks an open session past its `expires_at` as expired (sessions expire lazily, when read). */
function refresh(state: State, session: CheckoutSession): CheckoutSession {
  if (session.status === 'open' && session.expires_at !== null && Date.parse(session.expires_at) <= state.ids.now()) {
    assign(state, session, { status: 'expired' });
    state.emit('checkout.session.expired', session);
  }
  return session;
}

/**
 * Expires every open session whose `expires_at` has passed (a test clock moved on, clock.ts), oldest expiry
 * first, each at its own expiry time: its `checkout.session.expired` event is dated as it would be in real time.
 */
export function expireDueSessions(state: State): number {
  const at = state.ids.now();
  const due = state.checkoutSessions
    .all({})
    .filter((session) => session.status === 'open' && session.expires_at !== null && Date.parse(session.expires_at) <= at)
    .sort((a, b) => Date.parse(a.expires_at!) - Date.parse(b.expires_at!));
  for (const session of due) state.ids.at(Date.parse(session.expires_at!), () => refresh(state, session));
  return due.length;
}

/** A line's price by ID: one of no price or an inactive one answers 404 (PAY.JP's SDK 1.0.9). */
function activePrice(state: State, id: string): Price {
  const price = state.prices.get(id);
  if (!price?.active) throw new ApiError('price_not_found_or_inactive', `No such active price: ${id}`);
  return price;
}

function activeTaxRate(state: State, id: string): TaxRate {
  const rate = state.taxRates.get(id);
  if (!rate?.active) throw new ApiError('tax_rate_not_found_or_inactive', `No such active tax rate: ${id}`);
  return rate;
}

/**
 * A price written inline: kept as a price of its own, inactive so that no other session can name it (as the
 * API's inline prices are for their session only, our inference), of the named product or of a new one.
 */
function inlinePrice(state: State, data: NonNullable<Infer<typeof priceData>>): Price {
  const now = state.ids.timestamp();
  let productId = data.product_id;
  if (productId != null) find(state.products, productId, 'product');
  else if (data.product_data) {
    const { name, description } = data.product_data;
    const product = state.products.add({
      object: 'product',
      id: state.ids.next('prod_'),
      livemode: false,
      name,
      active: true,
      default_price_id: null,
      description: description ?? null,
      unit_label: null,
      url: null,
      created_at: now,
      updated_at: now,
    });
    state.emit('product.created', product);
    productId = product.id;
  } else throw validationError([{ field: 'price_data', message: 'Give product_id or product_data' }]);
  const price = state.prices.add({
    object: 'price',
    id: state.ids.next('price_'),
    livemode: false,
    product_id: productId,
    unit_amount: data.unit_amount,
    currency: 'jpy',
    active: false,
    nickname: null,
    type: 'one_time',
    lookup_key: null,
    metadata: {},
    created_at: now,
    updated_at: now,
  });
  state.emit('price.created', price);
  return price;
}

function create({ state, body: raw }: ApiRequest): CheckoutSession {
  const body = parse(createBody, raw);
  if (body.mode === 'payment' && (body.line_items ?? []).length === 0)
    throw validationError([{ field: 'line_items', message: 'Field required when mode is payment' }]);
  if (body.expires_at !== undefined && Date.parse(body.expires_at) <= state.ids.now())
    throw validationError([{ field: 'expires_at', message: 'Input should be in the future' }]);
  if (body.payment_method_types) supportedTypes(state, body.payment_method_types);
  const customer = body.customer_id === undefined ? undefined : find(state.customers, body.customer_id, 'customer');
  const lines = body.line_items ?? [];
  // Exactly one price per line: a named one or one written inline (our inference; the SDK makes both optional).
  const unpriced = lines.flatMap((line, i) =>
    (line.price_id == null) === (line.price_data == null) ? [{ field: `line_items.${i}`, message: 'Give exactly one of price_id and price_data' }] : [],
  );
  if (unpriced.length > 0) throw validationError(unpriced);
  const items: LineItem[] = lines.map((line) => {
    const price = line.price_data ? inlinePrice(state, line.price_data) : activePrice(state, line.price_id!);
    const rates = (line.tax_rates ?? []).map((id) => activeTaxRate(state, id));
    const subtotal = price.unit_amount * line.quantity;
    const { tax, added } = taxOf(subtotal, rates);
    const product = state.products.get(price.product_id);
    return {
      object: 'line_item',
      id: state.ids.next('li_'),
      amount_subtotal: subtotal,
      amount_tax: tax,
      amount_total: subtotal + added,
      currency: 'jpy',
      description: product?.name ?? price.nickname,
      price: { ...price },
      quantity: line.quantity,
    };
  });
  const payment = body.mode === 'payment';
  const total = items.reduce((sum, item) => sum + item.amount_total, 0);
  // The customer's page pays the total with a payment flow: a total no payment flow can take is refused
  // now, rather than failing the customer at the page.
  if (payment && (total < PAYMENT_AMOUNT.min || total > PAYMENT_AMOUNT.max)) {
    const yen = (amount: number): string => amount.toLocaleString('en');
    const message = `The total to pay should be from ${yen(PAYMENT_AMOUNT.min)} to ${yen(PAYMENT_AMOUNT.max)} yen, not ${yen(total)}`;
    throw validationError([{ field: 'line_items', message }]);
  }
  const created = new Date(state.ids.now());
  const id = state.ids.next('cs_');
  const session = state.checkoutSessions.add({
    object: 'checkout.session',
    id,
    livemode: false,
    amount_subtotal: payment ? items.reduce((sum, item) => sum + item.amount_subtotal, 0) : null,
    amount_total: payment ? total : null,
    customer_id: customer?.id ?? null,
    customer_email: body.customer_email ?? customer?.email ?? null,
    customer_details: null,
    expires_at: body.expires_at ?? isoSecond(new Date(created.getTime() + DAY_MS)),
    currency: 'jpy',
    locale: body.locale ?? null,
    payment_flow_id: null,
    payment_method_types: body.payment_method_types ?? null,
    payment_method_options: body.payment_method_options ?? null,
    setup_flow_id: null,
    submit_type: body.submit_type ?? null,
    mode: body.mode,
    ui_mode: 'hosted',
    status: 'open',
    success_url: body.success_url ?? null,
    cancel_url: body.cancel_url ?? null,
    url: `${state.origin}/sandbox/checkout/${id}`,
    metadata: mergeMetadata({}, body.metadata),
    created_at: isoSecond(created),
    updated_at: isoSecond(created),
  });
  // Stored last first so that the list (newest first) answers them in the order given.
  state.lineItemsOf.set(id, items.toReversed());
  state.emit('checkout.session.created', session);
  return session;
}

const sessionOf = (request: ApiRequest): CheckoutSession =>
  refresh(request.state, find(request.state.checkoutSessions, request.params['checkout_session_id']!, 'checkout session'));

function update(request: ApiRequest): CheckoutSession {
  const session = sessionOf(request);
  const body = parse(updateBody, request.body);
  if (session.status !== 'open') throw invalidStatus('checkout.session', ['open'], session.status);
  return assign(request.state, session, { metadata: mergeMetadata(session.metadata, body.metadata) });
}

export const checkoutSessionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/checkout/sessions',
    operationId: 'getAllCheckoutSessions',
    handle: (request) => {
      const page = list(request.state.checkoutSessions, request);
      page.data.forEach((session) => refresh(request.state, session));
      return page;
    },
  },
  { method: 'POST', path: '/v2/checkout/sessions', operationId: 'createCheckoutSession', body: 'required', handle: create },
  { method: 'GET', path: '/v2/checkout/sessions/{checkout_session_id}', operationId: 'getCheckoutSession', handle: sessionOf },
  { method: 'POST', path: '/v2/checkout/sessions/{checkout_session_id}', operationId: 'updateCheckoutSession', body: 'required', handle: update },
  {
    method: 'GET',
    path: '/v2/checkout/sessions/{checkout_session_id}/line_items',
    operationId: 'getAllCheckoutSessionLineItems',
    handle: (request) => {
      const session = sessionOf(request);
      return list(request.state.lineItemsOf.get(session.id) ?? [], request);
    },
  },
];
