// Products, prices and tax rates: what is sold, for how much, with which consumption tax.
import { ApiError } from '../http/problem.ts';
import type { ApiRequest, Route } from '../http/route.ts';
import type { Price, Product, TaxRate } from '../model.ts';
import { newId, timestamp } from '../store.ts';
import { boolean, integer, literal, metadata, number, object, optional, parse, string } from '../validate.ts';
import { assign, find, list, mergeMetadata } from './common.ts';

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
const priceCreate = object({
  product_id: string(),
  unit_amount: integer({ min: 0, max: 9_999_999 }),
  currency: literal('jpy'),
  id: optional(string({ minLength: 1, maxLength: 100, pattern: /^[A-Za-z0-9_-]+$/ })),
  active: optional(boolean()),
  nickname: optional(string()),
  lookup_key: optional(string()),
  metadata: optional(metadata()),
});
const priceUpdate = object({
  active: optional(boolean()),
  nickname: optional(string()),
  lookup_key: optional(string()),
  metadata: optional(metadata()),
});
const taxRateCreate = object({
  display_name: string({ minLength: 1 }),
  inclusive: boolean(),
  percentage: number({ min: 0, max: 100 }),
  active: optional(boolean()),
  country: optional(literal('JP')),
  description: optional(string()),
  metadata: optional(metadata()),
});
const taxRateUpdate = object({
  active: optional(boolean()),
  country: optional(literal('JP')),
  description: optional(string()),
  display_name: optional(string({ minLength: 1 })),
  metadata: optional(metadata()),
});

const productOf = (request: ApiRequest): Product => find(request.state.products, request.params['product_id']!, 'product');
const priceOf = (request: ApiRequest): Price => find(request.state.prices, request.params['price_id']!, 'price');
const taxRateOf = (request: ApiRequest): TaxRate => find(request.state.taxRates, request.params['tax_rate_id']!, 'tax rate');

function createProduct({ state, body: raw }: ApiRequest): Product {
  const body = parse(productCreate, raw);
  if (body.id !== undefined && state.products.has(body.id)) throw new ApiError('already_exists_id', `The id ${body.id} is already in use.`);
  const product = state.products.add({
    object: 'product',
    id: body.id ?? newId('prod_'),
    name: body.name,
    active: body.active ?? true,
    default_price_id: null,
    description: body.description ?? null,
    unit_label: body.unit_label ?? null,
    url: body.url ?? null,
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
  assign(product, body);
  request.state.emit('product.updated', product);
  return product;
}

function deleteProduct(request: ApiRequest): { object: 'product'; id: string; deleted: true } {
  const product = productOf(request);
  if (request.state.prices.values().some((price) => price.product_id === product.id))
    throw new ApiError('product_has_prices', `The product ${product.id} has prices and cannot be deleted.`);
  request.state.products.delete(product.id);
  request.state.emit('product.deleted', product);
  return { object: 'product', id: product.id, deleted: true };
}

function createPrice({ state, body: raw }: ApiRequest): Price {
  const body = parse(priceCreate, raw);
  if (body.id !== undefined && state.prices.has(body.id)) throw new ApiError('already_exists_id', `The id ${body.id} is already in use.`);
  const product = find(state.products, body.product_id, 'product');
  const now = timestamp();
  const price = state.prices.add({
    object: 'price',
    id: body.id ?? newId('price_'),
    livemode: false,
    product_id: product.id,
    unit_amount: body.unit_amount,
    currency: 'jpy',
    active: body.active ?? true,
    nickname: body.nickname ?? null,
    type: 'one_time',
    lookup_key: body.lookup_key ?? null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
  });
  state.emit('price.created', price);
  return price;
}

function updatePrice(request: ApiRequest): Price {
  const price = priceOf(request);
  const body = parse(priceUpdate, request.body);
  assign(price, { active: body.active, nickname: body.nickname, lookup_key: body.lookup_key, metadata: mergeMetadata(price.metadata, body.metadata) });
  request.state.emit('price.updated', price);
  return price;
}

function createTaxRate({ state, body: raw }: ApiRequest): TaxRate {
  const body = parse(taxRateCreate, raw);
  const rate = state.taxRates.add({
    object: 'tax_rate',
    id: newId('txr_'),
    display_name: body.display_name,
    inclusive: body.inclusive,
    percentage: body.percentage,
    active: body.active ?? true,
    country: body.country ?? null,
    description: body.description ?? null,
    metadata: mergeMetadata({}, body.metadata),
  });
  state.emit('tax_rate.created', rate);
  return rate;
}

function updateTaxRate(request: ApiRequest): TaxRate {
  const rate = taxRateOf(request);
  const body = parse(taxRateUpdate, request.body);
  assign(rate, { ...body, metadata: mergeMetadata(rate.metadata, body.metadata) });
  request.state.emit('tax_rate.updated', rate);
  return rate;
}

/** `lookup_keys=a&lookup_keys=b` (also `lookup_keys[]=`): the prices with one of these lookup keys. */
function listPrices(request: ApiRequest) {
  const keys = [...request.query.getAll('lookup_keys'), ...request.query.getAll('lookup_keys[]')];
  const prices = request.state.prices.values();
  return list(keys.length === 0 ? prices : prices.filter((price) => price.lookup_key !== null && keys.includes(price.lookup_key)), request);
}

export const catalogRoutes: Route[] = [
  { method: 'GET', path: '/v2/products', operationId: 'getAllProducts', handle: (request) => list(request.state.products.values(), request) },
  { method: 'POST', path: '/v2/products', operationId: 'createProduct', body: 'required', handle: createProduct },
  { method: 'GET', path: '/v2/products/{product_id}', operationId: 'getProduct', handle: productOf },
  { method: 'POST', path: '/v2/products/{product_id}', operationId: 'updateProduct', body: 'required', handle: updateProduct },
  { method: 'DELETE', path: '/v2/products/{product_id}', operationId: 'deleteProduct', handle: deleteProduct },
  { method: 'GET', path: '/v2/prices', operationId: 'getAllPrices', handle: listPrices },
  { method: 'POST', path: '/v2/prices', operationId: 'createPrice', body: 'required', handle: createPrice },
  { method: 'GET', path: '/v2/prices/{price_id}', operationId: 'getPrice', handle: priceOf },
  { method: 'POST', path: '/v2/prices/{price_id}', operationId: 'updatePrice', body: 'required', handle: updatePrice },
  { method: 'GET', path: '/v2/tax_rates', operationId: 'getAllTaxRates', handle: (request) => list(request.state.taxRates.values(), request) },
  { method: 'POST', path: '/v2/tax_rates', operationId: 'createTaxRate', body: 'required', handle: createTaxRate },
  { method: 'GET', path: '/v2/tax_rates/{tax_rate_id}', operationId: 'getTaxRate', handle: taxRateOf },
  { method: 'POST', path: '/v2/tax_rates/{tax_rate_id}', operationId: 'updateTaxRate', body: 'required', handle: updateTaxRate },
];
