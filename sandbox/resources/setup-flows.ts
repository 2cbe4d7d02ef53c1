// Setup flows: saving a card for later payments. The customer's side (entering the card) happens in the
// browser, here the sandbox page /sandbox/setup/{id}.
import { ApiError, invalidStatus } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import type { SetupFlow, SetupFlowStatus } from '../state/model.ts';
import { array, literal, metadata, object, optional, parse, string } from './validate.ts';
import { assign, find, list, mergeMetadata } from './common.ts';
import { detachedNotUsable, usable } from './payment-methods.ts';

const CANCELABLE: readonly SetupFlowStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
/** Every status but `canceled` (our reading of the SDK's Invalid Status on updateSetupFlow, since 1.0.6). */
const UPDATABLE: readonly SetupFlowStatus[] = [...CANCELABLE, 'processing', 'succeeded'];
const methodOptions = object({ card: optional(object({ request_three_d_secure: optional(literal('automatic', 'any')) })) });
const fields = {
  customer_id: optional(string()),
  payment_method_options: optional(methodOptions),
  payment_method_types: optional(array(literal('card'), { minItems: 1 })),
  description: optional(string()),
  metadata: optional(metadata()),
};
const createBody = object({ ...fields, usage: optional(literal('on_session', 'off_session')) });
const updateBody = object(fields);
const cancelBody = object({ cancellation_reason: optional(literal('abandoned', 'duplicate', 'requested_by_customer')) });

const flowOf = (request: ApiRequest): SetupFlow => find(request.state.setupFlows, request.params['setup_flow_id']!, 'setup flow');

function create({ state, body: raw }: ApiRequest): SetupFlow {
  const body = parse(createBody, raw);
  // PAY.JP's SDK names Invalid Payment Method Types here since 1.0.8 (in place of Unsupported Payment Method
  // Type): a type the account has turned off is what we read it as.
  const off = (body.payment_method_types ?? ['card']).find((type) => !usable(state, type));
  if (off !== undefined) throw new ApiError('invalid_payment_method_types', `The payment method type ${off} cannot be saved by a setup flow of this account.`);
  const customer = body.customer_id === undefined ? undefined : find(state.customers, body.customer_id, 'customer');
  const now = state.ids.timestamp();
  const id = state.ids.next('sfw_');
  const flow = state.setupFlows.add({
    object: 'setup_flow',
    id,
    livemode: false,
    client_secret: `${id}_secret_${state.ids.secret()}`,
    customer_id: customer?.id ?? null,
    description: body.description ?? null,
    metadata: mergeMetadata({}, body.metadata),
    payment_method_id: null,
    payment_method_options: body.payment_method_options ?? null,
    payment_method_types: body.payment_method_types ?? ['card'],
    status: 'requires_payment_method',
    next_action: null,
    return_url: null,
    last_setup_error: null,
    cancellation_reason: null,
    created_at: now,
    updated_at: now,
  });
  state.emit('setup_flow.created', flow);
  return flow;
}

function update(request: ApiRequest): SetupFlow {
  const flow = flowOf(request);
  const body = parse(updateBody, request.body);
  if (!UPDATABLE.includes(flow.status)) throw invalidStatus('setup_flow', UPDATABLE, flow.status);
  const customerId = body.customer_id === undefined ? undefined : find(request.state.customers, body.customer_id, 'customer').id;
  // The payment method already saved must still fit the changed flow: not detached, held by the new customer.
  const saved = flow.payment_method_id === null ? undefined : request.state.paymentMethods.get(flow.payment_method_id);
  if (saved?.detached_at) throw detachedNotUsable(saved);
  if (saved && customerId !== undefined && saved.customer_id !== null && saved.customer_id !== customerId)
    throw new ApiError(
      'payment_method_not_owned_by_customer',
      `The payment method ${saved.id} this setup flow saved does not belong to the customer ${customerId}.`,
    );
  return assign(request.state, flow, {
    customer_id: customerId,
    payment_method_options: body.payment_method_options,
    payment_method_types: body.payment_method_types,
    description: body.description,
    metadata: mergeMetadata(flow.metadata, body.metadata),
  });
}

function cancel(request: ApiRequest): SetupFlow {
  const flow = flowOf(request);
  const body = parse(cancelBody, request.body);
  if (!CANCELABLE.includes(flow.status)) throw invalidStatus('setup_flow', CANCELABLE, flow.status);
  assign(request.state, flow, { status: 'canceled', cancellation_reason: body.cancellation_reason ?? null, next_action: null });
  request.state.emit('setup_flow.canceled', flow);
  return flow;
}

export const setupFlowRoutes: Route[] = [
  { method: 'GET', path: '/v2/setup_flows', operationId: 'getAllSetupFlows', handle: (request) => list(request.state.setupFlows, request) },
  { method: 'POST', path: '/v2/setup_flows', operationId: 'createSetupFlow', body: 'optional', handle: create },
  { method: 'GET', path: '/v2/setup_flows/{setup_flow_id}', operationId: 'getSetupFlow', handle: flowOf },
  { method: 'POST', path: '/v2/setup_flows/{setup_flow_id}', operationId: 'updateSetupFlow', body: 'required', handle: update },
  { method: 'POST', path: '/v2/setup_flows/{setup_flow_id}/cancel', operationId: 'cancelSetupFlow', body: 'optional', handle: cancel },
];
