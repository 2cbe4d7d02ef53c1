// Payment flows and their state machine (confirm → requires_action / requires_capture / succeeded,
// capture, cancel), their refunds' list, and the 3-D Secure / PayPay step a customer completes in the browser.
// An uncaptured authorization lapses (expired_at, then 400 payment_flow_expired on capture) when the flow is
// next read after its end, as checkout sessions expire.
import { ApiError, invalidStatus, validationError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import { PAYMENT_METHOD_TYPES, type PaymentFlow, type PaymentFlowStatus, type PaymentMethod, type PaymentMethodType } from '../state/model.ts';
import type { State } from '../state/state.ts';
import { isoSecond } from '../state/ids.ts';
import { queryValue } from './pagination.ts';
import { type Infer, array, boolean, integer, literal, metadata, nullable, object, optional, parse, string } from './validate.ts';
import { assign, find, list, mergeMetadata } from './common.ts';
import { supportedTypes, usable, usablePaymentMethod } from './payment-methods.ts';
import type { TestCard } from '../../contract-core/test-cards.ts';

const CONFIRMABLE: readonly PaymentFlowStatus[] = ['requires_payment_method', 'requires_confirmation'];
const UPDATABLE = CONFIRMABLE;
const CANCELABLE: readonly PaymentFlowStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'];

const methodOptions = object({
  card: optional(
    object({
      request_extended_authorization: optional(literal('if_available', 'must_extend', 'never')),
      request_three_d_secure: optional(literal('any', 'automatic')),
    }),
  ),
});
const methodTypes = array(literal(...PAYMENT_METHOD_TYPES), { minItems: 1 });
/**
 * What one payment may be, in yen: the published client's PaymentFlowCreateRequest.amount
 * ("50円以上9,999,999円以下"), as the spec's PaymentFlowCreateRequest.yaml has it.
 */
export const PAYMENT_AMOUNT = { min: 50, max: 9_999_999 } as const;
const amount = integer(PAYMENT_AMOUNT);
const createBody = object({
  amount,
  currency: literal('jpy'),
  customer_id: optional(string()),
  payment_method_id: optional(string()),
  payment_method_options: optional(methodOptions),
  payment_method_types: optional(methodTypes),
  capture_method: optional(literal('automatic', 'manual')),
  confirm: optional(boolean()),
  return_url: optional(string({ format: 'uri' })),
  description: optional(string()),
  metadata: optional(metadata()),
});
const updateBody = object({
  amount: optional(amount),
  customer_id: optional(string()),
  payment_method_id: optional(string()),
  payment_method_options: optional(methodOptions),
  payment_method_types: optional(methodTypes),
  return_url: optional(string({ format: 'uri' })),
  description: optional(string()),
  metadata: optional(metadata()),
});
const confirmBody = object({
  payment_method_id: optional(string()),
  payment_method_options: optional(methodOptions),
  payment_method_types: optional(methodTypes),
  capture_method: optional(nullable(literal('automatic', 'manual'))),
  return_url: optional(string({ format: 'uri' })),
  description: optional(string()),
});
/** PAY.JP's SDK: amount_to_capture 50 to 9,999,999 (PaymentFlowCaptureRequest), the bounds of a payment. */
const captureBody = object({ amount_to_capture: optional(integer(PAYMENT_AMOUNT)) });
const DAY_MS = 24 * 60 * 60 * 1000;
const cancelBody = object({ cancellation_reason: optional(literal('duplicate', 'fraudulent', 'requested_by_customer', 'abandoned')) });
const flowOf = (request: ApiRequest): PaymentFlow => lapse(request.state, find(request.state.paymentFlows, request.params['payment_flow_id']!, 'payment flow'));

/**
 * Sets `expired_at` on a flow whose uncaptured authorization has lapsed (read lazily, as checkout sessions
 * expire). The flow keeps `requires_capture`: PAY.JP's SDK answers capture with Payment Flow Expired rather than
 * Invalid Status, which we read as the status staying.
 */
function lapse(state: State, flow: PaymentFlow): PaymentFlow {
  if (flow.status !== 'requires_capture' || flow.expired_at) return flow;
  const end = state.authorizationEndsAt.get(flow.id);
  if (end !== undefined && Date.parse(end) <= state.ids.now()) assign(state, flow, { expired_at: end });
  return flow;
}

/**
 * Lapses every authorization held for capture whose end has passed (a test clock moved on, clock.ts), each
 * at its own end: `expired_at` set, as a read would.
 */
export function lapseDueAuthorizations(state: State): number {
  let lapsed = 0;
  for (const flow of state.paymentFlows.all({})) {
    if (flow.status !== 'requires_capture' || flow.expired_at) continue;
    const end = state.authorizationEndsAt.get(flow.id);
    if (end === undefined || Date.parse(end) > state.ids.now()) continue;
    state.ids.at(Date.parse(end), () => lapse(state, flow));
    lapsed += 1;
  }
  return lapsed;
}

export function requireStatus(flow: PaymentFlow, allowed: readonly PaymentFlowStatus[]): void {
  if (!allowed.includes(flow.status)) throw invalidStatus('payment_flow', allowed, flow.status);
}

function create({ state, body: raw }: ApiRequest): PaymentFlow {
  const body = parse(createBody, raw);
  // The published client: return_url "confirm=true の場合のみ指定できます".
  if (body.return_url !== undefined && body.confirm !== true) throw validationError([{ field: 'return_url', message: 'Only with confirm: true' }]);
  const customer = body.customer_id === undefined ? undefined : find(state.customers, body.customer_id, 'customer');
  if (body.payment_method_types) supportedTypes(state, body.payment_method_types);
  const types = body.payment_method_types ?? PAYMENT_METHOD_TYPES.filter((type) => usable(state, type));
  const method = body.payment_method_id === undefined ? undefined : payableMethod(state, body.payment_method_id, customer?.id ?? null, types);
  if (body.confirm && !method && !customer?.default_payment_method_id) throw new ApiError('missing_payment_method');
  const now = state.ids.timestamp();
  const flow = state.paymentFlows.add({
    object: 'payment_flow',
    id: state.ids.next('pfw_'),
    livemode: false,
    amount: body.amount,
    currency: 'jpy',
    amount_capturable: 0,
    amount_received: 0,
    client_secret: '',
    customer_id: customer?.id ?? null,
    description: body.description ?? null,
    payment_method_id: method?.id ?? null,
    payment_method_options: body.payment_method_options ?? null,
    payment_method_types: types,
    status: method ? 'requires_confirmation' : 'requires_payment_method',
    next_action: null,
    return_url: body.return_url ?? null,
    capture_method: body.capture_method ?? 'automatic',
    last_payment_error: null,
    cancellation_reason: null,
    canceled_at: null,
    expired_at: null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
  });
  flow.client_secret = `${flow.id}_secret_${state.ids.secret()}`;
  state.emit('payment_flow.created', flow);
  return body.confirm ? confirmFlow(state, flow, {}) : flow;
}

function update(request: ApiRequest): PaymentFlow {
  const { state, body: raw } = request;
  const flow = flowOf(request);
  const body = parse(updateBody, raw);
  requireStatus(flow, UPDATABLE);
  const customerId = body.customer_id === undefined ? flow.customer_id : find(state.customers, body.customer_id, 'customer').id;
  if (body.payment_method_types) supportedTypes(state, body.payment_method_types);
  const types = body.payment_method_types ?? flow.payment_method_types;
  const methodId = body.payment_method_id ?? flow.payment_method_id;
  if (methodId !== null) payableMethod(state, methodId, customerId, types);
  assign(state, flow, {
    amount: body.amount,
    customer_id: customerId,
    payment_method_id: methodId,
    payment_method_options: body.payment_method_options,
    payment_method_types: types,
    return_url: body.return_url,
    description: body.description,
    metadata: mergeMetadata(flow.metadata, body.metadata),
    status: methodId === null ? 'requires_payment_method' : 'requires_confirmation',
  });
  return flow;
}

/** The payment method a payment flow may use: usable by the flow, and of a type the account can use. */
function payableMethod(state: State, id: string, customerId: string | null, types: readonly PaymentMethodType[]): PaymentMethod {
  supportedTypes(state, [find(state.paymentMethods, id, 'payment method').type]);
  return usablePaymentMethod(state, id, customerId, types);
}

/** Confirms with the flow's (or the customer's default) payment method; the test card decides the outcome. */
function confirmFlow(state: State, flow: PaymentFlow, body: Infer<typeof confirmBody>): PaymentFlow {
  requireStatus(flow, CONFIRMABLE);
  if (body.payment_method_types) supportedTypes(state, body.payment_method_types);
  const types = body.payment_method_types ?? flow.payment_method_types;
  const customer = flow.customer_id === null ? undefined : state.customers.get(flow.customer_id);
  const methodId = body.payment_method_id ?? flow.payment_method_id ?? customer?.default_payment_method_id ?? null;
  if (methodId === null) throw new ApiError('missing_payment_method');
  const method = payableMethod(state, methodId, flow.customer_id, types);
  const card = state.cardOf.get(method.id);
  const options = body.payment_method_options ?? flow.payment_method_options;
  const extension = (options?.['card'] as { request_extended_authorization?: string } | undefined)?.request_extended_authorization;
  // Which card cannot extend its authorization is our inference: the test card says (sandbox/README.md).
  if (extension === 'must_extend' && method.type !== 'paypay' && card?.extendedAuthorization === false)
    throw new ApiError('extended_authorization_not_available', `The authorization of the payment method ${method.id} cannot be extended.`);
  assign(state, flow, {
    payment_method_id: method.id,
    payment_method_types: types,
    payment_method_options: body.payment_method_options,
    capture_method: body.capture_method ?? undefined,
    return_url: body.return_url,
    description: body.description,
    last_payment_error: null,
  });
  const outcome = method.type === 'paypay' ? 'redirect' : (card?.outcome ?? 'succeeds');
  const forced3ds = (flow.payment_method_options?.['card'] as { request_three_d_secure?: string } | undefined)?.request_three_d_secure === 'any';
  if (outcome === 'card_declined' || outcome === 'processing_error' || outcome === 'payment_failed' || outcome === 'three_d_secure_failed')
    fail(state, flow, method, outcome);
  if (outcome === 'redirect' || outcome === 'three_d_secure_required' || (forced3ds && method.type === 'card')) {
    const step = method.type === 'paypay' ? 'paypay' : 'three_d_secure';
    assign(state, flow, {
      status: 'requires_action',
      next_action: { type: 'redirect_to_url', redirect_to_url: { url: `${state.origin}/sandbox/${step}/${flow.id}`, return_url: flow.return_url } },
    });
    state.emit('payment_flow.requires_action', flow);
    return flow;
  }
  return authorize(state, flow, method);
}

/**
 * Days an authorization lasts uncaptured: 7 for cards and Apple Pay, 30 extended or for PayPay (the capture
 * operation's description); a test card may say otherwise (`tok_authorization_expired`: 0, it lapses at once).
 */
function authorizationDays(flow: PaymentFlow, method: PaymentMethod, card: TestCard | undefined): number {
  if (card?.authorizationDays !== undefined) return card.authorizationDays;
  const extension = (flow.payment_method_options?.['card'] as { request_extended_authorization?: string } | undefined)?.request_extended_authorization;
  const extended = (extension === 'if_available' || extension === 'must_extend') && card?.extendedAuthorization !== false;
  return method.type === 'paypay' || extended ? 30 : 7;
}

/** The payment was authorized: captured at once (automatic) or held for capture (manual) until the authorization lapses. */
function authorize(state: State, flow: PaymentFlow, method: PaymentMethod): PaymentFlow {
  if (flow.capture_method === 'manual') {
    const days = authorizationDays(flow, method, state.cardOf.get(method.id));
    state.authorizationEndsAt.set(flow.id, isoSecond(new Date(state.ids.now() + days * DAY_MS)));
    assign(state, flow, { status: 'requires_capture', amount_capturable: flow.amount, next_action: null });
    state.emit('payment_flow.amount_capturable_updated', flow);
    return flow;
  }
  return succeed(state, flow, flow.amount, method.type);
}

function succeed(state: State, flow: PaymentFlow, received: number, type: PaymentMethodType): PaymentFlow {
  const refusal = state.cardOf.get(flow.payment_method_id ?? '')?.captureRefusal;
  if (refusal) refuseCapture(state, flow, refusal);
  assign(state, flow, { status: 'succeeded', amount_received: received, amount_capturable: 0, next_action: null });
  state.recordTransaction('payment', flow.id, received, type);
  state.emit('payment_flow.succeeded', flow);
  return flow;
}

/** A failed attempt: the flow waits for another payment method, and the error is answered (402). */
function fail(
  state: State,
  flow: PaymentFlow,
  method: PaymentMethod,
  code: 'card_declined' | 'processing_error' | 'payment_failed' | 'three_d_secure_failed',
): never {
  const error = new ApiError(code);
  assign(state, flow, {
    status: 'requires_payment_method',
    next_action: null,
    last_payment_error: { code, message: error.message, payment_method_id: method.id },
  });
  flow.payment_method_id = null;
  state.emit('payment_flow.payment_failed', flow);
  throw error;
}

/**
 * The provider refused the capture (402). With manual capture the authorization stands and can be captured
 * again; with automatic capture the attempt failed as a whole, as a declined confirmation does.
 */
function refuseCapture(state: State, flow: PaymentFlow, code: 'card_declined' | 'processing_error' | 'payment_failed'): never {
  const method = state.paymentMethods.get(flow.payment_method_id ?? '')!;
  if (flow.capture_method !== 'manual') fail(state, flow, method, code);
  const error = new ApiError(code);
  assign(state, flow, { last_payment_error: { code, message: error.message, payment_method_id: method.id } });
  state.emit('payment_flow.payment_failed', flow);
  throw error;
}

/** The type of the payment method a captured or refunded flow was paid with, for its transaction. */
export const methodTypeOf = (state: State, flow: PaymentFlow): PaymentMethodType => state.paymentMethods.get(flow.payment_method_id ?? '')?.type ?? 'card';

function capture(request: ApiRequest): PaymentFlow {
  const { state, body: raw } = request;
  const flow = flowOf(request);
  const body = parse(captureBody, raw);
  requireStatus(flow, ['requires_capture']);
  if (flow.expired_at) throw new ApiError('payment_flow_expired', `The payment flow ${flow.id} has expired and can no longer be captured.`);
  const capturable = flow.amount_capturable ?? flow.amount;
  if (body.amount_to_capture !== undefined && body.amount_to_capture > capturable)
    throw validationError([{ field: 'amount_to_capture', message: `Input should be less than or equal to ${capturable}` }]);
  return succeed(state, flow, body.amount_to_capture ?? capturable, methodTypeOf(state, flow));
}

function cancel(request: ApiRequest): PaymentFlow {
  const { state, body: raw } = request;
  const flow = flowOf(request);
  const body = parse(cancelBody, raw);
  requireStatus(flow, CANCELABLE);
  assign(state, flow, {
    status: 'canceled',
    cancellation_reason: body.cancellation_reason ?? null,
    canceled_at: state.ids.timestamp(),
    amount_capturable: 0,
    next_action: null,
  });
  state.emit('payment_flow.canceled', flow);
  return flow;
}

/** The customer's side of 3-D Secure or PayPay: `result=success` (default) or `result=failure`. */
export function completeAction(state: State, flowId: string, success: boolean): PaymentFlow | undefined {
  const flow = state.paymentFlows.get(flowId);
  if (flow?.status !== 'requires_action') return undefined;
  const method = state.paymentMethods.get(flow.payment_method_id ?? '');
  if (!method) return undefined;
  if (success) return authorize(state, flow, method);
  try {
    fail(state, flow, method, 'three_d_secure_failed');
  } catch {
    // The failure is recorded on the flow; the browser only follows the redirect.
  }
  return flow;
}

export const paymentFlowRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/payment_flows',
    operationId: 'getAllPaymentFlows',
    handle: (request) => {
      const customerId = queryValue(request.query, 'customer_id');
      const page = list(request.state.paymentFlows, request, customerId === null ? {} : { customer_id: customerId });
      page.data.forEach((flow) => lapse(request.state, flow));
      return page;
    },
  },
  { method: 'POST', path: '/v2/payment_flows', operationId: 'createPaymentFlow', body: 'required', handle: create },
  { method: 'GET', path: '/v2/payment_flows/{payment_flow_id}', operationId: 'getPaymentFlow', handle: flowOf },
  { method: 'POST', path: '/v2/payment_flows/{payment_flow_id}', operationId: 'updatePaymentFlow', body: 'required', handle: update },
  { method: 'POST', path: '/v2/payment_flows/{payment_flow_id}/cancel', operationId: 'cancelPaymentFlow', body: 'optional', handle: cancel },
  { method: 'POST', path: '/v2/payment_flows/{payment_flow_id}/capture', operationId: 'capturePaymentFlow', body: 'optional', handle: capture },
  {
    method: 'POST',
    path: '/v2/payment_flows/{payment_flow_id}/confirm',
    operationId: 'confirmPaymentFlow',
    body: 'optional',
    handle: (request) => {
      const flow = flowOf(request);
      return confirmFlow(request.state, flow, parse(confirmBody, request.body));
    },
  },
  {
    method: 'GET',
    path: '/v2/payment_flows/{payment_flow_id}/refunds',
    operationId: 'getPaymentFlowRefunds',
    handle: (request) => {
      const flow = flowOf(request);
      return list(request.state.paymentRefunds, request, { payment_flow_id: flow.id });
    },
  },
];
