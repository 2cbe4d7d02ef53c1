// Customers, with their default payment method and the payment methods attached to them.
import { ApiError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import type { Customer } from '../state/model.ts';
import { metadata, object, optional, parse, string } from './validate.ts';
import { assign, find, idFor, list, mergeMetadata } from './common.ts';
import { detachFromCustomer, detachedNotUsable, supportedTypes } from './payment-methods.ts';

// PAY.JP's SDK: email and description at most 255 characters; default_payment_method_id not nullable (1.1.0).
const email = optional(string({ format: 'email', maxLength: 255 }));
const description = optional(string({ maxLength: 255 }));
const createBody = object({
  id: optional(string({ maxLength: 100, pattern: /^[A-Za-z0-9_-]+$/ })),
  payment_method_id: optional(string()),
  email,
  description,
  metadata: optional(metadata()),
});
const updateBody = object({
  default_payment_method_id: optional(string()),
  email,
  description,
  metadata: optional(metadata()),
});

function create({ state, body: raw }: ApiRequest): Customer {
  const body = parse(createBody, raw);
  const id = idFor(state, state.customers, body.id, 'cus_');
  const method = body.payment_method_id === undefined ? undefined : find(state.paymentMethods, body.payment_method_id, 'payment method');
  if (method?.detached_at) throw detachedNotUsable(method);
  if (method?.customer_id) throw new ApiError('payment_method_already_attached', `The payment method ${method.id} is already attached to a customer.`);
  if (method) supportedTypes(state, [method.type]);
  const now = state.ids.timestamp();
  const customer = state.customers.add({
    object: 'customer',
    id,
    livemode: false,
    email: body.email ?? null,
    description: body.description ?? null,
    default_payment_method_id: method?.id ?? null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
  });
  state.emit('customer.created', customer);
  if (method) {
    assign(state, method, { customer_id: customer.id });
    state.emit('payment_method.attached', method);
  }
  return customer;
}

function update({ state, params, body: raw }: ApiRequest): Customer {
  const customer = find(state.customers, params['customer_id']!, 'customer');
  const body = parse(updateBody, raw);
  const methodId = body.default_payment_method_id;
  if (methodId !== undefined) {
    const method = find(state.paymentMethods, methodId, 'payment method');
    if (method.customer_id === null) throw new ApiError('payment_method_unattached', `The payment method ${method.id} is not attached to any customer.`);
    if (method.customer_id !== customer.id)
      throw new ApiError('payment_method_not_owned_by_customer', `The payment method ${method.id} does not belong to the customer ${customer.id}.`);
  }
  assign(state, customer, {
    email: body.email,
    description: body.description,
    metadata: mergeMetadata(customer.metadata, body.metadata),
  });
  if (methodId !== undefined) customer.default_payment_method_id = methodId;
  state.emit('customer.updated', customer);
  return customer;
}

function remove({ state, params }: ApiRequest): Customer {
  const customer = find(state.customers, params['customer_id']!, 'customer');
  for (const method of state.paymentMethods.all({ customer_id: customer.id })) detachFromCustomer(state, method);
  state.customers.delete(customer.id);
  state.emit('customer.deleted', customer);
  return customer;
}

export const customerRoutes: Route[] = [
  { method: 'GET', path: '/v2/customers', operationId: 'getAllCustomers', handle: (request) => list(request.state.customers, request) },
  { method: 'POST', path: '/v2/customers', operationId: 'createCustomer', body: 'required', handle: create },
  {
    method: 'GET',
    path: '/v2/customers/{customer_id}',
    operationId: 'getCustomer',
    handle: ({ state, params }) => find(state.customers, params['customer_id']!, 'customer'),
  },
  { method: 'POST', path: '/v2/customers/{customer_id}', operationId: 'updateCustomer', body: 'required', handle: update },
  { method: 'DELETE', path: '/v2/customers/{customer_id}', operationId: 'deleteCustomer', handle: remove },
  {
    method: 'GET',
    path: '/v2/customers/{customer_id}/payment_methods',
    operationId: 'getCustomerPaymentMethods',
    handle: (request) => {
      const customer = find(request.state.customers, request.params['customer_id']!, 'customer');
      return list(request.state.paymentMethods, request, { customer_id: customer.id });
    },
  },
];
