// Products: what is sold. A product with prices cannot be deleted; its default price must be one of its
// own active prices.
import { ApiError } from './errors.ts';
import type { ApiRequest, Route } from './route.ts';
import type { Product } from '../state/model.ts';
import { boolean, object, optional, parse, string } from './validate.ts';
import { assign, find, idFor, list } from './common.ts';

const productCreate = object({
  name: string({ minLength: 1 }),
  id: optional(string({ minLength: 1, maxLength: 100, pattern: /^[A-Za-z0-9_-]+$/ })),
  active: optional(boolean()),
  description: optional(string()),
  unit_label: optional(string()),
  url: optional(string()),
});
const productUpdate = object({
  name: optional(string({ minLength: 1 })),
  active: optional(boolean()),
  default_price_id: optional(string()),
  description: optional(string()),
  unit_label: optional(string()),
  url: optional(string()),
});

const productOf = (request: ApiRequest): Product => find(request.state.products, request.params['product_id']!, 'product');

function createProduct({ state, body: raw }: ApiRequest): Product {
  const body = parse(productCreate, raw);
  const id = idFor(state, state.products, body.id, 'prod_');
  const now = state.ids.timestamp();
  const product = state.products.add({
    object: 'product',
    id,
    livemode: false,
    name: body.name,
    active: body.active ?? true,
    default_price_id: null,
    description: body.description ?? null,
    unit_label: body.unit_label ?? null,
    url: body.url ?? null,
    created_at: now,
    updated_at: now,
  });
  state.emit('product.created', product);
  return product;
}

function updateProduct(request: ApiRequest): Product {
  const product = productOf(request);
  const body = parse(productUpdate, request.body);
  if (body.default_price_id !== undefined) {
    const price = find(request.state.prices, body.default_price_id, 'price');
    if (price.product_id !== product.id)
      throw new ApiError('invalid_default_price', `The price ${price.id} belongs to another product and cannot be this product's default price.`);
    if (!price.active) throw new ApiError('invalid_default_price', `The price ${price.id} is not active and cannot be this product's default price.`);
  }
  assign(request.state, product, body);
  request.state.emit('product.updated', product);
  return product;
}

function deleteProduct(request: ApiRequest): { object: 'product'; id: string; deleted: true } {
  const product = productOf(request);
  if (request.state.prices.exists({ product_id: product.id }))
    throw new ApiError('product_has_prices', `The product ${product.id} has prices and cannot be deleted.`);
  request.state.products.delete(product.id);
  request.state.emit('product.deleted', product);
  return { object: 'product', id: product.id, deleted: true };
}

export const productRoutes: Route[] = [
  { method: 'GET', path: '/v2/products', operationId: 'getAllProducts', handle: (request) => list(request.state.products, request) },
  { method: 'POST', path: '/v2/products', operationId: 'createProduct', body: 'required', handle: createProduct },
  { method: 'GET', path: '/v2/products/{product_id}', operationId: 'getProduct', handle: productOf },
  { method: 'POST', path: '/v2/products/{product_id}', operationId: 'updateProduct', body: 'required', handle: updateProduct },
  { method: 'DELETE', path: '/v2/products/{product_id}', operationId: 'deleteProduct', handle: deleteProduct },
];
