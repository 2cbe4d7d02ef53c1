// Prices: how much a product costs (one-time, in yen), found by lookup keys.
import type { ApiRequest, Route } from './route.ts';
import type { Price } from '../state/model.ts';
import { boolean, integer, literal, metadata, object, optional, parse, string } from './validate.ts';
import { assign, find, idFor, list, mergeMetadata } from './common.ts';

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

const priceOf = (request: ApiRequest): Price => find(request.state.prices, request.params['price_id']!, 'price');

function createPrice({ state, body: raw }: ApiRequest): Price {
  const body = parse(priceCreate, raw);
  const id = idFor(state, state.prices, body.id, 'price_');
  const product = find(state.products, body.product_id, 'product');
  const now = state.ids.timestamp();
  const price = state.prices.add({
    object: 'price',
    id,
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
  assign(request.state, price, {
    active: body.active,
    nickname: body.nickname,
    lookup_key: body.lookup_key,
    metadata: mergeMetadata(price.metadata, body.metadata),
  });
  request.state.emit('price.updated', price);
  return price;
}

/** `lookup_keys=a&lookup_keys=b` (also `lookup_keys[]=`): the prices with one of these lookup keys. */
function listPrices(request: ApiRequest) {
  const keys = [...request.query.getAll('lookup_keys'), ...request.query.getAll('lookup_keys[]')];
  return list(request.state.prices, request, keys.length === 0 ? {} : { lookup_key: keys });
}

export const priceRoutes: Route[] = [
  { method: 'GET', path: '/v2/prices', operationId: 'getAllPrices', handle: listPrices },
  { method: 'POST', path: '/v2/prices', operationId: 'createPrice', body: 'required', handle: createPrice },
  { method: 'GET', path: '/v2/prices/{price_id}', operationId: 'getPrice', handle: priceOf },
  { method: 'POST', path: '/v2/prices/{price_id}', operationId: 'updatePrice', body: 'required', handle: updatePrice },
];
